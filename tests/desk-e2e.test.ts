/**
 * The editors' desk end to end, in headless Chromium on a throw-away git copy (`npm run desk -- --repo COPY`):
 * an editor creates a case with every field and a photo with its caption, takes it through 草稿 → 待审 → 可发布
 * and publishes it; the commit lands in the copy, the file is what the site expects, `npm run check` passes, and
 * the dev site shows the case with its photo. No request leaves the site and the proxy.
 * The steps are the ones docs/编辑指南.md describes. Screenshots go to .cache/desk-screenshots/ (ignored by git),
 * or, with UPDATE_DOC_SCREENSHOTS=1, to docs/images/desk/ — the guide's pictures — so a plain test run leaves the
 * tree clean.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sharp from 'sharp';
import type { Browser, Dialog, Page, Request } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { astroCommandEnv } from './support/child-process.ts';
import { startDeskOnCopy, type DeskCopy } from './support/desk-copy.ts';

const root = resolve(import.meta.dirname, '..');
const shots = join(root, process.env.UPDATE_DOC_SCREENSHOTS === '1' ? 'docs/images/desk' : '.cache/desk-screenshots');
const photo = join(root, 'node_modules/.cache/desk-e2e/qidong-yishi.jpg');
// Typed as 2023-05-08 with “只知道年和月”: the desk saves the 1st of the month. The id is the region and the
// title's pinyin (src/lib/entry-id.ts), made on the first save.
const caseId = 'pingyang-laomo-jishu-fuwu-dui-jin';
// What `npm run import` makes of a newspaper page (a draft case and a draft issue), in the copy before the desk starts.
const importedPage = join(root, 'tests/fixtures/import/jiaxing-page.txt');
const importedCase = 'jia-xing-shi-lao-dong-mo-fan-xie';
const importedTitle = '嘉兴市劳动模范协会：特色主题活动展风采 创新服务建设强品牌';

let desk: DeskCopy;
let browser: Browser;
let page: Page;
const offsite: string[] = [];

const field = (name: string) => page.locator(`[id^="${name}-field-"]`).first();
const shot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });

async function choose(name: string, text: string) {
  await field(name).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** 保存 (a draft on its own branch), 草稿 → 待审 → 可发布, then 发布 → 立即发布 (merged into the main branch). */
async function saveAndPublish(screenshot: string) {
  await save();
  await publish(screenshot);
}

async function save() {
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByText('修改已保存').first().waitFor({ timeout: 60_000 });
}

async function publish(screenshot?: string) {
  await page.getByRole('button', { name: /状态/ }).click();
  await page.getByRole('menuitem', { name: '待审' }).click();
  await page.getByRole('button', { name: '状态: 待审' }).waitFor();
  await page.getByRole('button', { name: /状态/ }).click();
  await page.getByRole('menuitem', { name: '可发布' }).click();
  await page.getByRole('button', { name: '状态: 可发布' }).waitFor();
  if (screenshot) await shot(screenshot);
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: '发布', exact: true }).click();
  await page.getByRole('menuitem', { name: '立即发布' }).click();
  await page.getByText('已发布').first().waitFor({ timeout: 60_000 });
}

/** Away from an entry with unsaved changes: yes to “离开此页？”, and no to restoring the local backup later. */
async function leaveUnsaved() {
  const accept = (dialog: Dialog) => void dialog.accept();
  page.on('dialog', accept);
  await page.goto(`${desk.siteUrl}/admin/#/collections/cases`);
  await page.getByText('案例文章').first().waitFor();
  page.off('dialog', accept);
  await page.evaluate(() => new Promise((done) => setTimeout(done)));
}

