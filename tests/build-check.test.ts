/**
 * What `npm run check` refuses, `npm run build` refuses (src/integrations/content-check.ts), and `npm run dev`
 * shows. Run through the real commands on a temporary copy of the project (node_modules linked, not copied, the
 * folder itself the copy's own so Astro's caches stay apart). A build stopped by the check ends in seconds: it
 * stops before Astro loads any content.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../scripts/lib/chromium.ts';
import { astroCommandEnv, freePort } from './support/child-process.ts';
import { copyProjectForBuild } from './support/project-copy.ts';

const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules/astro/bin/astro.mjs');
let project: string;

/** A case file: a valid case unless a field is overridden. */
function caseText(title: string, fields: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    title: `"${title}"`,
    organisation: '"平阳县劳模协会"',
    region: '"pingyang"',
    topics: '\n  - "zhiyuan-fuwu"',
    source: '\n  publication: "劳模工匠专版"',
    date: '2022-01-15',
    ...fields,
  };
  const frontmatter = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return `---\n${frontmatter}\n---\n\n${title}的正文。\n`;
}

/**
 * Each bad file and the `file:line  field` the check and the build must name for it. All of them pass
 * `astro build` without the check: Astro drops unknown references, rolls over impossible dates, reads numbers
 * as milliseconds.
 */
const badFiles: { path: string; text: string; expected: string }[] = [
  { path: 'content/cases/bad-region.mdx', text: caseText('地区有误的测试文章', { region: '"nowhere"' }), expected: 'content/cases/bad-region.mdx:4  region（地区）' },
  { path: 'content/cases/bad-topic.mdx', text: caseText('话题有误的测试文章', { topics: '\n  - "no-such-topic"' }), expected: 'content/cases/bad-topic.mdx:6  第 1 个话题（topics）' },
  { path: 'content/cases/bad-month.mdx', text: caseText('月份有误的测试文章', { date: '2022-13-45' }), expected: 'content/cases/bad-month.mdx:9  date（日期）' },
  { path: 'content/cases/bad-day.mdx', text: caseText('日子有误的测试文章', { date: '2022-02-30' }), expected: 'content/cases/bad-day.mdx:9  date（日期）' },
  { path: 'content/cases/bad-chinese-day.mdx', text: caseText('中文日期有误的测试文章', { date: '2022年2月30日' }), expected: 'content/cases/bad-chinese-day.mdx:9  date（日期）' },
  { path: 'content/cases/bad-number-date.mdx', text: caseText('数字日期的测试文章', { date: '20220101' }), expected: 'content/cases/bad-number-date.mdx:9  date（日期）' },
  {
    path: 'content/cases/bad-precision.mdx',
    text: caseText('日期精度矛盾的测试文章', { date: '2022', datePrecision: 'day' }),
    expected: 'content/cases/bad-precision.mdx:10  datePrecision（日期精度）',
  },
  {
    path: 'content/issues/bad-issue.yaml',
    text: 'title: "测试专版"\ncases:\n  - "no-such-case"\nsource:\n  publication: "劳模工匠专版"\ndate: 2022-01-01\n',
    expected: 'content/issues/bad-issue.yaml:3  第 1 篇文章（cases）',
  },
];
const badRedirect = { text: '- from: /old-nowhere/\n  to: /cases/no-such-page/\n', expected: /^content\/redirects\.yaml:\d+ {2}第 \d+ 条跳转的新网址（to）/ };

/** `file:line  field` of each error line in a command's output (the lines under the error heading). */
function errorLocations(output: string): string[] {
  return output
    .split('\n')
    .filter((line) => line.includes('  [错误] '))
    .map((line) => line.slice(0, line.indexOf('  [错误] ')))
    .sort();
}

