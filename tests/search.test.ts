import { describe, expect, it } from 'vitest';
import { normalise, fold, queryTerms, foldChar } from '../src/lib/search/normalize.ts';
import { gramsOf, termGrams, encodePostings, decodePostings, intersectSorted, shardOf, maxGram, maxTermGrams } from '../src/lib/search/grams.ts';
import { excerpt, excerptSource, highlight, matchRanges } from '../src/lib/search/highlight.ts';
import { buildSidecar, siteFoldTable, type IndexedPage } from '../src/lib/search/build-sidecar.ts';
import { SearchEngine, rankPages, type Fragment, type Loader } from '../src/lib/search/engine.ts';
import { caseSearchAttributes, issueSearchAttributes } from '../src/lib/search/page-data.ts';

const t2s = { 勞: '劳', 術: '术', 務: '务', 隊: '队', 陽: '阳', 縣: '县', 諧: '谐' };

describe('normalisation', () => {
  it('folds traditional to simplified, full-width to ASCII, upper to lower case', () => {
    expect(fold('勞模 技術服務隊', t2s)).toBe('劳模技术服务队');
    expect(fold('ＬＮＧ项目２０２２', t2s)).toBe('lng项目2022');
  });

  it('drops punctuation and zero-width spaces but keeps symbols such as ×', () => {
    expect(fold('“2×4”组织架构')).toBe('2×4组织架构');
    expect(fold('共享社·幸福里')).toBe('共享社幸福里');
    expect(fold('技术\u200b服务\u200b队')).toBe('技术服务队');
    expect(foldChar('、')).toBe('');
  });

  it('maps every folded character back to the original', () => {
    const original = '“共享社·幸福里”活动';
    const { text, origin, originEnd } = normalise(original);
    expect(text).toBe('共享社幸福里活动');
    expect(original.slice(origin[0], originEnd[5])).toBe('共享社·幸福里');
  });

  it('keeps astral characters whole', () => {
    const { text, origin, originEnd } = normalise('𠀀劳');
    expect(text).toBe('𠀀劳');
    expect(origin).toEqual([0, 0, 2]);
    expect(originEnd).toEqual([2, 2, 3]);
  });

  it('splits a query into terms on whitespace, dropping quotes, duplicates and contained terms', () => {
    expect(queryTerms('董振方 焊接')).toEqual(['董振方', '焊接']);
    expect(queryTerms('"技术服务队"')).toEqual(['技术服务队']);
    expect(queryTerms('服务 技术服务队 服务')).toEqual(['技术服务队']);
    expect(queryTerms('平陽縣', t2s)).toEqual(['平阳县']);
    expect(queryTerms('   ')).toEqual([]);
  });

  it('leaves nothing of a query of punctuation only', () => {
    for (const query of ['%', '\\', '“”、。', '“ ”']) expect(queryTerms(query)).toEqual([]);
  });
});

describe('n-grams', () => {
  it('lists each distinct gram of 1 to 4 characters once', () => {
    const grams = gramsOf('劳模劳模');
    expect(grams).toEqual(new Set(['劳', '模', '劳模', '模劳', '劳模劳', '模劳模', '劳模劳模']));
    expect(maxGram).toBe(4);
  });

  it('looks up a short term as one gram and a long one as a spread of 4-grams', () => {
    expect(termGrams('228')).toEqual(['228']);
    expect(termGrams('技术服务队')).toEqual(['技术服务', '术服务队']);
    const long = termGrams('特色主题活动展风采创新服务建设强品牌');
    expect(long.length).toBeLessThanOrEqual(maxTermGrams);
    expect(long[0]).toBe('特色主题');
    expect(long[long.length - 1]).toBe('设强品牌');
  });

  it('encodes postings as base-36 deltas and back', () => {
    const pages = [0, 1, 2, 40, 41, 1000];
    expect(decodePostings(encodePostings(pages))).toEqual(pages);
    expect(decodePostings('')).toEqual([]);
  });

  it('intersects sorted lists and hashes grams to a stable shard', () => {
    expect(intersectSorted([[1, 3, 5, 7], [3, 4, 5], [0, 3, 5, 9]])).toEqual([3, 5]);
    expect(intersectSorted([])).toEqual([]);
    expect(shardOf('劳模', 97)).toBe(shardOf('劳模', 97));
    expect(shardOf('劳模', 97)).toBeLessThan(97);
  });
});

