/** The CLI end to end, in a temporary directory: never writes into content/. */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { freeId } from '../src/lib/entry-id.ts';
import { importIssueId } from '../src/lib/import/pipeline.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const node = join(root, 'node_modules/.bin/node');
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url));

function cli(...args: string[]) {
  const result = spawnSync(node, [join(root, 'scripts/import.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
});

describe('npm run import', () => {
  it('writes the case drafts and the issue file, with progress and the report', () => {
    const { code, out } = cli(fixture('small-page.txt'), '--out', dir);
    expect(code).toBe(0);
    expect(out).toMatch(/^读取 .*small-page\.txt/m);
    expect(out).toContain('识别出 2 篇文章');
    expect(out).toContain(`写入 ${join(dir, 'cases/ping-yang-xian-lao-mo-xie-hui.mdx')}`);
    expect(out).toContain('文字核对通过');
    expect(out).toContain('接续被分栏打断的段落');
    expect(readdirSync(join(dir, 'cases')).sort()).toEqual(['dong-tou-qu-lao-mo-xie-hui.mdx', 'ping-yang-xian-lao-mo-xie-hui.mdx']);
    const issue = readFileSync(join(dir, 'issues/small-page.yaml'), 'utf8');
    expect(issue).toContain('cases:\n  - ping-yang-xian-lao-mo-xie-hui\n  - dong-tou-qu-lao-mo-xie-hui');
  });

  it('uses --issue for the issue file and refuses an unsuitable one', () => {
    expect(cli(fixture('small-page.txt'), '--out', dir, '--issue', '2022-wenzhou').code).toBe(0);
    expect(existsSync(join(dir, 'issues/2022-wenzhou.yaml'))).toBe(true);
    const bad = cli(fixture('small-page.txt'), '--out', dir, '--issue', '温州 第1期');
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/期号/);
  });

  it('never overwrites an existing file without --force, and writes nothing at all then', () => {
    expect(cli(fixture('small-page.txt'), '--out', dir).code).toBe(0);
    const edited = join(dir, 'cases/ping-yang-xian-lao-mo-xie-hui.mdx');
    writeFileSync(edited, '编辑改过的内容');
    const other = join(dir, 'cases/dong-tou-qu-lao-mo-xie-hui.mdx');
    writeFileSync(other, '另一篇也改过');

    const refused = cli(fixture('small-page.txt'), '--out', dir);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('已经存在');
    expect(refused.err).toContain(edited);
    expect(refused.err).toContain('--force');
    expect(refused.out).not.toContain('写入');
    expect(readFileSync(edited, 'utf8')).toBe('编辑改过的内容');
    expect(readFileSync(other, 'utf8')).toBe('另一篇也改过');

    const forced = cli(fixture('small-page.txt'), '--out', dir, '--force');
    expect(forced.code).toBe(0);
    expect(forced.out).toContain('（覆盖）');
    expect(readFileSync(edited, 'utf8')).toMatch(/^---\n/);
  });

  it('imports a GB18030 file with CRLF line endings like the UTF-8 one', () => {
    const utf8Dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
    copyFileSync(fixture('small-page.gb18030.txt'), join(dir, 'page.txt'));
    copyFileSync(fixture('small-page.txt'), join(utf8Dir, 'page.txt'));
    expect(cli(join(dir, 'page.txt'), '--out', dir).code).toBe(0);
    expect(cli(join(utf8Dir, 'page.txt'), '--out', utf8Dir).code).toBe(0);
    const name = 'cases/ping-yang-xian-lao-mo-xie-hui.mdx';
    expect(readFileSync(join(dir, name), 'utf8')).toBe(readFileSync(join(utf8Dir, name), 'utf8'));
  });

  it('refuses a missing, empty or binary file with a Chinese message and exit code 1', () => {
    const missing = cli(join(dir, 'nope.txt'), '--out', dir);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');

    writeFileSync(join(dir, 'empty.txt'), '  \n\n ');
    const empty = cli(join(dir, 'empty.txt'), '--out', dir);
    expect(empty.code).toBe(1);
    expect(empty.err).toMatch(/空白|空的/);

    const binary = cli(fixture('binary.bin'), '--out', dir);
    expect(binary.code).toBe(1);
    expect(binary.err).toContain('二进制');
    expect(existsSync(join(dir, 'cases'))).toBe(false);
  });

  it('answers an unknown flag or a missing file argument with the usage in Chinese', () => {
    const unknown = cli('--overwrite', fixture('small-page.txt'));
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('不认识的参数：--overwrite');
    expect(unknown.err).toContain('用法：npm run import --');
    const none = cli();
    expect(none.code).toBe(1);
    expect(none.err).toContain('用法');
    const help = cli('--help');
    expect(help.code).toBe(0);
    expect(help.out).toContain('--force');
  });
});

describe('npm run import: any path gives a Chinese answer, never a stack trace', () => {
  const noStackTrace = (text: string) => expect(text).not.toMatch(/Error:|\n\s+at |node:internal/);

  it('imports every .txt page of a folder, one issue each, with ids that never collide', () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    copyFileSync(fixture('small-page.txt'), join(pages, 'a.txt'));
    copyFileSync(fixture('small-page.txt'), join(pages, 'b.txt'));
    writeFileSync(join(pages, '说明.md'), '不是版面');
    const out = join(dir, 'out');
    const result = cli(pages, '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(result.out).toContain('文件夹');
    expect(result.out).toContain('2 个 .txt 版面文件');
    expect(result.out).toContain('全部 2 个版面导入完成');
    expect(readdirSync(join(out, 'issues')).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(readdirSync(join(out, 'cases')).sort()).toEqual([
      'dong-tou-qu-lao-mo-xie-hui-2.mdx',
      'dong-tou-qu-lao-mo-xie-hui.mdx',
      'ping-yang-xian-lao-mo-xie-hui-2.mdx',
      'ping-yang-xian-lao-mo-xie-hui.mdx',
    ]);
    expect(readFileSync(join(out, 'issues/b.yaml'), 'utf8')).toContain('  - ping-yang-xian-lao-mo-xie-hui-2');
  });

  it('reports a bad page of a folder, imports the others, and exits 1', () => {
    const pages = join(dir, 'pages');
    mkdirSync(pages);
    copyFileSync(fixture('small-page.txt'), join(pages, 'good.txt'));
    writeFileSync(join(pages, 'empty.txt'), '');
    const out = join(dir, 'out');
    const result = cli(pages, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toContain('文件是空的');
    expect(result.err).toMatch(/2 个版面中有 1 个没有导入[\s\S]*empty\.txt/);
    noStackTrace(result.err);
    expect(readdirSync(join(out, 'issues'))).toEqual(['good.yaml']);
  });

  it('answers a folder without pages, a folder with --issue, and a missing path in Chinese', () => {
    const none = cli(dir, '--out', dir);
    expect(none.code).toBe(1);
    expect(none.err).toContain('里没有 .txt 文件');
    noStackTrace(none.err);
    mkdirSync(join(dir, 'pages'));
    copyFileSync(fixture('small-page.txt'), join(dir, 'pages/a.txt'));
    copyFileSync(fixture('small-page.txt'), join(dir, 'pages/b.txt'));
    const issue = cli(join(dir, 'pages'), '--issue', 'x', '--out', dir);
    expect(issue.code).toBe(1);
    expect(issue.err).toContain('--issue 只能用于一个版面文件');
    const device = cli('/dev/null', '--out', dir);
    expect(device.code).toBe(1);
    expect(device.err).toContain('不是普通文件');
    const missing = cli(join(dir, 'nope/page.txt'));
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('找不到文件');
    noStackTrace(missing.err);
    expect(existsSync(join(dir, 'cases'))).toBe(false);
  });

  it.skipIf(process.getuid?.() === 0)('refuses an unreadable file with a Chinese message', () => {
    const locked = join(dir, 'locked.txt');
    copyFileSync(fixture('small-page.txt'), locked);
    chmodSync(locked, 0o000);
    const result = cli(locked, '--out', dir);
    expect(result.code).toBe(1);
    expect(result.err).toContain('没有权限读取');
    noStackTrace(result.err);
  });

  it('names the issue of a Chinese-named page by its pinyin, and leaves existing files of other pages alone', () => {
    const page = join(dir, '温州专版.txt');
    copyFileSync(fixture('small-page.txt'), page);
    const out = join(dir, 'out');
    mkdirSync(join(out, 'issues'), { recursive: true });
    writeFileSync(join(out, 'issues/wen-zhou-zhuan-ban.yaml'), 'title: 别的版面\nsource:\n  file: "other.txt"\n');
    const result = cli(page, '--out', out);
    expect(result.code, result.err).toBe(0);
    expect(readdirSync(join(out, 'issues')).sort()).toEqual(['wen-zhou-zhuan-ban-2.yaml', 'wen-zhou-zhuan-ban.yaml']);
    expect(readFileSync(join(out, 'issues/wen-zhou-zhuan-ban.yaml'), 'utf8')).toContain('别的版面');
    // The same page again is a re-import: its own files are conflicts, not new ids.
    const again = cli(page, '--out', out);
    expect(again.code).toBe(1);
    expect(again.err).toContain('wen-zhou-zhuan-ban-2.yaml');
    expect(again.err).toContain('--force');
  });
});

describe('issue ids', () => {
  it('come from an ASCII file name, the pinyin of a Chinese one, the title, or the year; never generic; never taken', () => {
    expect(importIssueId('004_54fb161613d80c24.txt', '标题', 2022)).toBe('004-54fb161613d80c24');
    expect(importIssueId('温州专版.txt', undefined, 2022)).toBe('wen-zhou-zhuan-ban');
    expect(importIssueId('/tmp/丽水篇2022.txt', undefined, 2022)).toBe('li-shui-pian-2022');
    expect(importIssueId('——.txt', '打造金字招牌 助力共同富裕', 2022)).toBe('da-zao-jin-zi-zhao-pai-zhu-li');
    expect(importIssueId('——.txt', undefined, 2022)).toBe('zhuanban-2022');
    expect(importIssueId('温州专版.txt', undefined, 2022, new Set(['wen-zhou-zhuan-ban', 'wen-zhou-zhuan-ban-2']))).toBe('wen-zhou-zhuan-ban-3');
    expect(freeId('a', new Set())).toBe('a');
  });
});

describe('npm run import on a real page made into 嘉兴 with half-width punctuation (fixtures/import/jiaxing-page.txt)', () => {
  // Made from content/sources/002 (湖州): 湖州 → 嘉兴, and `2万余条.`, `尽力解难...`, `"服务队"`, `启动.嘉兴` typed half-width.
  it('keeps paragraphs apart, fixes and lists the punctuation, flags the date, sets the series, suggests topics', async () => {
    const { code, out } = cli(fixture('jiaxing-page.txt'), '--out', dir);
    expect(code, out).toBe(0);
    const [caseFile] = readdirSync(join(dir, 'cases'));
    const mdx = readFileSync(join(dir, 'cases', caseFile!), 'utf8');
    const issueText = readFileSync(join(dir, 'issues/jiaxing-page.yaml'), 'utf8');

    // No false joins at a paragraph that ended in a half-width stop.
    expect(mdx).toMatch(/2万余条。\n\n2021年是/);
    expect(mdx).toMatch(/尽力解难……\n\n在困难劳模帮扶方面/);
    expect(out).not.toMatch(/2万余条\.｜|尽力解难\.\.\.｜/);
    // Fixed, and each fix listed in the report.
    expect(mdx).toContain('（以下简称“服务队”）');
    expect(mdx).toContain('活动启动。嘉兴市劳模协会');
    expect(mdx).not.toMatch(/[\u4e00-\u9fff]\.|\.\.\.|"服务队"/);
    for (const listed of ['2万余条. → 2万余条。', '尽力解难... → 尽力解难……', '以下简称"服务队"）', '活动启动.嘉兴']) expect(out).toContain(listed);
    // The guessed date is among the things to verify, with what the page says about its year.
    const verify = out.slice(out.indexOf('需要编辑核对'));
    expect(verify).toMatch(/暂定为 2021 年.*请对照原报核实日期.*二十大召开之年.*2022 年/);
    // Series from 全省各市劳模协会工作交流·嘉兴篇.
    expect(issueText).toContain('series:\n  name: 全省各市劳模协会工作交流\n  part: 嘉兴篇');
    // Topics suggested in the report, not set (the file is in the desk's form, which keeps no comments).
    expect(mdx).toMatch(/^topics: \[\]$/m);
    expect(verify).toMatch(/话题（topics）未设置；按关键词建议：.*zhiyuan-fuwu（志愿服务）/);
    // The organisation as printed in full.
    expect(mdx).toContain('organisation: 嘉兴市劳动模范协会');
    // The one article's title is not the issue's title, and both drafts pass the content check together.
    const caseTitle = /^title: (.*)$/m.exec(mdx)![1];
    const issueTitle = /^title: (.*)$/m.exec(issueText)![1];
    expect(caseTitle).not.toBe(issueTitle);

    // The page itself is kept in the provenance archive that source.file names.
    expect(readFileSync(join(dir, 'sources/jiaxing-page.txt'), 'utf8')).toBe(readFileSync(join(root, 'tests/fixtures/import/jiaxing-page.txt'), 'utf8'));

    const site = join(dir, 'site');
    mkdirSync(join(site, 'content/cases'), { recursive: true });
    mkdirSync(join(site, 'content/issues'), { recursive: true });
    mkdirSync(join(site, 'content/sources'), { recursive: true });
    copyFileSync(join(dir, 'sources/jiaxing-page.txt'), join(site, 'content/sources/jiaxing-page.txt'));
    for (const name of ['regions.json', 'topics.yaml']) copyFileSync(join(root, 'content', name), join(site, 'content', name));
    copyFileSync(join(dir, 'cases', caseFile!), join(site, 'content/cases', caseFile!));
    copyFileSync(join(dir, 'issues/jiaxing-page.yaml'), join(site, 'content/issues/jiaxing-page.yaml'));
    const { runChecks } = await import('../src/lib/content-check/check-content.ts');
    const { readContentSources } = await import('../src/lib/content-check/read-sources.ts');
    const errors = runChecks(await readContentSources(site)).problems.filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('writes every file of the five real pages as the desk saves it: opening and saving in the desk changes nothing', async () => {
    const { code, err } = cli(join(root, 'content/sources'), '--out', dir);
    expect(code, err).toBe(0);
    const { deskCollections } = await import('../scripts/lib/desk-format.ts');
    const { openAndSave } = await import('../scripts/lib/decap-roundtrip.ts');
    const { cases, issues } = deskCollections(root);
    const written = [...readdirSync(join(dir, 'cases')).map((name) => `cases/${name}`), ...readdirSync(join(dir, 'issues')).map((name) => `issues/${name}`)];
    expect(written.length).toBeGreaterThan(20);
    for (const path of written) {
      const text = readFileSync(join(dir, path), 'utf8');
      expect(await openAndSave(text, path.endsWith('.mdx') ? cases : issues), path).toBe(text);
    }
  }, 180_000); // five pages in one run, then Decap's serializer on each file: slow on a busy machine
});