function npm(script: string, env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync('npm', ['run', '--silent', script], { cwd: project, encoding: 'utf8', env: astroCommandEnv({ NODE_ENV: 'production', ...env }), timeout: 300_000 });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

beforeAll(() => {
  project = copyProjectForBuild('laomo-build-check-');
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('npm run build refuses what npm run check refuses', () => {
  it('stops with the check’s list of files and fields, in Chinese, and builds nothing', { timeout: 300_000 }, () => {
    const redirects = join(project, 'content/redirects.yaml');
    const goodRedirects = readFileSync(redirects, 'utf8');
    for (const file of badFiles) writeFileSync(join(project, file.path), file.text);
    writeFileSync(redirects, goodRedirects + badRedirect.text);
    try {
      const build = npm('build');
      expect(build.status, build.output).not.toBe(0);
      const built = errorLocations(build.output);
      for (const file of badFiles) expect(built, build.output).toContain(file.expected);
      expect(built.filter((line) => badRedirect.expected.test(line)), build.output).toHaveLength(1);
      expect(built).toHaveLength(badFiles.length + 1);
      expect(build.output).toContain('== 错误（必须改正才能发布） ==');
      expect(build.output).toMatch(/内容检查未通过：9 个错误.*网站没有构建/);
      // Warnings (photos awaited in the real content) are one summary line, not a list.
      expect(build.output).not.toContain('提醒（不影响发布）');
      expect(build.output).not.toMatch(/Stack trace|unhandled error/i);
      expect(existsSync(join(project, 'dist'))).toBe(false);

      const check = npm('check');
      expect(check.status).not.toBe(0);
      expect(errorLocations(check.output)).toEqual(built);
    } finally {
      for (const file of badFiles) rmSync(join(project, file.path));
      writeFileSync(redirects, goodRedirects);
    }
  });

  it('refuses a corrupted regions.json even when Astro’s content cache still holds the old data', { timeout: 300_000 }, () => {
    // `astro sync` loads the content into the cache (node_modules/.astro), as a previous build would.
    const sync = spawnSync(process.execPath, [astro, 'sync'], { cwd: project, encoding: 'utf8', env: astroCommandEnv() });
    expect(sync.status, sync.stdout + sync.stderr).toBe(0);
    expect(existsSync(join(project, 'node_modules/.astro'))).toBe(true);
    const regions = join(project, 'content/regions.json');
    const good = readFileSync(regions, 'utf8');
    writeFileSync(regions, good.slice(0, good.length / 2));
    try {
      const build = npm('build');
      expect(build.status, build.output).not.toBe(0);
      const errors = errorLocations(build.output);
      expect(errors.length, build.output).toBeGreaterThan(0);
      // The broken file itself, not every case naming a region.
      for (const line of errors) expect(line, build.output).toMatch(/^content\/regions\.json(:\d+)? {2}\(格式\)/);
      expect(existsSync(join(project, 'dist'))).toBe(false);
    } finally {
      writeFileSync(regions, good);
    }
  });
});

describe('npm run dev shows content errors and keeps serving', () => {
  it('prints the errors and shows them in the overlay, keeps serving, rechecks when the files are fixed, and shows a year-only date as the year', { timeout: 240_000 }, async () => {
    // An impossible day (Astro alone would roll it over) and a number (Astro's schema refuses it, which alone
    // would stop `astro dev` at start-up).
    const bad = badFiles.find((file) => file.path.endsWith('bad-day.mdx'))!;
    const badSchema = badFiles.find((file) => file.path.endsWith('bad-number-date.mdx'))!;
    for (const file of [bad, badSchema]) writeFileSync(join(project, file.path), file.text);
    const yearOnly = 'content/cases/year-only.mdx';
    writeFileSync(join(project, yearOnly), caseText('只知年份的测试文章', { date: '2022' }));
    const port = await freePort();
    const dev = spawn(process.execPath, [astro, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
      cwd: project,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: astroCommandEnv({ NODE_ENV: 'development' }),
    });
    let log = '';
    dev.stdout!.on('data', (chunk) => (log += chunk));
    dev.stderr!.on('data', (chunk) => (log += chunk));
    const waitFor = async (what: () => boolean, label: string) => {
      for (let attempt = 0; attempt < 600 && !what(); attempt += 1) {
        if (dev.exitCode !== null) throw new Error(`astro dev 退出了：${log}`);
        await new Promise((wait) => setTimeout(wait, 200));
      }
      if (!what()) throw new Error(`没有等到 ${label}：${log}`);
    };
    try {
      await waitFor(() => log.includes(bad.expected) && log.includes(badSchema.expected), bad.expected);
      expect(log).toContain('内容检查未通过：2 个错误');

      // The check prints its list while Astro sets up, before the server listens: wait until it answers.
      let answering = false;
      for (let attempt = 0; attempt < 600 && !answering; attempt += 1) {
        if (dev.exitCode !== null) throw new Error(`astro dev 退出了：${log}`);
        answering = await fetch(`http://127.0.0.1:${port}/`).then(() => true, () => false);
        if (!answering) await new Promise((wait) => setTimeout(wait, 200));
      }
      expect(answering, log).toBe(true);

      // The same list in the browser's error overlay, on any page opened while the error stands.
      const browser = await launchChromium();
      try {
        const page = await browser.newPage();
        await page.goto(`http://127.0.0.1:${port}/`);
        const overlay = page.locator('vite-error-overlay #message');
        await overlay.waitFor({ timeout: 60_000 });
        const shown = await overlay.innerText();
        expect(shown).toContain(bad.expected);
        expect(shown).toContain(badSchema.expected);
      } finally {
        await browser.close();
      }

      let html = '';
      for (let attempt = 0; attempt < 300 && !html; attempt += 1) {
        const response = await fetch(`http://127.0.0.1:${port}/cases/year-only/`).catch(() => undefined);
        if (response?.ok) html = await response.text();
        else await new Promise((wait) => setTimeout(wait, 300));
      }
      expect(html, log).toContain('只知年份的测试文章');
      expect(html).toMatch(/<time[^>]*datetime="2022"[^>]*>2022年<\/time>/);
      expect(html).not.toContain('1970');

      log = '';
      writeFileSync(join(project, bad.path), caseText('日子有误的测试文章', { date: '2022-02-28' }));
      writeFileSync(join(project, badSchema.path), caseText('数字日期的测试文章', { date: '2022-01-01' }));
      await waitFor(() => log.includes('内容检查通过'), '内容检查通过');
      expect(dev.exitCode).toBe(null);
    } finally {
      if (dev.exitCode === null) dev.kill('SIGTERM');
      for (const file of [bad, badSchema]) rmSync(join(project, file.path), { force: true });
      rmSync(join(project, yearOnly), { force: true });
    }
  });
});
