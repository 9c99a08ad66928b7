import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { runChecks } from '../src/lib/content-check/check-content.ts';
import { parseMdxSource } from '../src/lib/content-check/parse-source.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';
import { buildRegionIndex, type Region } from '../src/lib/regions.ts';
import { parseDateInput, resolveRegion, resolveTopics } from '../src/lib/scaffold/inputs.ts';
import { foldToOneLine } from '../src/lib/scaffold/one-line.ts';
import { caseTemplate, yamlValue } from '../src/lib/scaffold/templates.ts';
import { openAndSave } from '../scripts/lib/decap-roundtrip.ts';
import { deskCollections } from '../scripts/lib/desk-format.ts';
import { runInTerminal } from './support/terminal.ts';

const root = resolve(import.meta.dirname, '..');
const desk = deskCollections(root);
const regions = buildRegionIndex(JSON.parse(readFileSync(join(root, 'content/regions.json'), 'utf8')) as Region[]);
const topics = parseYaml(readFileSync(join(root, 'content/topics.yaml'), 'utf8')) as { id: string; name: string }[];

describe('reading what editors type', () => {
  it('finds a region by short name, full name, pinyin or with its city, and shows the path without the province', () => {
    for (const query of ['平阳', '平阳县', 'pingyang', '温州平阳', '温州市 › 平阳县']) {
      expect(resolveRegion(query, regions)).toMatchObject({ kind: 'found', region: { id: 'pingyang' }, path: '温州市 › 平阳县' });
    }
    expect(resolveRegion('温州', regions)).toMatchObject({ kind: 'found', path: '温州市' });
  });

  it('suggests regions that sound the same when the characters are wrong', () => {
    const answer = resolveRegion('平杨', regions);
    expect(answer.kind).toBe('unknown');
    expect(answer.kind === 'unknown' && answer.suggestions.map((item) => item.region.id)).toEqual(['pingyang']);
    expect(resolveRegion('纽约', regions)).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('reads topics by name, id or number', () => {
    const [first, second] = topics;
    expect(resolveTopics(`${first.name}、${second.id} 1`, topics)).toEqual({ ids: [first.id, second.id], unknown: [] });
    expect(resolveTopics('不存在的话题', topics)).toEqual({ ids: [], unknown: ['不存在的话题'] });
  });

  it('reads dates at the precision the editor knows', () => {
    expect(parseDateInput('2024-05-10')).toEqual({ date: '2024-05-10', precision: 'day' });
    expect(parseDateInput('2024年5月1日')).toEqual({ date: '2024-05-01', precision: 'day' });
    expect(parseDateInput('2024/5')).toEqual({ date: '2024-05-01', precision: 'month' });
    expect(parseDateInput('2024年5月')).toEqual({ date: '2024-05-01', precision: 'month' });
    expect(parseDateInput('2024')).toEqual({ date: '2024-01-01', precision: 'year' });
    expect(parseDateInput('2024-02-30')).toBeUndefined();
    expect(parseDateInput('明天')).toBeUndefined();
  });

});

describe('one-line fields', () => {
  it('folds line breaks (nothing next to Chinese, a space between Latin words) and refuses control characters', () => {
    expect(foldToOneLine('标题', '标题\n第二行')).toEqual({ ok: true, text: '标题第二行', folded: true });
    expect(foldToOneLine('标题', ' 劳模 \r\n  工匠\u2028风采 ')).toEqual({ ok: true, text: '劳模工匠风采', folded: true });
    expect(foldToOneLine('标题', 'Model\nworkers')).toEqual({ ok: true, text: 'Model workers', folded: true });
    expect(foldToOneLine('标题', '“2×4”组织架构')).toEqual({ ok: true, text: '“2×4”组织架构', folded: false });
    const control = foldToOneLine('单位', '平阳\u0007县');
    expect(control.ok).toBe(false);
    expect(!control.ok && control.message).toContain('单位里有看不见的控制字符');
  });

  it('writes values as one-line YAML scalars and refuses to write one that spans lines', () => {
    for (const value of ['标题: 冒号', '# 井号', '"引号"', '- 列表', 'true', '2024', "it's"]) {
      expect(parseYaml(`title: ${yamlValue(value)}`)).toEqual({ title: value });
    }
    expect(() => yamlValue('两\n行')).toThrow(/spans lines/);
  });

  it('the case template keeps every field a key of its own whatever the title holds', () => {
    const text = caseTemplate({
      title: '标题: “引号” # 不是注释',
      organisation: '平阳县劳模协会',
      region: 'pingyang',
      topics: [],
      publication: '劳模工匠专版',
      date: '2024-01-01',
      datePrecision: 'year',
      draft: true,
    });
    expect(parseMdxSource(text).data).toMatchObject({ title: '标题: “引号” # 不是注释', draft: true, region: 'pingyang' });
  });
});

describe('npm run new (flags, no terminal)', { timeout: 60_000 }, () => {
  let dir: string;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [join(root, 'scripts/new.ts'), ...args, '--root', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const files = (folder: string) => readdirSync(join(dir, 'content', folder)).sort();

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'laomo-new-'));
    mkdirSync(join(dir, 'content/cases'), { recursive: true });
    mkdirSync(join(dir, 'content/issues'), { recursive: true });
    copyFileSync(join(root, 'content/regions.json'), join(dir, 'content/regions.json'));
    copyFileSync(join(root, 'content/topics.yaml'), join(dir, 'content/topics.yaml'));
    writeFileSync(
      join(dir, 'content/cases/existing.mdx'),
      '---\ntitle: 已有的文章\norganisation: 洞头区劳模协会\nregion: dongtou\nsource:\n  publication: 劳模工匠专版\ndate: 2023-01-01\n---\n\n正文。\n',
    );
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes a draft case that passes the content check, confirming the region path', async () => {
    const result = run('case', '--title', '“2×4”组织架构充分发挥劳模专长', '--organisation', '平阳县劳模协会', '--region', '平阳', '--topics', topics[0].name, '--date', '2024-05');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('地区：温州市 › 平阳县（pingyang）');
    expect(result.stdout).toContain('已新建 content/cases/pingyang-2-4-zuzhi-jiagou-chongfen.mdx');
    const text = readFileSync(join(dir, 'content/cases/pingyang-2-4-zuzhi-jiagou-chongfen.mdx'), 'utf8');
    expect(parseMdxSource(text).data).toMatchObject({
      title: '“2×4”组织架构充分发挥劳模专长',
      organisation: '平阳县劳模协会',
      region: 'pingyang',
      topics: [topics[0].id],
      date: '2024-05-01',
      datePrecision: 'month',
      draft: true,
    });
    // As the desk saves it: opening and saving it in the desk changes nothing.
    expect(await openAndSave(text, desk.cases)).toBe(text);
    const { problems } = runChecks(await readContentSources(dir));
    expect(problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
  });

  it('guesses the region from the organisation when none is given', () => {
    const result = run('case', '--title', '乐清的一篇', '--organisation', '乐清市总工会', '--date', '2024');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('地区：温州市 › 乐清市（yueqing）');
    // The id is the desk's: region + the title's pinyin, without repeating the region's name.
    expect(result.stdout).toContain('已新建 content/cases/yueqing-de-yipian.mdx');
  });

  it('never overwrites a file, and says so', () => {
    const before = readFileSync(join(dir, 'content/cases/existing.mdx'), 'utf8');
    const listed = files('cases');
    const result = run('case', '--title', '另一篇', '--organisation', '洞头区劳模协会', '--region', 'dongtou', '--id', 'existing');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('没有新建文件');
    expect(result.stderr).toContain('existing');
    expect(readFileSync(join(dir, 'content/cases/existing.mdx'), 'utf8')).toBe(before);
    expect(files('cases')).toEqual(listed);
  });

  it('refuses an unknown region with suggestions, and missing fields with the flag to use, writing nothing', () => {
    const listed = files('cases');
    const wrong = run('case', '--title', '标题', '--organisation', '某单位', '--region', '平杨');
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('找不到地区“平杨”');
    expect(wrong.stderr).toContain('温州市 › 平阳县（pingyang）');
    const missing = run('case', '--title', '标题', '--organisation', '某单位');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('--region');
    const badTopic = run('case', '--title', '标题', '--organisation', '平阳县劳模协会', '--topics', '不存在');
    expect(badTopic.stderr).toContain('不认识的话题：不存在');
    expect(files('cases')).toEqual(listed);
  });

  it('writes an issue listing existing cases, which passes the check', async () => {
    const result = run('issue', '--title', '打造金字招牌 助力共同富裕', '--cases', 'existing', '--series', '全省各市劳模协会工作交流', '--part', '温州篇', '--date', '2023-01-11');
    expect(result.status, result.stderr).toBe(0);
    const [file] = files('issues');
    expect(file).toBe('dazao-jinzizhaopai-zhuli-wenzhou.yaml');
    const text = readFileSync(join(dir, 'content/issues', file), 'utf8');
    expect(await openAndSave(text, desk.issues)).toBe(text);
    const data = parseYaml(text);
    expect(data).toMatchObject({ title: '打造金字招牌 助力共同富裕', cases: ['existing'], series: { name: '全省各市劳模协会工作交流', part: '温州篇' }, date: '2023-01-11', draft: true });
    const { problems } = runChecks(await readContentSources(dir));
    expect(problems.filter((problem) => problem.severity !== 'info')).toEqual([]);
    expect(run('issue', '--title', 'x', '--cases', 'nothing').stderr).toContain('找不到文章：nothing');
  });

  it('folds a title with a line break into one line, says so, and writes a file that passes the check', async () => {
    const result = run('case', '--title', '打造金字招牌\n助力共同富裕', '--organisation', '鹿城区劳模协会', '--region', 'lucheng', '--date', '2024', '--id', 'two-lines');
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('标题只能写一行，其中的换行已去掉：打造金字招牌助力共同富裕');
    const data = parseMdxSource(readFileSync(join(dir, 'content/cases/two-lines.mdx'), 'utf8')).data;
    expect(data).toMatchObject({ title: '打造金字招牌助力共同富裕', region: 'lucheng', draft: true });
    const { problems } = runChecks(await readContentSources(dir));
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  });

  it('writes nothing when the new file would not pass the check, and shows why', () => {
    const listed = files('cases');
    const result = run('case', '--title', '已有的文章', '--organisation', '平阳县劳模协会', '--date', '2024', '--id', 'same-title');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('与 content/cases/existing.mdx 相同');
    expect(result.stderr).toContain('所以没有写入');
    expect(readdirSync(join(dir, 'content/cases'))).toEqual(listed);
  });

  it('refuses control characters in a one-line field', () => {
    const result = run('case', '--title', '标题', '--organisation', '平阳\u0007县', '--region', 'pingyang');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('控制字符');
  });

  it('prints its usage', () => {
    expect(execFileSync(process.execPath, [join(root, 'scripts/new.ts'), '--help'], { encoding: 'utf8' })).toContain('npm run new -- case');
  });
});

