/**
 * `npm run check` as editors type it, on a temporary copy of the project (a git repository of its own):
 * the documented flags, what it finds, and what `--fix` changes.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { astroCommandEnv } from './support/child-process.ts';

const root = resolve(import.meta.dirname, '..');
let dir: string;

const git = (...args: string[]) => {
  const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
};

/** `npm run check -- …flags` in the copy; stdout and stderr together, as the editor sees them. */
function check(...flags: string[]) {
  const result = spawnSync('npm', ['run', '--silent', 'check', ...(flags.length ? ['--', ...flags] : [])], {
    cwd: dir,
    encoding: 'utf8',
    env: astroCommandEnv({ npm_config_loglevel: 'error' }),
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const write = (path: string, text: string | Buffer) => writeFileSync(join(dir, path), text);
const read = (path: string) => readFileSync(join(dir, path), 'utf8');

function caseText({ title = '测试文章', body = '正文第一段。\n', extra = '' } = {}) {
  return `---\ntitle: ${title}\norganisation: 安吉县总工会\nregion: anji\nsource:\n  publication: 劳模工匠专版\ndate: 2022-01-01\n${extra}---\n\n${body}`;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'laomo-check-'));
  for (const path of ['package.json', 'astro.config.mjs', 'tsconfig.json', 'scripts', 'src', 'content', 'public']) {
    cpSync(join(root, path), join(dir, path), { recursive: true });
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.com');
  git('config', 'user.name', 'test');
  write('.gitignore', 'node_modules\n.astro\ndist\n');
  git('add', '.');
  git('commit', '-qm', 'start');
});

// Every test starts from the committed copy.
afterEach(() => {
  git('reset', '-q', '--hard', 'HEAD');
  git('clean', '-qfd', 'content');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run check: the documented flags', { timeout: 180_000 }, () => {
  it('passes the project as it is, counting reminders about files nobody changed in one line', () => {
    const { status, output } = check();
    expect(status, output).toBe(0);
    expect(output).not.toContain('等待配图');
    expect(output).toMatch(/另有 \d+ 条提醒在你没有改动的文件里（不影响发布）；要逐条查看，运行 npm run check -- --all。/);
    expect(output).toContain('内容检查通过');
    expect(output).not.toContain('astro check'); // the code check is opt-in
  });

  it('--all lists every reminder; --quiet only errors; a changed file’s reminders are listed by default', () => {
    expect(check('--all').output).toMatch(/content\/cases\/\S+\.mdx:\d+ {2}图片（<Figure> 的 src） {2}\[提醒\] 图片说明还在等待配图/);
    const quiet = check('--quiet');
    expect(quiet.status).toBe(0);
    expect(quiet.output).not.toMatch(/提醒\]|另有/);
    write('content/cases/ceshi-wenzhang.mdx', caseText({ body: '正文。\n\n<Figure caption="等待照片的说明。" awaitingPhoto />\n', extra: 'draft: true\n' }));
    const mine = check();
    expect(mine.status, mine.output).toBe(0);
    expect(mine.output).toContain('content/cases/ceshi-wenzhang.mdx:13  图片（<Figure> 的 src）  [提醒] 图片说明还在等待配图');
    expect(mine.output).toContain('content/cases/ceshi-wenzhang.mdx:8  draft（草稿）  [说明] 未发布');
    expect(mine.output).not.toContain('content/cases/dongtou-haidao-laomo.mdx');
  });

  it('refuses an unknown flag in Chinese', () => {
    const { status, output } = check('--fxi');
    expect(status).toBe(2);
    expect(output).toContain('不认识的选项 --fxi');
  });

  it('--fix changes punctuation in Chinese prose only: not URLs, link destinations, code or English', () => {
    const body = [
      '协会成立于2021年10月,目前有会员120名(其中全国劳模3名)。',
      '',
      '搜索 https://example.com/search?q=劳模,工匠 可以找到。',
      '',
      '会议安排：starts at 10:30, 会议在三楼。',
      '',
      '详见[报道](https://example.com/劳模,工匠)。共有3,000人参加。',
      '',
      '代码 `a,b中,文` 不改。',
      '',
    ].join('\n');
    write('content/cases/ceshi-wenzhang.mdx', caseText({ title: '测试文章,标题', body }));
    const before = check();
    expect(before.status).toBe(1);
    expect(before.output).toContain('npm run check -- --fix');
    const fixed = check('--fix');
    expect(fixed.output).toContain('已改正 content/cases/ceshi-wenzhang.mdx（4 处）');
    expect(fixed.status, fixed.output).toBe(0);
    expect(read('content/cases/ceshi-wenzhang.mdx')).toBe(
      caseText({ title: '测试文章，标题', body: body.replace('10月,目前', '10月，目前').replace('(其中全国劳模3名)', '（其中全国劳模3名）') }),
    );
  });
});

