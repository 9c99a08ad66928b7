/**
 * The dev server's search index from the content sources (src/lib/search/source-pages.ts, page-text.ts,
 * dev-sidecar.ts, dev-index.ts): Pagefind's text rules, the MDX body's text, the case and issue records, the
 * page terms, the sidecar updated in place, and the kept index over a copy of the real content before and after
 * a save. tests/site/search-source-pages.test.ts compares the records with the built site's.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSidecar, createPageTerms, sidecarOrder, type IndexedPage } from '../src/lib/search/build-sidecar.ts';
import { createDevSidecar } from '../src/lib/search/dev-sidecar.ts';
import { createDevSearchIndex } from '../src/lib/search/dev-index.ts';
import { el, pagefindText } from '../src/lib/search/page-text.ts';
import {
  caseSearchPage,
  devFragmentHash,
  issueSearchPage,
  mdxBodyText,
  parseCaseSource,
  parseIssueSource,
  parseRegions,
  parseTopics,
  sourceSiteIndex,
} from '../src/lib/search/source-pages.ts';

const root = resolve(import.meta.dirname, '..');

describe('pagefindText (the text Pagefind keeps of a page)', () => {
  it('separates blocks, ends a block that ends in a letter with “.”, and leaves out nav, footer and the like', () => {
    const tree = el('article', el('h1', '标题'), el('p', '第一段。'), el('p', el('span', '单位'), el('span', '2022年')), el('nav', '导航'), el('footer', '页脚'), el('p', '甲', el('br'), '乙'));
    expect(pagefindText(tree)).toBe('标题. 第一段。 单位2022年. 甲 乙.');
  });

  it('does not add “.” after a closing Chinese quote or a block that ends in a nested block', () => {
    expect(pagefindText(el('div', el('h1', '主动找“娘家人”'), el('p', 'a)')))).toBe('主动找“娘家人” a).');
  });
});

describe('mdxBodyText (an article body as its page shows it)', () => {
  it('keeps the text of headings, lists, tables and footnotes, and renders the components as their pages do', () => {
    const body = [
      `import photo from './images/a.jpg';`,
      '',
      '## 小标题',
      '',
      '**劳模**志愿服务队[走进](https://example.org/a)企业<Gap note="原版此处文字不全" />',
      '',
      '<Figure caption="合影。" awaitingPhoto />',
      '',
      '<Figure src={photo} caption={"“娘家人”合影"} />',
      '',
      '- 第一项',
      '- 第二项',
      '',
      '| 年份 | 场次 |',
      '| --- | --- |',
      '| 2022 | 8 |',
      '',
      '{/* 编者备注 */}',
      '引文一句[^1]',
      '',
      '[^1]: 注文。',
    ].join('\n');
    const text = mdxBodyText(body).replace(/\s+/g, ' ').trim();
    expect(text).toContain('小标题. 劳模志愿服务队走进企业（原版此处文字不全） 原版配图：合影。 “娘家人”合影');
    expect(text).toContain('第一项. 第二项.');
    expect(text).toContain('2022. 8.');
    expect(text).toContain('注文。');
    expect(text).not.toContain('编者备注');
    expect(text).not.toContain('import');
  });

  it('throws on an MDX syntax error (the page would not render either)', () => {
    expect(() => mdxBodyText('<Figure caption="x"')).toThrow();
    expect(parseCaseSource('x.mdx', '---\ntitle: x\n---\n<Figure caption="x"')).toBeUndefined();
  });
});