describe('highlighting', () => {
  it('marks the whole phrase as printed, not single characters', () => {
    expect(highlight('“共享社·幸福里”志愿服务活动', ['共享社幸福里'])).toEqual([
      { text: '“', mark: false },
      { text: '共享社·幸福里', mark: true },
      { text: '”志愿服务活动', mark: false },
    ]);
  });

  it('marks traditional text found by a simplified query and the reverse', () => {
    expect(matchRanges('有力助推了企业和諧稳定发展', ['和谐'], t2s)).toEqual([[7, 9]]);
    expect(highlight('勞模精神', ['劳模'], t2s)).toEqual([{ text: '勞模', mark: true }, { text: '精神', mark: false }]);
  });

  it('marks a string inside a word and merges overlapping matches', () => {
    expect(matchRanges('拥有注册会员1228名', ['228'])).toEqual([[7, 10]]);
    expect(matchRanges('技术服务队', ['技术服务', '服务队'])).toEqual([[0, 5]]);
  });

  it('cuts an excerpt around the first match, without Pagefind’s zero-width spaces', () => {
    const content = `${'前文'.repeat(100)}湖州市工会金牌\u200b技术\u200b服务\u200b队成员董振方${'后文'.repeat(100)}`;
    const segments = excerpt(content, ['董振方'], {}, 40);
    const text = segments.map((s) => s.text).join('');
    expect(text.startsWith('…')).toBe(true);
    expect(text.endsWith('…')).toBe(true);
    expect(text).not.toContain('\u200b');
    expect(segments.find((s) => s.mark)?.text).toBe('董振方');
  });

  it('cuts excerpts from the article body, after the header line that ends with the date', () => {
    // As Pagefind stores a case page: headline group, `organisation date`, then the body; blocks end with `. `.
    const content = '整装\u200b出发\u200b！ \u200b浙\u200b能\u200b集团\u200b服务\u200b队\u200b. \u200b浙\u200b能\u200b集团\u200b工会\u200b2021\u200b年\u200b5\u200b月\u200b. \u200b4\u200b月\u200b28\u200b日\u200b，\u200b在\u200b首\u200b届。 \u200b小标题\u200b. \u200b正文\u200b。';
    const body = excerptSource(content, '2021年5月').replace(/\u200b/g, '');
    expect(body).toBe('4月28日，在首届。 小标题\u3000正文。');
    // Without the date (or when it is not found) the whole content is kept, block ends still cleaned.
    expect(excerptSource(content).replace(/\u200b/g, '').startsWith('整装出发！ 浙能集团服务队\u3000浙能集团工会')).toBe(true);
    expect(excerptSource('Title. Body.', '2020年')).toBe('Title. Body.');
  });
});

const page = (n: number, title: string, content: string, extra: Partial<IndexedPage> = {}): IndexedPage => ({
  hash: `zh_${n}`,
  url: `/cases/p${n}/`,
  content: `${title}. ${content}`,
  meta: { title, published: `2022-01-${String(10 + n).padStart(2, '0')}` },
  filters: {},
  ...extra,
});