describe('npm run check: what it finds', { timeout: 180_000 }, () => {
  it('an empty body of a published case, but not of a draft', () => {
    write('content/cases/ceshi-wenzhang.mdx', caseText({ body: '{/* 还没写 */}\n' }));
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('content/cases/ceshi-wenzhang.mdx:9  正文  [错误] 正文是空的');
    write('content/cases/ceshi-wenzhang.mdx', caseText({ body: '', extra: 'draft: true\n' }));
    expect(check().status).toBe(0);
  });

  it('a file name that is not its address, suggesting the pinyin name', () => {
    write('content/cases/平阳 协会.mdx', caseText());
    write('content/cases/PingYang.mdx', caseText({ title: '另一篇' }));
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('content/cases/平阳 协会.mdx:1  文件名  [错误] 文件名 “平阳 协会.mdx” 含有大写字母、空格、中文或其他符号');
    expect(output).toContain('请改名为 ping-yang-xie-hui.mdx');
    expect(output).toContain('请改名为 pingyang.mdx');
  });

  it('a GBK file, which the build could not load, with “请用 UTF-8 保存”', () => {
    const gbk = Buffer.concat([Buffer.from('---\ntitle: '), Buffer.from([0xb2, 0xe2, 0xca, 0xd4]), Buffer.from('\n---\n')]);
    write('content/cases/ceshi-gbk.mdx', gbk);
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('content/cases/ceshi-gbk.mdx:2  (整个文件)  [错误] 文件不是 UTF-8 编码（看起来是 GBK/GB18030）');
    expect(output).toContain('请用 UTF-8 保存');
  });

  it('accepts a UTF-8 file with a byte-order mark and CRLF line ends, as the build does', () => {
    write('content/cases/ceshi-bom.mdx', `\uFEFF${caseText().replace(/\n/g, '\r\n')}`);
    const { status, output } = check();
    expect(status, output).toBe(0);
    expect(output).not.toContain('frontmatter');
  });

  it('a source.file that is not in the provenance archive content/sources/', () => {
    write('content/cases/ceshi-wenzhang.mdx', caseText().replace('  publication: 劳模工匠专版\n', '  publication: 劳模工匠专版\n  file: "999_missing.txt"\n'));
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('content/cases/ceshi-wenzhang.mdx:7  source.file（原始文件）  [错误] 原始文件 “999_missing.txt” 不在 content/sources/（出处档案）中');
  });

  it('YAML mistakes with line, column and a Chinese explanation', () => {
    write('content/cases/ceshi-maohao.mdx', caseText({ title: '标题: 副题' }));
    write('content/cases/ceshi-tab.mdx', caseText().replace('  publication:', '\tpublication:'));
    write('content/cases/ceshi-chongfu.mdx', caseText().replace('region: anji\n', 'region: anji\nregion: anji\n'));
    write('content/cases/ceshi-yinhao.mdx', caseText({ title: '"没有闭合' }));
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toMatch(/ceshi-maohao\.mdx:2 {2}\(格式\) {2}\[错误\] 格式错误（第 2 行第 \d+ 列）：值里有冒号[\s\S]*?请给整个值加引号/);
    expect(output).toMatch(/ceshi-tab\.mdx:6 {2}\(格式\) {2}\[错误\] 格式错误（第 6 行第 1 列）：缩进用了 Tab/);
    expect(output).toMatch(/ceshi-chongfu\.mdx:5 {2}\(格式\) {2}\[错误\] 格式错误（第 5 行第 1 列）：同一个字段写了两次/);
    expect(output).toMatch(/ceshi-yinhao\.mdx:\d+ {2}\(格式\) {2}\[错误\] 格式错误（[^）]+）：双引号没有闭合/);
    expect(output).not.toMatch(/Tabs are not allowed|Nested mappings|Map keys must be unique/);
  });
});

