import { describe, expect, it } from 'vitest';
import { buildSiteIndex, collectionsKey } from '../src/lib/site-index.ts';
import { rankRelated } from '../src/lib/related.ts';

const region = (id: string, kind: string, parent?: string) => ({ id, data: { kind, parent } });
const regions = [
  region('zhejiang', 'province'),
  region('wenzhou', 'city', 'zhejiang'),
  region('pingyang', 'county', 'wenzhou'),
  region('ruian', 'county', 'wenzhou'),
  region('hangzhou', 'city', 'zhejiang'),
  region('linan', 'county', 'hangzhou'),
];
const topics = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
const day = (n: number) => new Date(Date.UTC(2022, 0, n));
const kase = (id: string, regionId: string, topicIds: string[], n: number, datePrecision?: 'year') => ({
  id,
  data: { date: day(n), datePrecision, region: { id: regionId }, topics: topicIds.map((t) => ({ id: t })) },
});
const cases = [
  kase('old-pingyang', 'pingyang', ['a'], 1),
  kase('new-pingyang', 'pingyang', ['b'], 20),
  kase('ruian', 'ruian', ['a', 'b'], 10),
  kase('wenzhou-city', 'wenzhou', [], 5),
  kase('linan', 'linan', ['a'], 15),
  kase('province', 'zhejiang', ['c'], 12),
];
const issue = (id: string, n: number, caseIds: string[]) => ({ id, data: { date: day(n), cases: caseIds.map((c) => ({ id: c })) } });
const issues = [issue('first', 3, ['old-pingyang', 'ruian', 'unpublished']), issue('second', 25, ['linan', 'ruian'])];

const index = buildSiteIndex({ cases, issues, regions, topics });
const ids = (list: { id: string }[]) => list.map((entry) => entry.id);

describe('buildSiteIndex', () => {
  it('orders cases and issues newest first', () => {
    expect(ids(index.cases)).toEqual(['new-pingyang', 'linan', 'province', 'ruian', 'wenzhou-city', 'old-pingyang']);
    expect(ids(index.issues)).toEqual(['second', 'first']);
  });

  it('files cases under their region and every region above it, a city including its counties', () => {
    expect(ids(index.casesUnder('pingyang'))).toEqual(['new-pingyang', 'old-pingyang']);
    expect(ids(index.casesUnder('wenzhou'))).toEqual(['new-pingyang', 'ruian', 'wenzhou-city', 'old-pingyang']);
    expect(ids(index.casesUnder('zhejiang'))).toEqual(ids(index.cases));
    expect(ids(index.casesFiledAt('wenzhou'))).toEqual(['wenzhou-city']);
    expect(index.casesUnder('nowhere')).toEqual([]);
    expect(ids(index.trail('pingyang'))).toEqual(['zhejiang', 'wenzhou', 'pingyang']);
    expect(ids(index.childrenOf('wenzhou'))).toEqual(['pingyang', 'ruian']);
    expect(ids(index.cities)).toEqual(['wenzhou', 'hangzhou']);
  });

  it('groups cases by topic', () => {
    expect(ids(index.casesWithTopic('a'))).toEqual(['linan', 'ruian', 'old-pingyang']);
    expect(index.casesWithTopic('none')).toEqual([]);
  });

  it('knows each case’s issues with its place and neighbours, and an issue’s published cases in order', () => {
    expect(index.issuesContaining('ruian').map(({ issue, position, previousId, nextId }) => [issue.id, position, previousId, nextId])).toEqual([
      ['second', 1, 'linan', undefined],
      ['first', 1, 'old-pingyang', 'unpublished'],
    ]);
    expect(index.issuesContaining('province')).toEqual([]);
    expect(ids(index.casesOfIssue(issues[0]!))).toEqual(['old-pingyang', 'ruian']);
  });

  it('builds the year/month archive once', () => {
    const archive = index.archive();
    expect(archive).toBe(index.archive());
    expect(archive.map((year) => [year.year, year.count])).toEqual([[2022, 6]]);
  });
});

/** A small deterministic random corpus: related lists from the buckets must equal a scan of every case. */
function randomCorpus(seed: number, size: number) {
  let state = seed;
  const random = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const places = ['zhejiang', 'wenzhou', 'pingyang', 'ruian', 'hangzhou', 'linan'];
  return Array.from({ length: size }, (_, n) =>
    kase(`c${n}`, pick(places), [...new Set(Array.from({ length: Math.floor(random() * 4) }, () => pick(['a', 'b', 'c'])))], 1 + Math.floor(random() * 8)),
  );
}

describe('related from region and topic buckets', () => {
  for (const [seed, size] of [[1, 12], [7, 40], [42, 120]] as const) {
    it(`equals rankRelated over every case (seed ${seed}, ${size} cases)`, () => {
      const corpus = randomCorpus(seed, size);
      const site = buildSiteIndex({ cases: corpus, issues: [], regions, topics });
      const inputs = site.cases.map((entry) => ({
        id: entry.id,
        regionPath: site.trail(entry.data.region.id).map((step) => step.id),
        topics: entry.data.topics.map((topic) => topic.id),
        date: entry.data.date,
      }));
      for (const target of inputs) {
        for (const limit of [1, 4, 10]) expect(site.related(target.id, limit)).toEqual(rankRelated(target, inputs, { limit }));
      }
    });
  }

  it('gives nothing for an unknown case', () => {
    expect(index.related('nope')).toEqual([]);
  });
});

describe('collectionsKey', () => {
  const entries = [{ id: 'x', digest: 'd1' }, { id: 'y', data: { name: '温州' } }];
  it('changes when a digest, an id or data without a digest changes', () => {
    const key = collectionsKey([entries]);
    expect(collectionsKey([[{ id: 'x', digest: 'd1' }, { id: 'y', data: { name: '温州' } }]])).toBe(key);
    expect(collectionsKey([[{ id: 'x', digest: 'd2' }, entries[1]!]])).not.toBe(key);
    expect(collectionsKey([[{ id: 'z', digest: 'd1' }, entries[1]!]])).not.toBe(key);
    expect(collectionsKey([[entries[0]!, { id: 'y', data: { name: '温州市' } }]])).not.toBe(key);
  });
});