describe('case and issue records (what the built pages give Pagefind)', () => {
  const regions = parseRegions(JSON.stringify([
    { id: 'zhejiang', code: '330000', name: '浙江省', shortName: '浙江', kind: 'province' },
    { id: 'wenzhou', code: '330300', name: '温州市', shortName: '温州', kind: 'city', parent: 'zhejiang' },
    { id: 'pingyang', code: '330326', name: '平阳县', shortName: '平阳', kind: 'county', parent: 'wenzhou' },
  ]));
  const topics = parseTopics('- id: zhiyuan-fuwu\n  name: 志愿服务\n');
  const source = { publication: '劳模工匠专版', file: 'a.txt' };
  const entry = parseCaseSource('pingyang-zhiyuan.mdx', [
    '---',
    'kicker: 平阳',
    'title: 志愿服务月',
    'organisation: 平阳县劳模协会',
    'region: pingyang',
    'topics: [zhiyuan-fuwu]',
    `source: ${JSON.stringify(source)}`,
    'date: 2022-03-01',
    'datePrecision: month',
    'editorNote: 编者的话',
    '---',
    '平阳县劳模协会拥有注册会员1228名。',
  ].join('\n'))!;
  const issue = parseIssueSource('gonghui-2022-03.yaml', `title: 工会动态\ncases: [pingyang-zhiyuan]\nsource: ${JSON.stringify(source)}\ndate: 2022-03-01\n`)!;
  const site = sourceSiteIndex({ cases: [entry], issues: [issue], regions, topics });

  it('gives a case page’s text, meta and filters', () => {
    const page = caseSearchPage(entry, site);
    expect(page.url).toBe('/cases/pingyang-zhiyuan/');
    expect(page.hash).toBe(devFragmentHash('/cases/pingyang-zhiyuan/'));
    expect(page.content).toBe('平阳. 志愿服务月. 平阳县劳模协会2022年3月. 编者按：编者的话. 平阳县劳模协会拥有注册会员1228名。');
    expect(page.meta).toEqual({ title: '志愿服务月', published: '2022-03-01', region: '温州市 · 平阳县', date: '2022年3月', issue: '《工会动态》' });
    expect(page.filters).toEqual({ year: ['2022'], city: ['温州市'], county: ['平阳县'], type: ['文章'], topic: ['志愿服务'], issue: ['gonghui-2022-03'] });
  });

  it('gives an issue page’s text (number, headline, its articles’ headlines), meta and filters, typed 专版', () => {
    const page = issueSearchPage(issue, site);
    expect(page.url).toBe('/issues/gonghui-2022-03/');
    expect(page.content).toBe('第 1 期. 工会动态. 平阳. 志愿服务月.');
    expect(page.meta).toEqual({ title: '工会动态', type: '专版', published: '2022-03-01', date: '2022年3月1日' });
    expect(page.filters).toEqual({ type: ['专版'], year: ['2022'], issue: ['gonghui-2022-03'] });
  });

  it('leaves out an entry its schema refuses, as the dev server does', () => {
    expect(parseCaseSource('x.mdx', '---\ntitle: x\n---\n正文')).toBeUndefined();
  });
});

describe('page terms (kept per article in dev)', () => {
  it('make the same sidecar as adding the pages', () => {
    const pages: IndexedPage[] = ['一', '二', '三'].map((n, i) => ({
      hash: `h${i}`,
      url: `/cases/${i}/`,
      content: `标题${n} 劳模志愿服务队第${n}次活动，技術服務。`,
      meta: { title: `标题${n}`, published: `2022-0${i + 1}-01` },
      filters: { year: ['2022'], city: [i ? '温州市' : '湖州市'] },
    }));
    const fold = { 術: '术', 務: '务' };
    const expected = buildSidecar(pages, { fold, shardBytes: 200 });
    const termsOf = createPageTerms({ fold });
    const dev = createDevSidecar({ fold, shardBytes: 200 });
    dev.update(sidecarOrder(pages).map((page) => termsOf(page)));
    // The same files (within a shard the dev sidecar may list its grams in another order).
    expect(parsed(dev.files())).toEqual(parsed(expected));
  });
});

