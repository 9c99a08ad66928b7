/**
 * Near misses (src/lib/search/near-miss.ts) and the engine's second list: query variants, bigram
 * coverage and its ranking, and that the list never holds an exact result and respects the filters.
 */
import { describe, expect, it } from 'vitest';
import { abbreviations, coverage, coverageGrams, isNearMiss, markTerms, nearMissScore, queryVariants, rankNearMisses, regionPairs } from '../src/lib/search/near-miss.ts';
import { buildSidecar, type IndexedPage } from '../src/lib/search/build-sidecar.ts';
import { SearchEngine, wantsNearMisses, type Fragment, type Loader } from '../src/lib/search/engine.ts';

const regions = [
  { name: '浙江省', shortName: '浙江' },
  { name: '湖州市', shortName: '湖州' },
  { name: '平阳县', shortName: '平阳' },
  { name: '诸暨市', shortName: '诸暨' },
  { name: '县', shortName: '县' },
];
const pairs = [...abbreviations, ...regionPairs(regions)];

describe('query variants', () => {
  it('tries abbreviations and full region names, combined', () => {
    const variants = queryVariants('湖州劳模协会', pairs);
    expect(variants[0]).toBe('湖州劳模协会');
    expect(variants).toContain('湖州劳动模范协会');
    expect(variants).toContain('湖州市劳动模范协会');
    expect(queryVariants('劳动模范', pairs)).toContain('劳模');
  });

  it('does not rewrite a name already printed in full', () => {
    expect(queryVariants('湖州市劳模', pairs)).not.toContain('湖州市市劳模');
    expect(queryVariants('湖州市劳模', pairs)).toContain('湖州市劳动模范');
  });

  it('folds x and × between digits, both ways', () => {
    expect(queryVariants('2x4')).toContain('2×4');
    expect(queryVariants('2×4')).toContain('2x4');
    expect(queryVariants('max4')).toEqual(['max4']);
  });

  it('keeps only region short names of two characters or more that differ from the full name', () => {
    expect(regionPairs(regions)).toEqual([['浙江', '浙江省'], ['湖州', '湖州市'], ['平阳', '平阳县'], ['诸暨', '诸暨市']]);
  });
});

describe('coverage', () => {
  const pageHas = (text: string) => (gram: string) => text.includes(gram);

  it('looks up the bigrams of a term, or a single character as itself', () => {
    expect(coverageGrams('董振芳')).toEqual(['董振', '振芳']);
    expect(coverageGrams('劳')).toEqual(['劳']);
  });

  it('counts the characters inside contained bigrams and the share of bigrams, and returns the stretches found', () => {
    expect(coverage('董振芳', pageHas('成员董振方现场指导'))).toEqual({ score: 0.5, covered: 2 / 3, runs: ['董振'] });
    expect(coverage('诸暨技能大赛', pageHas('诸暨市职业技能大赛'))).toEqual({ score: 4 / 5, covered: 1, runs: ['诸暨', '技能大赛'] });
    expect(coverage('2×4', pageHas('构建“2×4”组织架构'))).toMatchObject({ score: 1, covered: 1 });
  });

  it('ranks the page that prints the words together above one that has them apart, and a page covering more above one covering less', () => {
    const terms = [queryVariants('湖州劳模协会', pairs)];
    const together = nearMissScore(terms, pageHas('湖州市劳动模范协会成立于2019年'));
    const apart = nearMissScore(terms, pageHas('湖州的劳模们在平阳县劳模协会交流'));
    const less = nearMissScore(terms, pageHas('湖州工会'));
    expect(together).toMatchObject({ score: 1, covered: 1 });
    expect(together.runs).toContain('湖州市劳动模范协会');
    expect(apart.covered).toBe(1);
    expect(apart.score).toBeLessThan(1);
    expect(isNearMiss(less)).toBe(false);
    expect(rankNearMisses(new Map([[0, less], [1, apart], [2, together]]))).toEqual([2, 1]);
  });

  it('weights the terms of a query by their length, each at its best variant', () => {
    const score = nearMissScore([['董振芳'], ['焊接']], (gram) => ['董振', '焊接'].includes(gram));
    expect(score.covered).toBeCloseTo((2 / 3) * (3 / 5) + 1 * (2 / 5));
    expect(score.runs).toEqual(['董振', '焊接']);
  });

  it('breaks ties by what the title and lead contain, then newest first', () => {
    const base = { score: 1, covered: 1, runs: [] };
    expect(rankNearMisses(new Map([[0, { ...base, lead: 0 }], [1, { ...base, lead: 0.5 }], [2, { ...base, lead: 0.5 }]]))).toEqual([1, 2, 0]);
  });
});