beforeAll(async () => {
  mkdirSync(shots, { recursive: true });
  mkdirSync(join(photo, '..'), { recursive: true });
  await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 168, g: 20, b: 26 } } }).jpeg().toFile(photo);
  desk = await startDeskOnCopy({
    prepare(repo) {
      const imported = spawnSync('npm', ['run', 'import', '--', importedPage], { cwd: repo, env: astroCommandEnv(), encoding: 'utf8' });
      if (imported.status !== 0) throw new Error(`npm run import：${imported.stdout}${imported.stderr}`);
    },
  });
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const allowed = new Set([new URL(desk.siteUrl).origin, new URL(desk.proxyUrl).origin]);
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (allowed.has(url.origin) || url.protocol === 'data:' || url.protocol === 'blob:') return route.continue();
    offsite.push(url.href);
    return route.abort();
  });
  page = await context.newPage();
  if (process.env.DESK_E2E_DEBUG) {
    page.on('response', (response) => {
      const body = response.request().postData();
      if (response.url().startsWith(desk.proxyUrl) && body) console.log('代理', response.status(), body.slice(0, 160));
    });
    page.on('pageerror', (error) => console.log('页面错误', error.message));
  }
}, 300_000);

afterEach(async (context) => {
  if (context.task.result?.state === 'fail') await page?.screenshot({ path: join(root, `node_modules/.cache/desk-e2e/failed-${context.task.name.slice(0, 20)}.png`) });
});

afterAll(async () => {
  await browser?.close();
  await desk?.stop();
});

