import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toPinyinSlug } from '../src/lib/pinyin-slug.ts';
import {
  applyDivisionChanges,
  buildRegionIndex,
  countRegions,
  findRegion,
  formatRegionPath,
  guessRegionFromText,
  regionsFromDivisionRows,
  serializeRegions,
  verifyRegions,
  type Region,
} from '../src/lib/regions.ts';
import { regionSchema } from '../src/schemas/region.ts';

const fileText = readFileSync(new URL('../content/regions.json', import.meta.url), 'utf8');
const regions = JSON.parse(fileText) as Region[];
const index = buildRegionIndex(regions);

/** A small sound fixture: a province, a city with a district, a county-level city and a county. */
function fixture(): Region[] {
  return [
    { id: 'zhejiang', code: '330000', name: '浙江省', shortName: '浙江', kind: 'province' },
    { id: 'wenzhou', code: '330300', name: '温州市', shortName: '温州', kind: 'city', parent: 'zhejiang' },
    { id: 'lucheng', code: '330302', name: '鹿城区', shortName: '鹿城', kind: 'district', parent: 'wenzhou' },
    { id: 'pingyang', code: '330326', name: '平阳县', shortName: '平阳', kind: 'county', parent: 'wenzhou' },
    { id: 'yueqing', code: '330382', name: '乐清市', shortName: '乐清', kind: 'county-city', parent: 'wenzhou' },
  ];
}
const verifyFixture = (entries: unknown[]) => verifyRegions(entries, { counts: null });
/** Problems of a fixture changed by `edit`, as `id.field`. */
function problemsAfter(edit: (entries: Region[]) => void): string[] {
  const entries = fixture();
  edit(entries);
  return verifyFixture(entries).map((problem) => `${problem.id}.${problem.field}`);
}

describe('content/regions.json', () => {
  it('passes verifyRegions', () => {
    expect(verifyRegions(regions)).toEqual([]);
  });
  it('is in the canonical format --generate writes', () => {
    expect(serializeRegions(regions)).toBe(fileText);
  });
  it('matches the collection schema', () => {
    for (const { id, ...data } of regions) expect(regionSchema.safeParse(data).success, id).toBe(true);
  });
  it('has 1 province, 11 cities and 90 county-level divisions', () => {
    expect(countRegions(regions)).toEqual({ province: 1, city: 11, district: 37, 'county-city': 20, county: 33 });
    expect(regions).toHaveLength(102);
  });
  it('has the current division (Hangzhou 2021, 龙港 2019)', () => {
    const names = index.children('hangzhou').map((region) => region.name);
    expect(names).toEqual(['上城区', '拱墅区', '西湖区', '滨江区', '萧山区', '余杭区', '富阳区', '临安区', '临平区', '钱塘区', '桐庐县', '淳安县', '建德市']);
    expect(index.get('linping')?.code).toBe('330113');
    expect(index.get('qiantang')?.code).toBe('330114');
    expect(index.get('longgang')).toMatchObject({ code: '330383', kind: 'county-city', parent: 'wenzhou' });
    expect(regions.some((region) => region.name === '江干区' || region.name === '下城区')).toBe(false);
    expect(index.get('jingning')).toMatchObject({ name: '景宁畲族自治县', shortName: '景宁', kind: 'county' });
  });
  it('uses the reviewed slugs', () => {
    const slug = (name: string) => regions.find((region) => region.name === name)?.id;
    expect(slug('乐清市')).toBe('yueqing');
    expect(slug('莲都区')).toBe('liandu');
    expect(slug('长兴县')).toBe('changxing');
    expect(slug('嵊州市')).toBe('shengzhou');
    expect(slug('嵊泗县')).toBe('shengsi');
    expect(slug('台州市')).toBe('taizhou');
    expect(slug('天台县')).toBe('tiantai');
    expect(slug('浙江省')).toBe('zhejiang');
    expect(toPinyinSlug('乐清')).toBe('yueqing');
    expect(toPinyinSlug('莲都')).toBe('liandu');
  });
});