const page = (n: number, title: string, content: string, filters: Record<string, string[]> = {}): IndexedPage => ({
  hash: `zh_${n}`,
  url: `/cases/p${n}/`,
  content: `${title}. ${content}`,
  meta: { title, published: `2022-01-${String(10 + n).padStart(2, '0')}` },
  filters,
});

function memoryLoader(files: Map<string, string>, pages: IndexedPage[]): Loader {
  return {
    async json<T>(path: string) {
      const text = files.get(path.replace(/^cjk\//, ''));
      if (text === undefined) throw new Error(`404 ${path}`);
      return JSON.parse(text) as T;
    },
    async fragment(hash: string) {
      const found = pages.find((p) => p.hash === hash)!;
      return { url: found.url, content: found.content, meta: found.meta, filters: found.filters } satisfies Fragment;
    },
  };
}

describe('the near-miss list of the engine', () => {
  const pages = [
    page(1, '特色主题活动展风采', '湖州市劳动模范协会组织劳模工匠志愿服务。', { city: ['湖州市'] }),
    page(2, '海岛劳模', '湖州的客人来到洞头区劳模协会。', { city: ['温州市'] }),
    page(3, '技能大赛', '诸暨市职业技能大赛落下帷幕。', { city: ['绍兴市'] }),
    page(4, '组织架构', '协会探索构建“2×4”组织架构，湖州劳模协会来访。', { city: ['温州市'] }),
  ];
  const files = buildSidecar(pages, { fold: {}, shardBytes: 300 });
  const engine = () => new SearchEngine(memoryLoader(files, pages), pairs);
  const urlsOf = (nums: number[]) => nums.map((n) => pages.find((p) => p.hash === JSON.parse(files.get('p/0.json')!)[n])!.url);

  it('lists the pages containing part of the query, the one printing it in full first', async () => {
    const e = engine();
    const outcome = await e.search('湖州劳模协会');
    expect(outcome.pages).toHaveLength(1);
    expect(wantsNearMisses(outcome)).toBe(true);
    const near = await e.nearMisses('湖州劳模协会', outcome);
    // p4 is the exact result: never repeated in the second list.
    expect(urlsOf(outcome.pages)).toEqual(['/cases/p4/']);
    expect(urlsOf(near.pages)).toEqual(['/cases/p1/', '/cases/p2/']);
    expect(near.scores.get(near.pages[0])!.runs).toContain('湖州市劳动模范协会');
  });

  it('finds 2×4 from 2x4 and 诸暨 + 技能大赛 apart, within the selected filters', async () => {
    const e = engine();
    const times = await e.search('2x4');
    expect(times.pages).toEqual([]);
    expect(urlsOf((await e.nearMisses('2x4', times)).pages)).toEqual(['/cases/p4/']);
    const apart = await e.search('诸暨技能大赛');
    expect(urlsOf((await e.nearMisses('诸暨技能大赛', apart)).pages)).toEqual(['/cases/p3/']);
    const filtered = await e.search('湖州劳模协会', { filters: { city: '湖州市' } });
    expect(urlsOf((await e.nearMisses('湖州劳模协会', filtered, { filters: { city: '湖州市' } })).pages)).toEqual(['/cases/p1/']);
  });

  it('is not wanted when a result has the query in its title, or for an empty query', async () => {
    const e = engine();
    expect(wantsNearMisses(await e.search('技能大赛'))).toBe(false);
    expect(wantsNearMisses(await e.search('%'))).toBe(false);
    expect(wantsNearMisses(await e.search('董振芳'))).toBe(true);
  });
});

describe('marks in a near miss', () => {
  it('marks a run the text prints whole, else its longest printed pieces', () => {
    expect(markTerms(['湖州市劳动模范协会'], '湖州市劳动模范协会成立')).toEqual(['湖州市劳动模范协会']);
    expect(markTerms(['湖州市劳模协会'], '湖州市劳动模范协会与各市劳模协会')).toEqual(['湖州市劳', '劳模协会']);
    expect(markTerms(['董振'], '董振方')).toEqual(['董振']);
  });
});