describe('npm run new at a terminal: Ctrl-D and Ctrl-C end cleanly', { timeout: 60_000 }, () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'laomo-new-tty-'));
    mkdirSync(join(dir, 'content/cases'), { recursive: true });
    mkdirSync(join(dir, 'content/issues'), { recursive: true });
    copyFileSync(join(root, 'content/regions.json'), join(dir, 'content/regions.json'));
    copyFileSync(join(root, 'content/topics.yaml'), join(dir, 'content/topics.yaml'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const start = () => runInTerminal(['npm', 'run', 'new', '--', 'case', '--root', dir], { cwd: root });
  const noStackTrace = (output: string) => {
    expect(output).not.toMatch(/AbortError|Error:|\n\s+at /);
  };

  it('Ctrl-D (end of input) at the first prompt: a Chinese line, exit code 1, no file', async () => {
    const session = start();
    await session.waitFor('标题：');
    session.endInput();
    const { code, output } = await session.done;
    expect(output).toContain('已取消，未写入任何文件。');
    noStackTrace(output);
    expect(code).toBe(1);
    expect(readdirSync(join(dir, 'content/cases'))).toEqual([]);
  });

  it('asks for each field and writes the case when every question is answered', async () => {
    const session = start();
    for (const [prompt, answer] of [
      ['标题：', '终端里写的标题'],
      ['日期', '2024-05'],
      ['单位', '平阳县劳模协会'],
      ['地区（', ''],
      ['是这个地区吗', ''],
      ['话题', '1'],
      ['文件名', 'typed-in-terminal'],
    ] as const) {
      await session.waitFor(prompt);
      session.type(`${answer}\r`);
    }
    const { code, output } = await session.done;
    expect(code, output).toBe(0);
    expect(output).toContain('已新建 content/cases/typed-in-terminal.mdx');
    const data = parseMdxSource(readFileSync(join(dir, 'content/cases/typed-in-terminal.mdx'), 'utf8')).data;
    expect(data).toMatchObject({ title: '终端里写的标题', region: 'pingyang', date: '2024-05-01', topics: [topics[0].id] });
    rmSync(join(dir, 'content/cases/typed-in-terminal.mdx'));
  });

  it('Ctrl-C at a later prompt: a Chinese line, exit code 130, no file', async () => {
    const session = start();
    await session.waitFor('标题：');
    session.type('测试标题\r');
    await session.waitFor('日期');
    session.type('2024\r');
    await session.waitFor('单位');
    session.type('\x03');
    const { code, output } = await session.done;
    expect(output).toContain('已取消，未写入任何文件。');
    noStackTrace(output);
    expect(code).toBe(130);
    expect(readdirSync(join(dir, 'content/cases'))).toEqual([]);
  });
});