describe('verifyRegions', () => {
  it('accepts a sound fixture', () => {
    expect(verifyFixture(fixture())).toEqual([]);
  });
  it('reports wrong counts', () => {
    const problems = verifyRegions(fixture());
    expect(problems.every((problem) => problem.id === '*' && problem.field === 'kind')).toBe(true);
    expect(problems.map((problem) => problem.message)).toContain('地级市（city）应为 11 个，实际 1 个');
  });
  it('reports duplicate codes and slugs', () => {
    expect(problemsAfter((e) => (e[3]!.code = '330302'))).toContain('pingyang.code');
    const dup = fixture();
    dup.push({ ...dup[3]!, code: '330327' });
    expect(verifyFixture(dup).map((p) => `${p.id}.${p.field}`)).toContain('pingyang.id');
  });
  it('reports a missing or unknown parent and a parent of the wrong level', () => {
    expect(problemsAfter((e) => delete e[3]!.parent)).toEqual(['pingyang.parent']);
    expect(problemsAfter((e) => (e[3]!.parent = 'wenzou'))).toEqual(['pingyang.parent']);
    expect(problemsAfter((e) => (e[3]!.parent = 'zhejiang'))).toEqual(['pingyang.parent']);
    expect(problemsAfter((e) => (e[0]!.parent = 'wenzhou'))).toContain('zhejiang.parent');
  });
  it('reports a code whose prefix does not match the parent', () => {
    expect(problemsAfter((e) => (e[3]!.code = '330426'))).toEqual(['pingyang.code']);
    expect(problemsAfter((e) => (e[1]!.code = '340300'))).toContain('wenzhou.code');
  });
  it('reports a kind that does not fit the name suffix', () => {
    expect(problemsAfter((e) => (e[2]!.kind = 'county'))).toEqual(['lucheng.kind']);
    expect(problemsAfter((e) => (e[4]!.kind = 'city'))).toContain('yueqing.kind');
    expect(problemsAfter((e) => (e[3]!.kind = 'county-city'))).toEqual(['pingyang.kind']);
  });
  it('reports a short name or slug that does not follow from the name', () => {
    expect(problemsAfter((e) => (e[3]!.shortName = '平阳县'))).toContain('pingyang.shortName');
    expect(problemsAfter((e) => (e[4]!.id = 'leqing'))).toContain('leqing.id');
    const message = verifyFixture(problemsFixture()).find((p) => p.field === 'id')?.message;
    expect(message).toContain('yueqing');
  });
  it('reports bad field values, unknown fields and wrong order', () => {
    expect(problemsAfter((e) => (e[3]!.code = '33032'))).toContain('pingyang.code');
    expect(problemsAfter((e) => ((e[3] as Record<string, unknown>).parnet = 'wenzhou'))).toContain('pingyang.parnet');
    expect(problemsAfter((e) => ((e[3] as Record<string, unknown>).kind = 'town'))).toEqual(['pingyang.kind']);
    expect(problemsAfter((e) => e.reverse())).toEqual(['yueqing.code']);
    expect(verifyFixture([42])).toEqual([{ id: '#1', field: '(条目)', message: '第 1 条不是对象' }]);
  });
  it('names the entry and field in Chinese', () => {
    const [problem] = verifyFixture(problemsFixture());
    expect(problem).toEqual({
      id: 'leqing',
      field: 'id',
      message: expect.stringMatching(/^乐清市（leqing）的 id 为 leqing，但“乐清”的审定拼音为 yueqing/),
    });
  });
});

function problemsFixture(): Region[] {
  const entries = fixture();
  entries[4]!.id = 'leqing';
  return entries;
}

describe('buildRegionIndex', () => {
  it('looks up by id, children and ancestors', () => {
    expect(index.get('pingyang')?.name).toBe('平阳县');
    expect(index.children('zhejiang')).toHaveLength(11);
    expect(index.children('lishui').map((region) => region.id)).toEqual(['liandu', 'qingtian', 'jinyun', 'suichang', 'songyang', 'yunhe', 'qingyuan', 'jingning', 'longquan']);
    expect(index.path('pingyang').map((region) => region.id)).toEqual(['zhejiang', 'wenzhou', 'pingyang']);
    expect(index.ancestors('pingyang').map((region) => region.id)).toEqual(['zhejiang', 'wenzhou']);
    expect(index.path('nowhere')).toEqual([]);
  });
});

