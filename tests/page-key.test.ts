/**
 * The incremental build's page keys (src/lib/page-key.ts): an article page's key must change whenever anything
 * the page shows changes — else the next build copies a stale page — and stay the same when nothing it shows
 * does, else nothing is saved. The view (src/lib/case-page.ts) is what the page renders from.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { casePageView } from '../src/lib/case-page.ts';
import { pageKey, viewText } from '../src/lib/page-key.ts';
import { buildSiteIndex } from '../src/lib/site-index.ts';
import { caseCard } from '../src/lib/share-image/cards.ts';
import { sourceVersion } from '../src/lib/source-version.ts';

// Entries as Astro gives them: id, data, and the digest of their file.
const region = (id: string, name: string, kind: string, parent?: string) => ({ id, collection: 'regions', data: { name, kind, parent } });
const regions = [
  region('zhejiang', '浙江省', 'province'),
  region('wenzhou', '温州市', 'city', 'zhejiang'),
  region('pingyang', '平阳县', 'county', 'wenzhou'),
  region('ruian', '瑞安市', 'county', 'wenzhou'),
  region('hangzhou', '杭州市', 'city', 'zhejiang'),
  region('linan', '临安区', 'county', 'hangzhou'),
];
const topics = [{ id: 'a', collection: 'topics', data: { name: '志愿服务' } }, { id: 'b', collection: 'topics', data: { name: '宣讲' } }];
const day = (n: number) => new Date(Date.UTC(2022, 0, n));
const kase = (id: string, regionId: string, topicIds: string[], n: number) => ({
  id,
  collection: 'cases',
  digest: `${id}-v1`,
  data: { title: `${id} 的标题`, organisation: '协会', date: day(n), region: { id: regionId }, topics: topicIds.map((t) => ({ id: t })) },
});
const cases = [
  kase('old-pingyang', 'pingyang', ['a'], 1),
  kase('new-pingyang', 'pingyang', ['b'], 20),
  kase('ruian', 'ruian', ['a', 'b'], 10),
  kase('wenzhou-city', 'wenzhou', [], 5),
  kase('linan', 'linan', ['a'], 15),
  kase('far-away', 'linan', [], 2),
];
const issue = (id: string, n: number, caseIds: string[]) => ({ id, collection: 'issues', digest: `${id}-v1`, data: { title: `${id} 专版`, date: day(n), cases: caseIds.map((c) => ({ id: c })) } });
const issues = [issue('first', 3, ['old-pingyang', 'ruian', 'wenzhou-city']), issue('second', 25, ['linan', 'new-pingyang'])];

type Input = { cases: typeof cases; issues: typeof issues; regions: typeof regions; topics: typeof topics };
const base: Input = { cases, issues, regions, topics };
const keyOf = (caseId: string, input: Partial<Input> = {}, version = 'v') => {
  const site = buildSiteIndex({ ...base, ...input });
  const entry = site.caseById.get(caseId)!;
  return pageKey(version, { entry, view: casePageView(site, entry) });
};
const edited = <T extends { id: string; digest?: string; data: object }>(list: T[], id: string, data: object = {}) =>
  list.map((entry) => (entry.id === id ? { ...entry, digest: `${id}-v2`, data: { ...entry.data, ...data } } : entry));

describe('an article page’s key', () => {
  const key = keyOf('ruian');
  const site = buildSiteIndex(base);
  const related = site.related('ruian', 4).map((item) => item.id);

  it('is the same for the same content', () => {
    expect(keyOf('ruian')).toBe(key);
  });

  it('changes with the case itself', () => {
    expect(keyOf('ruian', { cases: edited(cases, 'ruian') })).not.toBe(key);
  });

  it('changes with each related case and each neighbour in its issue', () => {
    expect(related.length).toBeGreaterThan(1);
    for (const id of [...related, 'old-pingyang', 'wenzhou-city']) expect(keyOf('ruian', { cases: edited(cases, id) }), id).not.toBe(key);
  });

  it('changes when a new case enters its related list', () => {
    const closer = { ...kase('ruian-2', 'ruian', ['a', 'b'], 11) };
    expect(keyOf('ruian', { cases: [...cases, closer] })).not.toBe(key);
  });

  it('changes with its issue’s title, and with its 期号 even when only another issue changed', () => {
    expect(keyOf('ruian', { issues: edited(issues, 'first', { title: '新标题' }) })).not.toBe(key);
    // An older issue without a stated number takes 第 1 期: “first” becomes 第 2 期.
    const older = issue('older', 1, []);
    expect(buildSiteIndex({ ...base, issues: [...issues, older] }).issueNumbering('first')?.number).toBe(2);
    expect(keyOf('ruian', { issues: [...issues, older] })).not.toBe(key);
  });

  it('changes with a region’s or a topic’s name', () => {
    expect(keyOf('ruian', { regions: regions.map((r) => (r.id === 'wenzhou' ? { ...r, data: { ...r.data, name: '温州' } } : r)) })).not.toBe(key);
    expect(keyOf('ruian', { topics: topics.map((t) => (t.id === 'b' ? { ...t, data: { name: '宣传' } } : t)) })).not.toBe(key);
  });

  it('changes with the source version (code, site settings, SITE_URL …)', () => {
    expect(keyOf('ruian', {}, 'other')).not.toBe(key);
  });

  it('stays the same when a case the page does not show changes', () => {
    expect(related).not.toContain('far-away');
    expect(keyOf('ruian', { cases: edited(cases, 'far-away') })).toBe(key);
  });

  it('counts entries by digest and everything else by value', () => {
    const text = viewText({ entry: cases[0], when: day(1), names: new Map([['a', 1]]) });
    expect(text).toBe(JSON.stringify({ entry: "cases/old-pingyang@old-pingyang-v1", when: "2022-01-01T00:00:00.000Z", names: { __collection: "[[\"a\",1]]" } }));
  });
});

describe('a share image’s key', () => {
  it('changes with the card’s text and place, not with the article body', () => {
    const card = (data: object, trail = ['温州市', '瑞安市']) => pageKey('v', { card: caseCard({ ...cases[2]!.data, ...data }, trail) });
    expect(card({ title: '新标题' })).not.toBe(card({}));
    expect(card({}, ['温州市'])).not.toBe(card({}));
    expect(card({})).toBe(card({}));
  });
});

describe('sourceVersion', () => {
  const root = mkdtempSync(join(tmpdir(), 'laomo-source-version-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('src/components/IssuePager.astro', '<nav>上一期</nav>');
  write('astro.config.mjs', 'export default {}');
  write('package-lock.json', '{}');
  write('content/site.yaml', 'icp: 浙ICP备1号\n');
  write('content/regions.json', '[]');
  write('content/topics.yaml', '[]');
  write('content/cases/a.mdx', '---\ntitle: 甲\n---\n正文\n');
  write('content/cases/a-photo.jpg', 'jpeg');
  write('content/issues/one.yaml', 'title: 一\n');
  const env = { SITE_URL: 'https://laomo.zjgh.org' };
  const version = () => sourceVersion(root, env);
  const first = version();

  it('changes with a component, the config, the lockfile, site.yaml, regions, topics, an image and SITE_URL', () => {
    for (const [path, text] of [
      ['src/components/IssuePager.astro', '<nav>下一期</nav>'],
      ['astro.config.mjs', 'export default { base: "/x/" }'],
      ['package-lock.json', '{"v":2}'],
      ['content/site.yaml', 'icp: 浙ICP备2号\n'],
      ['content/regions.json', '[{}]'],
      ['content/topics.yaml', '[{}]'],
      ['content/cases/a-photo.jpg', 'other jpeg'],
    ] as const) {
      const before = version();
      write(path, text);
      expect(version(), path).not.toBe(before);
    }
    expect(sourceVersion(root, { SITE_URL: 'https://example.org' })).not.toBe(version());
    expect(version()).not.toBe(first);
  });

  it('leaves articles and issues to the pages that show them', () => {
    const before = version();
    write('content/cases/a.mdx', '---\ntitle: 乙\n---\n正文\n');
    write('content/issues/one.yaml', 'title: 二\n');
    expect(version()).toBe(before);
  });
});
