/**
 * The content check as the desk runs it in the browser (src/lib/cms/entry-check.ts): the MDX parser is the
 * browser's (`#mdx-parser` → micromark, as Vite resolves it for /admin/), the rules and messages are the check's.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mdxToMdast } from 'satteri';
import YAML from 'yaml';
import { describe, expect, it, vi } from 'vitest';
import { parseMdx as browserParseMdx } from '../src/lib/content-check/mdx-parser.browser.ts';
import { checkMdxTree, type PolicyNode } from '../src/lib/mdx-policy/check-tree.ts';
import { checkMdxBody } from '../src/lib/content-check/mdx-body.ts';
import { checkDeskEntry, deskFieldOf, entryFileText, type DeskEntry } from '../src/lib/cms/entry-check.ts';
import { parseMdxSource } from '../src/lib/content-check/parse-source.ts';
import { refused } from './fixtures/mdx-refused.ts';

vi.mock('#mdx-parser', () => import('../src/lib/content-check/mdx-parser.browser.ts'));

const dataFiles = { regions: readFileSync('content/regions.json', 'utf8'), topics: readFileSync('content/topics.yaml', 'utf8') };
const caseFiles = readdirSync('content/cases').filter((name) => name.endsWith('.mdx')).sort();
const issueFiles = readdirSync('content/issues').filter((name) => name.endsWith('.yaml')).sort();

/** A case as Decap holds it while it is edited: the frontmatter fields and `body`. */
function caseEntry(name: string): DeskEntry {
  const text = readFileSync(`content/cases/${name}`, 'utf8');
  const parsed = parseMdxSource(text);
  return { collection: 'cases', slug: name.replace(/\.mdx$/, ''), data: { ...(parsed.data as object), body: parsed.body!.replace(/^\n/, '') } };
}

const sample = caseEntry('anji-gonghui-niangjiaren.mdx');
const withBody = (body: string): DeskEntry => ({ ...sample, data: { ...sample.data, body } });
const errors = (entry: DeskEntry) => checkDeskEntry(entry, dataFiles).filter((problem) => problem.severity === 'error');

describe('the browser’s MDX parser refuses what Sätteri’s does (one allow-list, two parsers)', () => {
  it.each(refused)('refuses %s, on the same line, with the same message', (_name, body, line) => {
    // checkMdxBody parses with the browser's parser in this file (the mock above).
    const inBrowser = checkMdxBody('content/cases/a.mdx', body).problems.filter((problem) => problem.severity === 'error');
    const inBuild = checkMdxTree(mdxToMdast(body, { features: { smartPunctuation: false } }) as PolicyNode);
    expect(inBrowser.length).toBeGreaterThan(0);
    expect(inBrowser[0]!.line).toBe(line);
    // micromark's acorn does not know `import … with {…}` yet: refused as unparseable instead.
    if (!inBrowser[0]!.message.startsWith('正文无法解析')) expect(inBrowser[0]!.message).toBe(inBuild[0]!.message);
  });

  it('accepts every existing case body as the build does', () => {
    for (const name of caseFiles) {
      const text = readFileSync(`content/cases/${name}`, 'utf8');
      expect(checkMdxTree(browserParseMdx(text) as PolicyNode), name).toEqual([]);
    }
  });

  it('reports a syntax error with its line, as Sätteri’s errors are read', () => {
    expect(() => browserParseMdx('---\ntitle: x\n---\n\n正文 {未闭合')).toThrow(/^5:\d+: /);
  });
});