function memoryLoader(files: Map<string, string>, pages: IndexedPage[]): Loader & { requests: string[] } {
  const requests: string[] = [];
  return {
    requests,
    async json<T>(path: string) {
      requests.push(path);
      const text = files.get(path.replace(/^cjk\//, ''));
      if (text === undefined) throw new Error(`404 ${path}`);
      return JSON.parse(text) as T;
    },
    async fragment(hash: string) {
      requests.push(`fragment/${hash}`);
      const found = pages.find((p) => p.hash === hash)!;
      return { url: found.url, content: found.content, meta: found.meta, filters: found.filters } satisfies Fragment;
    },
  };
}

describe('the search engine over the sidecar', () => {
  const pages = [
    page(1, '技术服务队进企业', '湖州市工会金牌技术服务队成员董振方现场指导焊接。', { filters: { city: ['湖州市'], year: ['2022'] } }),
    page(2, '志愿服务月', '技术服务清单和劳模志愿服务队，各自开展活动。平阳县劳模协会拥有注册会员1228名。', { filters: { city: ['温州市'], year: ['2022'] } }),
    page(3, '一年解决技术难题', '婺城劳模（工匠）技术服务队精准帮扶。后来才说到技术服务队。', { filters: { city: ['金华市'], year: ['2021'] } }),
    page(4, '和諧稳定', '有力助推了企业和諧稳定发展，勞模先行。', { filters: { city: ['湖州市'], year: ['2021'] } }),
  ];
  const files = buildSidecar(pages, { fold: t2s, shardBytes: 300, leadChars: 12 });
  const engine = () => new SearchEngine(memoryLoader(files, pages));

  it('finds every page containing a phrase and none that only has its parts', async () => {
    const outcome = await engine().search('技术服务队');
    const { items } = await engine().results(outcome, 0, 10);
    expect(items.map((i) => i.url).sort()).toEqual(['/cases/p1/', '/cases/p3/']);
  });

  it('ranks the title page first, then the lead, then the body, newest first within each', async () => {
    const e = engine();
    const outcome = await e.search('技术服务队');
    const { items } = await e.results(outcome, 0, 10);
    expect(items.map((i) => [i.url, i.tier])).toEqual([['/cases/p1/', 3], ['/cases/p3/', 2]]);
  });

  it('finds strings inside words and with symbols', async () => {
    const e = engine();
    expect((await e.search('228')).pages).toHaveLength(1);
    expect((await e.search('服务队')).pages).toHaveLength(3);
  });

  it('folds a traditional query when it finds nothing as typed, and finds traditional text by a simplified query', async () => {
    const e = engine();
    const outcome = await e.search('技術服務隊');
    expect(outcome.pages).toHaveLength(2);
    expect((await e.search('和谐')).pages).toHaveLength(1);
    expect((await e.search('劳模先行')).pages).toHaveLength(1);
  });

  it('filters and counts by the other selected filters', async () => {
    const e = engine();
    const all = await e.search('技术', { filters: { city: '湖州市' } });
    expect(all.pages).toHaveLength(1);
    expect(all.counts.city).toMatchObject({ 湖州市: 1, 温州市: 1, 金华市: 1 });
    expect(all.counts.year).toMatchObject({ 2022: 1, 2021: 0 });
    const browse = await e.search('', { filters: { year: '2021' } });
    expect(browse.pages).toHaveLength(2);
  });

  it('treats a query of punctuation only as empty: no results, not every page', async () => {
    const e = engine();
    for (const query of ['%', '\\', '“”、。']) {
      const outcome = await e.search(query);
      expect(outcome).toMatchObject({ empty: true, pages: [] });
    }
    const browse = await e.search('');
    expect(browse.empty).toBe(false);
    expect(browse.pages).toHaveLength(4);
  });

  it('counts only pages that really contain a long term, in the total and in every filter', async () => {
    // p5 has every 4-gram the engine looks up for 杭州劳模工匠协会 (杭州劳模, 州劳模工, 劳模工匠, 模工匠协,
    // 工匠协会) but never the whole phrase; p6 prints it.
    const more = [
      ...pages,
      page(5, '协会成立', '杭州劳模工匠多，劳模工匠协会成立。', { filters: { city: ['杭州市'], year: ['2022'] } }),
      page(6, '工作交流', '杭州劳模工匠协会举办活动。', { filters: { city: ['杭州市'], year: ['2021'] } }),
    ];
    const e = new SearchEngine(memoryLoader(buildSidecar(more, { fold: t2s, shardBytes: 300 }), more));
    const outcome = await e.search('杭州劳模工匠协会');
    expect(outcome.exact).toBe(true);
    expect(outcome.pages).toHaveLength(1);
    expect(outcome.counts.city).toMatchObject({ 杭州市: 1 });
    expect(outcome.counts.year).toMatchObject({ 2021: 1, 2022: 0 });
    const { items } = await e.results(outcome, 0, 10);
    expect(items.map((item) => item.url)).toEqual(['/cases/p6/']);
    expect((await e.search('杭州劳模工匠协会', { filters: { year: '2022' } })).pages).toEqual([]);
  });

  it('sorts by date on request', () => {
    expect(rankPages([3, 1, 2], (p) => (p === 3 ? 3 : 1), 'relevance')).toEqual([3, 1, 2]);
    expect(rankPages([3, 1, 2], () => 1, 'date')).toEqual([1, 2, 3]);
  });

  it('ships only the fold pairs whose simplified character the pages use', () => {
    expect(JSON.parse(files.get('fold.json')!)).toEqual({ 勞: '劳', 術: '术', 務: '务', 隊: '队', 陽: '阳', 縣: '县', 諧: '谐' });
    expect(siteFoldTable([page(9, '你好', '没有繁体')], t2s)).toEqual({});
  });

  it('loads only the shards of the query’s grams and the fragments it shows', async () => {
    const loader = memoryLoader(files, pages);
    const e = new SearchEngine(loader);
    const outcome = await e.search('董振方');
    await e.results(outcome, 0, 10);
    const shards = loader.requests.filter((r) => r.includes('/g/'));
    expect(shards).toHaveLength(1);
    expect(loader.requests.filter((r) => r.startsWith('fragment/'))).toEqual(['fragment/zh_1']);
    expect(loader.requests).not.toContain('cjk/fold.json');
  });
});

describe('case page search attributes', () => {
  it('puts one key per attribute: city on the header, county and date on the byline, year and sort on the article, type on the body', () => {
    const attributes = caseSearchAttributes({
      trail: [{ name: '浙江省', kind: 'province' }, { name: '温州市', kind: 'city' }, { name: '平阳县', kind: 'county' }],
      date: new Date('2022-01-01T00:00:00Z'),
      datePrecision: 'year',
    });
    expect(attributes).toEqual({
      article: { sort: 'date:2022-01-01', filter: 'year:2022', meta: 'published:2022-01-01' },
      header: { filter: 'city:温州市', meta: 'region:温州市 · 平阳县' },
      byline: { filter: 'county:平阳县', meta: 'date:2022年' },
      body: { filter: 'type:文章' },
    });
  });

  it('marks an issue page as its own result type, filterable by type, year and the issue itself', () => {
    expect(issueSearchAttributes({ id: 'laomo-xiehui-jiaoliu-wenzhou', title: '打造金字招牌 助力共同富裕', date: new Date('2023-01-01T00:00:00Z'), datePrecision: 'year' })).toEqual({
      article: { sort: 'date:2023-01-01', filter: 'type:专版', meta: 'type:专版' },
      header: { filter: 'year:2023', meta: 'published:2023-01-01' },
      contents: { filter: 'issue:laomo-xiehui-jiaoliu-wenzhou', meta: 'date:2023年' },
    });
  });

  it('leaves the county filter off a city-level case', () => {
    const attributes = caseSearchAttributes({ trail: [{ name: '浙江省', kind: 'province' }, { name: '湖州市', kind: 'city' }], date: new Date('2021-05-01T00:00:00Z') });
    expect(attributes.byline.filter).toBeUndefined();
    expect(attributes.header.meta).toBe('region:湖州市');
  });
});