describe('findRegion', () => {
  const ids = (query: string) => findRegion(query, index).map((region) => region.id);
  it('accepts short names, full names, slugs, codes and names with their parents', () => {
    for (const query of ['平阳', '平阳县', 'pingyang', 'PingYang', '温州市平阳县', '浙江省温州市平阳县', '温州平阳', '温州市 › 平阳县', '330326']) {
      expect(ids(query), query).toEqual(['pingyang']);
    }
    expect(ids('杭州')).toEqual(['hangzhou']);
    expect(ids('浙江省')).toEqual(['zhejiang']);
    expect(ids('景宁畲族自治县')).toEqual(['jingning']);
  });
  it('returns nothing for an unknown or mismatched name', () => {
    expect(ids('火星县')).toEqual([]);
    expect(ids('宁波市平阳县')).toEqual([]);
    expect(ids('nowhere')).toEqual([]);
    expect(ids('  ')).toEqual([]);
  });
});

describe('formatRegionPath', () => {
  it('joins the names from the province down', () => {
    expect(formatRegionPath('pingyang', index)).toBe('浙江省 › 温州市 › 平阳县');
    expect(formatRegionPath('wenzhou', index)).toBe('浙江省 › 温州市');
    expect(formatRegionPath('zhejiang', index)).toBe('浙江省');
    expect(() => formatRegionPath('nowhere', index)).toThrow('未知的行政区划 id：nowhere');
  });
});

describe('guessRegionFromText', () => {
  const guess = (text: string) => guessRegionFromText(text, index)?.id;
  it('finds the most specific region of an organisation', () => {
    expect(guess('平阳县劳模协会')).toBe('pingyang');
    expect(guess('杭州临安区总工会')).toBe('linan');
    expect(guess('湖州市劳动模范协会')).toBe('huzhou');
    expect(guess('婺城区总工会')).toBe('wucheng');
    expect(guess('浙江省总工会')).toBe('zhejiang');
    expect(guess('温州市平阳县总工会')).toBe('pingyang');
    expect(guess('平阳劳模协会')).toBe('pingyang');
    expect(guess('乐清柳市镇总工会')).toBe('yueqing');
  });
  it('does not confuse overlapping names', () => {
    expect(guess('宁海县劳模协会')).toBe('ninghai');
    expect(guess('海宁市总工会')).toBe('haining');
    expect(guess('宁波市宁海县总工会')).toBe('ninghai');
  });
  it('finds nothing where no region is named', () => {
    expect(guess('浙能集团')).toBeUndefined();
    expect(guess('浙江北部')).toBeUndefined();
    expect(guess('')).toBeUndefined();
  });
});

describe('generating from a division list', () => {
  const rows = [
    { code: '330000', name: '浙江省' },
    { code: '330300', name: '温州市' },
    { code: '330382', name: '乐清市' },
    { code: '330302', name: '鹿城区' },
    { code: '330326', name: '平阳县' },
  ];
  it('builds the entries in file order with reviewed slugs', () => {
    expect(regionsFromDivisionRows(rows)).toEqual(fixture());
  });
  it('reproduces the committed file from its own rows', () => {
    const own = regions.map(({ code, name }) => ({ code, name })).reverse();
    expect(serializeRegions(regionsFromDivisionRows(own))).toBe(fileText);
  });
  it('fails loudly on a slug collision', () => {
    expect(() => regionsFromDivisionRows([...rows, { code: '330327', name: '平阳县' }])).toThrow(/拼音 id 都是 pingyang.*reviewedSlugOverrides/);
  });
  it('applies reviewed changes and refuses stale ones', () => {
    const old = [...rows, { code: '330383', name: '龙港镇' }];
    const changed = applyDivisionChanges(old, [
      { year: 2019, reason: 'test', op: 'rename', code: '330383', name: '龙港镇', to: '龙港市' },
      { year: 2019, reason: 'test', op: 'add', code: '330327', name: '苍南县' },
      { year: 2019, reason: 'test', op: 'remove', code: '330302', name: '鹿城区' },
    ]);
    expect(changed.map((row) => row.name)).toEqual(['浙江省', '温州市', '平阳县', '苍南县', '乐清市', '龙港市']);
    expect(() => applyDivisionChanges(rows, [{ year: 2021, reason: 'test', op: 'add', code: '330302', name: '鹿城区' }])).toThrow(/已有代码/);
    expect(() => applyDivisionChanges(rows, [{ year: 2021, reason: 'test', op: 'remove', code: '330104', name: '江干区' }])).toThrow(/没有 330104/);
  });
});