describe('checking the entry being edited', () => {
  it('passes every existing case and issue, opened as the desk holds them', () => {
    for (const name of caseFiles) expect(errors(caseEntry(name)), name).toEqual([]);
    for (const name of issueFiles) {
      const data = YAML.parse(readFileSync(`content/issues/${name}`, 'utf8'));
      expect(errors({ collection: 'issues', slug: name.replace(/\.yaml$/, ''), data }), name).toEqual([]);
    }
  });

  it('refuses <script> in the body with the allow-list’s Chinese message, at the body', () => {
    const found = errors(withBody('正文。\n\n<script>alert(1)</script>\n'));
    expect(found.map((problem) => problem.message)).toContain('正文不能包含 <script> 标签');
    expect(found[0]!.hint).toMatch(/^允许的写法：/);
    expect(deskFieldOf(found[0]!, 'cases')).toBe('body');
  });

  it('refuses a javascript: link', () => {
    const found = errors(withBody('请[点这里](javascript:alert(1))查看。\n'));
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toMatch(/^链接的地址不允许：javascript:alert\(1\)/);
    expect(deskFieldOf(found[0]!, 'cases')).toBe('body');
  });

  it('refuses what the schema, the lists and the typography check refuse, each at its field', () => {
    const entry: DeskEntry = {
      collection: 'cases',
      data: { ...sample.data, title: '遇难事,主动找娘家人', organisation: '', region: 'nowhere', topics: ['xuanjiang', 'no-such-topic'], source: { publication: '' } },
    };
    const found = errors(entry);
    const at = (field: string) => found.filter((problem) => deskFieldOf(problem, 'cases') === field).map((problem) => problem.message);
    expect(at('title').join()).toMatch(/逗号/);
    expect(at('organisation')).toEqual(['不能为空']);
    expect(at('region')).toEqual(['地区 “nowhere” 不存在']);
    expect(at('topics')).toEqual(['话题 “no-such-topic” 不在话题词表中']);
    expect(at('publication')).toEqual(['不能为空']);
  });

  it('checks the date the desk will save for its precision', () => {
    const entry: DeskEntry = { ...sample, data: { ...sample.data, date: '2022-01-18', datePrecision: 'month' } };
    expect(errors(entry)).toEqual([]);
    expect(entryFileText('cases', entry.data)).toContain('date: 2022-01-01\n');
  });

  it('a caption still waiting for its photo is a warning: shown, but saving goes on', () => {
    const found = checkDeskEntry(withBody('正文。\n\n<Figure caption="现场照片。" awaitingPhoto />\n'), dataFiles);
    expect(found.map((problem) => problem.severity)).toEqual(['warning']);
    expect(deskFieldOf(found[0]!, 'cases')).toBe('body');
  });

  it('a draft is not reported (it is what the desk saves), and may have an empty body', () => {
    expect(checkDeskEntry({ ...sample, data: { ...sample.data, draft: true, body: '' } }, dataFiles)).toEqual([]);
  });

  it('an issue: the cases it lists are taken to exist (chosen in the desk); listing one twice is refused', () => {
    const data = YAML.parse(readFileSync(`content/issues/${issueFiles[0]}`, 'utf8'));
    const issue: DeskEntry = { collection: 'issues', data: { ...data, cases: ['new-case', 'new-case'] } };
    const found = errors(issue);
    expect(found.map((problem) => problem.message)).toEqual(['文章 “new-case” 在本专版中重复列出']);
    expect(deskFieldOf(found[0]!, 'issues')).toBe('title');
  });

  it('maps the check’s field names to the desk’s fields', () => {
    const field = (name: string, collection: 'cases' | 'issues' = 'cases') => deskFieldOf({ field: name }, collection);
    expect(field('title（标题）')).toBe('title');
    expect(field('source.publication（刊物）')).toBe('publication');
    expect(field('series.part（篇名）', 'issues')).toBe('part');
    expect(field('第 2 个话题（topics）')).toBe('topics');
    expect(field('图片说明（<Figure> 的 caption）')).toBe('body');
    expect(field('Figure caption（图片说明）')).toBe('body');
    expect(field('<Figure>')).toBe('body');
    expect(field('正文')).toBe('body');
    expect(field('第 1 篇文章（cases）', 'issues')).toBe('title');
    expect(field('文件名')).toBe('title');
    expect(field('source（出处）')).toBe('title');
  });
});