describe('npm run check: published cases that lose their address', { timeout: 180_000 }, () => {
  const oldId = 'anji-gonghui-niangjiaren';
  const renameCase = (newId: string) => {
    git('mv', `content/cases/${oldId}.mdx`, `content/cases/${newId}.mdx`);
    const issue = 'content/issues/gonghui-dongtai-2022-01.yaml';
    write(issue, read(issue).replace(oldId, newId));
  };

  it('a renamed case without a redirect fails, showing the two lines to add; with them it passes', () => {
    renameCase('anji-niangjiaren');
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain(`已发布的文章 content/cases/${oldId}.mdx（网址 /cases/${oldId}/）已改名为 anji-niangjiaren，但没有登记跳转`);
    expect(output).toContain(`      - from: /cases/${oldId}/\n        to: /cases/anji-niangjiaren/`);
    write('content/redirects.yaml', `${read('content/redirects.yaml')}- from: /cases/${oldId}/\n  to: /cases/anji-niangjiaren/\n`);
    const fixed = check();
    expect(fixed.status, fixed.output).toBe(0);
  });

  it('a deleted case without a redirect fails; a draft that was never published needs none', () => {
    git('rm', '-q', 'content/cases/kaier-xincai-xianshang-yundonghui.mdx');
    for (const file of ['content/issues/gonghui-dongtai-2022-01.yaml', 'content/issues/chuang-yiliu-xiehui-hangzhou.yaml', 'content/issues/laomo-xiehui-jiaoliu-huzhou.yaml', 'content/issues/laomo-xiehui-jiaoliu-wenzhou.yaml', 'content/issues/zhiyuan-fuwu-yue-2021.yaml']) {
      write(file, read(file).replace(/\n {2}- "?kaier-xincai-xianshang-yundonghui"?/, ''));
    }
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('content/cases/kaier-xincai-xianshang-yundonghui.mdx（网址 /cases/kaier-xincai-xianshang-yundonghui/）已删除');
    expect(output).toContain('- from: /cases/kaier-xincai-xianshang-yundonghui/\n        to: /issues/');

    git('reset', '-q', '--hard', 'HEAD');
    write('content/cases/caogao.mdx', caseText({ extra: 'draft: true\n' }));
    git('add', 'content/cases/caogao.mdx');
    git('commit', '-qm', 'draft');
    unlinkSync(join(dir, 'content/cases/caogao.mdx'));
    const draft = check();
    git('reset', '-q', '--hard', 'HEAD~1');
    expect(draft.status, draft.output).toBe(0);
  });

  it('a renamed issue without a redirect fails too: its address is printed in the newspaper', () => {
    git('mv', 'content/issues/gonghui-dongtai-2022-01.yaml', 'content/issues/gonghui-dongtai-2022.yaml');
    const { status, output } = check();
    expect(status).toBe(1);
    expect(output).toContain('已发布的专版 content/issues/gonghui-dongtai-2022-01.yaml（网址 /issues/gonghui-dongtai-2022-01/）已改名为 gonghui-dongtai-2022');
    expect(output).toContain('      - from: /issues/gonghui-dongtai-2022-01/\n        to: /issues/gonghui-dongtai-2022/');
  });

  it('compares with the upstream branch when there is one, so a committed rename is still caught', () => {
    const remote = `${dir}-remote.git`;
    spawnSync('git', ['init', '-q', '--bare', remote]);
    git('remote', 'add', 'origin', remote);
    git('push', '-q', '-u', 'origin', 'main');
    try {
      renameCase('anji-niangjiaren');
      git('commit', '-qam', 'rename');
      const { status, output } = check();
      git('reset', '-q', '--hard', 'origin/main');
      expect(status).toBe(1);
      expect(output).toContain('（与 origin/main 比较）');
    } finally {
      git('branch', '-q', '--unset-upstream');
      git('remote', 'remove', 'origin');
      rmSync(remote, { recursive: true, force: true });
    }
  });

  it('without git the comparison is skipped silently', () => {
    renameCase('anji-niangjiaren');
    renameSync(join(dir, '.git'), join(dir, '.git-aside'));
    try {
      const { status, output } = check();
      expect(status, output).toBe(0);
      expect(output).not.toMatch(/git|跳转/);
    } finally {
      renameSync(join(dir, '.git-aside'), join(dir, '.git'));
    }
  });
});

describe('npm run check -- --code', { timeout: 300_000 }, () => {
  it('then runs astro check on the code, its summary in Chinese', () => {
    const { status, output } = check('--code');
    expect(status, output).toBe(0);
    expect(output).toContain('内容检查通过');
    expect(output).toMatch(/代码检查通过（astro check）：检查了 \d+ 个文件：0 个错误，0 个警告，0 个提示。/);
    expect(output).not.toMatch(/Result \(|telemetry|Getting diagnostics/);
  });
});