describe('the editors’ desk in Chromium', () => {
  it('opens in Chinese and logs in to the local git proxy', async () => {
    await page.goto(`${desk.siteUrl}/admin/`, { timeout: 240_000 });
    await page.getByRole('button', { name: '登录' }).click({ timeout: 240_000 });
    await page.getByText('案例文章').first().waitFor();
    // The editors see the desk only, without Astro's developer toolbar.
    expect(await page.locator('astro-dev-toolbar').count()).toBe(0);
    await shot('01-登录后');
  }, 300_000);

  it('opens every existing case and issue without changing it (保存 stays disabled, nothing committed)', async () => {
    const entries = [
      ...readdirSync(join(desk.repo, 'content/cases')).filter((name) => name.endsWith('.mdx')).map((name) => `cases/entries/${name.slice(0, -4)}`),
      ...readdirSync(join(desk.repo, 'content/issues')).filter((name) => name.endsWith('.yaml')).map((name) => `issues/entries/${name.slice(0, -5)}`),
    ];
    expect(entries).toHaveLength(28); // 21 cases and 5 issues, and the imported draft case and issue
    const head = desk.git('rev-parse', 'HEAD');
    for (const entry of entries) {
      await page.goto(`${desk.siteUrl}/admin/#/collections/${entry}`);
      await field('title').waitFor();
      expect(await field('title').inputValue(), entry).not.toBe('');
      if (entry.startsWith('cases/')) await page.locator('[contenteditable="true"]').first().click();
      expect(await page.getByRole('button', { name: '保存' }).isDisabled(), entry).toBe(true);
    }
    expect(desk.git('rev-parse', 'HEAD')).toBe(head);
    expect(desk.git('status', '--porcelain')).toBe('');
  }, 300_000);

  it('lists the import’s drafts as 【草稿】, and narrows the list to drafts', async () => {
    await page.goto(`${desk.siteUrl}/admin/#/collections/cases`);
    await page.getByText(`【草稿】${importedTitle}`).waitFor();
    expect(await page.getByText(/^【草稿】/).count()).toBe(1);
    await page.getByRole('button', { name: '筛选' }).click();
    await page.getByRole('menuitem', { name: '草稿' }).click();
    await page.getByText(/遇难事 主动找/).waitFor({ state: 'detached' }); // a published case is filtered out
    await page.getByText(`【草稿】${importedTitle}`).waitFor();
    await page.keyboard.press('Escape');
    await shot('07-导入的草稿');
  }, 300_000);

  it('refuses to save what the check refuses (the MDX allow-list), in Chinese, and commits nothing', async () => {
    const head = desk.git('rev-parse', 'HEAD');
    // Decap refuses a save with field errors before it asks the proxy anything: no persistEntry request at all.
    const persisted: string[] = [];
    const watch = (request: Request) => {
      if (request.url().startsWith(desk.proxyUrl) && request.postData()?.includes('"persistEntry"')) persisted.push(request.postData()!);
    };
    page.on('request', watch);
    try {
      await page.goto(`${desk.siteUrl}/admin/#/collections/cases/new`);
      await field('title').waitFor();
      await field('title').fill('正文含脚本的测试文章');
      await field('organisation').fill('平阳县劳动模范协会');
      await choose('region', '平阳');
      await field('publication').fill('劳模工匠专版');
      await field('date').fill('2023-06-01');
      // The editor switches the body to Markdown and pastes what an old web page had.
      await page.getByText('Markdown', { exact: true }).locator('..').getByRole('switch').click();
      const body = page.locator('[contenteditable="true"]').first();
      await body.click();
      await page.keyboard.type('活动现场照片见下方。\n\n<script>alert(1)</script>');
      await page.getByRole('button', { name: '保存' }).click();
      const notice = page.locator('#desk-check-notice');
      await notice.waitFor();
      expect(await notice.innerText()).toContain('内容检查：1 处错误，没有保存');
      expect(await notice.innerText()).toContain('正文不能包含 <script> 标签');
      expect(await notice.innerText()).toContain('提示：允许的写法：');
      // Decap's own place for a field's error: red, above the body.
      await page.getByText(/^正文不能包含 <script> 标签。 提示：允许的写法：/).waitFor();
      await shot('08-检查未通过');

      // A javascript: link is refused the same way.
      await body.click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type('请[点这里](javascript:alert(1))查看。');
      await page.getByRole('button', { name: '保存' }).click();
      await page.locator('#desk-check-notice', { hasText: '链接的地址不允许：javascript:alert(1)' }).waitFor();

      expect(persisted).toEqual([]);
      expect(desk.git('rev-parse', 'HEAD')).toBe(head);
      expect(desk.git('branch', '--list', 'cms/*')).toBe('');
      expect(desk.git('status', '--porcelain')).toBe('');
    } finally {
      page.off('request', watch);
      await page.evaluate(() => localStorage.removeItem('cms.md-mode')); // the next editor opens in 富文本 again
      await leaveUnsaved();
    }
  }, 300_000);

  it('creates a case with every field and a photo with its caption, and publishes it', async () => {
    await page.goto(`${desk.siteUrl}/admin/#/collections/cases/new`);
    await field('title').waitFor();
    await field('kicker').fill('劳模工匠走进企业');
    await field('title').fill('平阳劳模技术服务队进企业解难题');
    await field('subtitle').fill('——平阳县劳模协会工作侧记');
    await field('titleNote').fill('原版标题完整，此处测试标题说明。');
    await field('editorNote').fill('平阳县劳模协会组织技术服务队走进企业，现将其做法刊发，供大家交流。');
    await field('organisation').fill('平阳县劳动模范协会');
    await choose('region', '平阳');
    await choose('topics', '志愿服务');
    await choose('topics', '技术帮扶');
    await field('byline').fill('通讯员 张三');
    await field('publication').fill('劳模工匠专版');
    await field('page').fill('第3版');
    await field('date').fill('2023-05-08');
    await choose('datePrecision', '只知道年和月');
    await field('dateNote').fill('原版未印日期，正文记述“5月8日”的活动，推断刊于2023年5月。');
    await shot('02-填写字段');

    const body = page.locator('[contenteditable="true"]').first();
    await body.click();
    await page.keyboard.type('平阳县劳模技术服务队走进企业，为职工开展技术指导。');
    await page.getByTitle('添加组件').click();
    await page.getByRole('menuitem', { name: '照片' }).click();
    await page.getByRole('button', { name: '选择图片' }).click();
    await page.locator('input[type="file"]').setInputFiles(photo);
    await page.getByRole('button', { name: '选用已选中项目' }).click();
    await field('caption').fill('平阳县劳模技术服务队在企业车间开展技术指导。');
    await shot('03-插入照片');

    await saveAndPublish('04-可发布');

    const log = desk.git('log', '--format=%s', '-5');
    expect(log).toContain(caseId);
    const file = readFileSync(join(desk.repo, `content/cases/${caseId}.mdx`), 'utf8');
    expect(file).toContain('region: pingyang');
    expect(file).toContain('date: 2023-05-01\n');
    expect(file).toContain('datePrecision: month');
    expect(file).toMatch(/topics:\n {2}- zhiyuan-fuwu\n {2}- jishu-bangfu/);
    expect(file).toContain('<Figure src="./images/qidong-yishi.jpg" caption="平阳县劳模技术服务队在企业车间开展技术指导。" />');
    expect(existsSync(join(desk.repo, 'content/cases/images/qidong-yishi.jpg'))).toBe(true);
    expect(desk.git('status', '--porcelain')).toBe('');
  }, 300_000);

  it('creates a special issue in a series listing the new case, and publishes it', async () => {
    // As an editor would: back to the list of issues, then “+ 专版” (a fresh editor, not the previous entry's).
    await page.goto(`${desk.siteUrl}/admin/#/collections/issues`);
    await page.reload();
    await page.locator('a[href$="/collections/issues/new"]').click(); // “+ 专版”
    await field('title').waitFor();
    await field('title').fill('劳模技术服务进企业');
    await field('subtitle').fill('——全省各市劳模协会工作交流·温州篇');
    await field('editorNote').fill('现将平阳县劳模协会的做法以专版形式刊发，供大家学习交流。');
    await field('name').fill('全省各市劳模协会工作交流');
    await field('part').fill('温州篇');
    // Every existing case already belongs to an issue (the check allows one issue per case): list the new one.
    for (const title of ['平阳劳模技术服务队']) {
      await page.getByRole('button', { name: /新增/ }).first().click();
      await page.locator('[id^="case-field-"]').last().waitFor();
      await page.locator('[id^="case-field-"]').last().click();
      await page.keyboard.type(title);
      await page.getByRole('option', { name: new RegExp(title) }).first().click();
    }
    await field('publication').fill('劳模工匠专版');
    await field('date').fill('2023-05-08');
    await choose('datePrecision', '只知道年和月');
    await shot('05-专版');
    await saveAndPublish('06-专版可发布');

    const file = readFileSync(join(desk.repo, 'content/issues/laomo-jishu-fuwu-jin-wenzhou.yaml'), 'utf8');
    expect(file).toMatch(/cases:\n {2}- pingyang-laomo-jishu-fuwu-dui-jin\n/);
    expect(file).toMatch(/series:\n {2}name: 全省各市劳模协会工作交流\n {2}part: 温州篇\n/);
    expect(desk.git('log', '--format=%s', '-8')).toContain('laomo-jishu-fuwu-jin-wenzhou');
    // The desk's working field that names a new entry's file is never written.
    expect(file).not.toContain('newEntryId');
    expect(readFileSync(join(desk.repo, `content/cases/${caseId}.mdx`), 'utf8')).not.toContain('newEntryId');
  }, 300_000);

  it('finishes an imported draft in the browser: topics chosen, 草稿 switched off, saved with warnings, published', async () => {
    await page.goto(`${desk.siteUrl}/admin/#/collections/cases/entries/${importedCase}`);
    await page.reload(); // a fresh editor, not the form still on the page
    await field('title').waitFor();
    expect(await field('title').inputValue()).toBe(importedTitle);
    await choose('topics', '志愿服务');
    await field('draft').click();
    await save();
    // Its photos are still awaited: the check's warnings are shown, and saving went ahead.
    const notice = page.locator('#desk-check-notice');
    expect(await notice.innerText()).toContain('内容检查：6 处提醒（不影响保存）');
    expect(await notice.innerText()).toContain('图片说明还在等待配图：2021年浙江工会劳模工匠志愿服务月活动启动仪式');
    await shot('09-提醒');
    await publish();

    const file = readFileSync(join(desk.repo, `content/cases/${importedCase}.mdx`), 'utf8');
    expect(file).toContain('draft: false\n');
    expect(file).toMatch(/topics:\n {2}- zhiyuan-fuwu\n/);
    expect(desk.git('log', '--format=%s', '-12')).toContain(importedCase);
    expect(desk.git('status', '--porcelain')).toBe('');
  }, 300_000);

  it('npm run check passes on what the desk saved', () => {
    const result = spawnSync('npm', ['run', 'check'], { cwd: desk.repo, env: astroCommandEnv(), encoding: 'utf8' });
    // `npm run check` is the content check only (astro check's “0 errors” needs `-- --code`); the desk's case and
    // issue are among those checked (21 + 1 + the imported case, 5 + 1 + the imported issue).
    expect(result.stdout + result.stderr).toContain('内容检查通过：23 篇案例、7 个专版');
    expect(result.status).toBe(0);
  }, 300_000);

  it('the dev site shows the case with its photo', async () => {
    const response = await page.goto(`${desk.siteUrl}/cases/${caseId}/`, { timeout: 120_000 });
    expect(response?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('平阳劳模技术服务队进企业解难题');
    expect(await page.locator('.news-figure img').count()).toBe(1);
    expect(await page.locator('.news-figure figcaption').innerText()).toBe('平阳县劳模技术服务队在企业车间开展技术指导。');
  }, 180_000);

  it('the dev site shows the special issue with the case', async () => {
    const response = await page.goto(`${desk.siteUrl}/issues/laomo-jishu-fuwu-jin-wenzhou/`, { timeout: 120_000 });
    expect(response?.status()).toBe(200);
    expect(await page.locator('main').innerText()).toContain('平阳劳模技术服务队进企业解难题');
  }, 180_000);

  it('the dev site’s search finds the new case', async () => {
    // A phrase of its body, typed in the desk: the search page lists the case among its results.
    await page.goto(`${desk.siteUrl}/search/?q=${encodeURIComponent('为职工开展技术指导')}`, { timeout: 120_000 });
    const result = page.locator(`#search-results li a[href$="/cases/${caseId}/"]`).first();
    await result.waitFor({ timeout: 120_000 });
    expect(await result.innerText()).toContain('平阳劳模技术服务队进企业解难题');
  }, 180_000);

  it('made no request outside the site and the proxy', () => {
    expect(offsite).toEqual([]);
  });

  it('keeps the content check’s error overlay off the desk; reader pages still show it', async () => {
    await page.goto(`${desk.siteUrl}/admin/#/collections/cases`);
    await page.getByText('案例文章').first().waitFor();
    const reader = await page.context().newPage();
    const broken = join(desk.repo, 'content/cases/zz-broken-date.mdx');
    try {
      await reader.goto(`${desk.siteUrl}/`, { timeout: 120_000 });
      const reported = page.waitForEvent('console', { predicate: (message) => message.text().includes('编辑台不显示覆盖层'), timeout: 120_000 });
      const original = readFileSync(join(desk.repo, `content/cases/${caseId}.mdx`), 'utf8');
      writeFileSync(broken, original.replace(/^date: .*$/m, 'date: 2023-02-30').replace(/^title: .*$/m, 'title: 日期有误的测试文章'));
      await reader.locator('vite-error-overlay').waitFor({ state: 'attached', timeout: 120_000 });
      await reported;
      // Let the desk's own clean-up (queued right after the message) run, then look.
      await page.evaluate(() => new Promise((done) => setTimeout(done)));
      expect(await page.locator('vite-error-overlay').count()).toBe(0);
      await page.locator('a[href$="/collections/issues"]').first().click(); // the desk still takes clicks
      await page.locator('a[href$="/collections/issues/new"]').waitFor();
    } finally {
      rmSync(broken, { force: true });
      await reader.close();
    }
  }, 300_000);
});