const parsed = (files: Iterable<[string, string]>) => new Map([...files].map(([path, text]) => [path, JSON.parse(text)]));
/** Every gram's postings, whatever shard holds it. */
const postings = (all: Map<string, unknown>) => Object.assign({}, ...[...all].filter(([path]) => /(^|\/)g\//.test(path)).map(([, shard]) => shard as object));

describe('the dev sidecar (updated in place after an edit)', () => {
  const fold = { 術: '术', 務: '务' };
  const page = (i: number, text: string, date = `2022-0${i + 1}-01`): IndexedPage => ({
    hash: `h${i}`,
    url: `/cases/${i}/`,
    content: `标题${i} ${text}`,
    meta: { title: `标题${i}`, published: date },
    filters: { year: ['2022'], city: [i % 2 ? '温州市' : '湖州市'] },
  });
  const pages = [page(0, '劳模志愿服务队进企业。'), page(1, '技術服務清单。'), page(2, '平阳县劳模协会拥有注册会员1228名。')];

  for (const shardBytes of [100_000, 150]) {
    it(`gives the files a fresh build gives, after an edit that keeps the order (shardBytes ${shardBytes})`, () => {
      const termsOf = createPageTerms({ fold });
      const sidecar = createDevSidecar({ fold, shardBytes });
      const terms = sidecarOrder(pages).map((p) => termsOf(p));
      expect(sidecar.update(terms)).toBe('remade');
      expect(parsed(sidecar.files())).toEqual(parsed(buildSidecar(pages, { fold, shardBytes })));
      const edited = pages.map((p, i) => (i === 1 ? page(1, '技术帮扶，注册会员名单。') : p));
      const fresh = buildSidecar(edited, { fold, shardBytes });
      const freshShards = JSON.parse(fresh.get('meta.json')!).shards;
      // Unchanged pages keep their grams (a new object with the same grams array counts as unchanged).
      const next = sidecarOrder(edited).map((p, n) => (p.hash === 'h1' ? termsOf(p) : { ...terms[n]! }));
      expect(sidecar.update(next)).toBe(1);
      const files = parsed(sidecar.files());
      if (freshShards === JSON.parse(sidecar.files().next().value![1]).shards) expect(files).toEqual(parsed(fresh));
      expect(postings(files)).toEqual(postings(parsed(fresh)));
    });
  }

  it('is made anew when an article is added or its date moves it', () => {
    const termsOf = createPageTerms({ fold });
    const sidecar = createDevSidecar({ fold });
    sidecar.update(sidecarOrder(pages).map((p) => termsOf(p)));
    const moved = pages.map((p, i) => (i === 0 ? page(0, '劳模志愿服务队进企业。', '2023-01-01') : p));
    expect(sidecar.update(sidecarOrder(moved).map((p) => termsOf(p)))).toBe('remade');
    expect(parsed(sidecar.files())).toEqual(parsed(buildSidecar(moved, { fold })));
  });
});

describe('the dev search index over a copy of the real content', () => {
  const dir = mkdtempSync(join(tmpdir(), 'laomo-dev-index-'));
  cpSync(join(root, 'content'), join(dir, 'content'), { recursive: true });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const fold = { 術: '术', 務: '务' };
  const index = createDevSearchIndex({ root: dir, fold });
  const sidecarFiles = (files: Map<string, string>) => parsed([...files].map(([path, text]): [string, string] => [path.replace(/^cjk\//, ''), text]));

  it('indexes every case and issue, drafts included, as a fresh sidecar over the same records would', async () => {
    const bundle = await index.refresh();
    const pages = [...bundle.pages.values()];
    const caseFiles = (await import('node:fs')).readdirSync(join(dir, 'content/cases')).filter((name) => name.endsWith('.mdx'));
    const issueFiles = (await import('node:fs')).readdirSync(join(dir, 'content/issues')).filter((name) => name.endsWith('.yaml'));
    expect(pages.filter((page) => page.url.startsWith('/cases/'))).toHaveLength(caseFiles.length);
    expect(pages.filter((page) => page.url.startsWith('/issues/'))).toHaveLength(issueFiles.length);
    expect(sidecarFiles(bundle.files)).toEqual(parsed(buildSidecar(pages, { fold })));
    expect(bundle.summary).toMatch(/^搜索索引：\d+ 篇文章、\d+ 个专版，用时 \d+ ms/);
  });

  it('after a save reads only that file and puts in only the pages whose text changed', async () => {
    const file = join(dir, 'content/cases', (await import('node:fs')).readdirSync(join(dir, 'content/cases')).find((name) => name.endsWith('.mdx'))!);
    writeFileSync(file, `${readFileSync(file, 'utf8')}\n开发检索自测短语甲乙丙。\n`);
    expect(index.touch(file)).toBe(true);
    const bundle = await index.refresh();
    expect(bundle.summary).toMatch(/读取 1 个文件/);
    expect(bundle.summary).toMatch(/重算 1 页的词元、侧车原地更新 1 页/);
    const pages = [...bundle.pages.values()];
    expect(pages.some((page) => page.content.includes('开发检索自测短语甲乙丙'))).toBe(true);
    const fresh = parsed(buildSidecar(pages, { fold }));
    expect(postings(sidecarFiles(bundle.files))).toEqual(postings(fresh));
    expect(sidecarFiles(bundle.files).get('filters.json')).toEqual(fresh.get('filters.json'));
  });

  it('takes in an added article and forgets a removed one', async () => {
    const before = (await index.refresh()).pages.size;
    const added = join(dir, 'content/cases/zz-dev-index-test.mdx');
    const first = (await import('node:fs')).readdirSync(join(dir, 'content/cases')).find((name) => name.endsWith('.mdx'))!;
    writeFileSync(added, readFileSync(join(dir, 'content/cases', first), 'utf8'));
    index.touch(added);
    expect((await index.refresh()).pages.has(devFragmentHash('/cases/zz-dev-index-test/'))).toBe(true);
    rmSync(added);
    index.touch(added);
    expect((await index.refresh()).pages.size).toBe(before);
  });
});
