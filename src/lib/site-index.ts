/**
 * The site's derived data, computed once from the collections: cases newest first, issues, cases by region,
 * by topic and by issue, the year/month archive and the related cases. Pure (no Astro): src/data/site-index.ts
 * feeds it the collections once per build and every page reads from it, so a page costs the same at 100 or
 * 10,000 articles instead of re-reading and re-sorting every case.
 */
import { groupByYearMonth, type ArchiveYear, type DatedFields } from './archive.ts';
import { numberIssues, type IssueNumbering } from './issue-numbers.ts';
import { rankRelated, relatedWeights, type RelatedCase, type RelatedInput } from './related.ts';

export interface IndexCase {
  id: string;
  data: DatedFields & { region: { id: string }; topics: readonly { id: string }[] };
}

export interface IndexIssue {
  id: string;
  data: { date: Date; cases: readonly { id: string }[]; number?: number; series?: { name: string; part?: string } };
}

export interface IndexRegion {
  id: string;
  data: { parent?: string; kind: string };
}

export interface IssueAppearance<I> {
  issue: I;
  /** 0-based place of the case in the issue's order. */
  position: number;
  previousId?: string;
  nextId?: string;
}

export interface SiteIndexInput<C, I, R, T> {
  cases: readonly C[];
  issues: readonly I[];
  regions: readonly R[];
  topics: readonly T[];
}

const newestFirst = (a: { data: { date: Date } }, b: { data: { date: Date } }) => b.data.date.getTime() - a.data.date.getTime();

const pushTo = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export function buildSiteIndex<C extends IndexCase, I extends IndexIssue, R extends IndexRegion, T extends { id: string }>(
  input: SiteIndexInput<C, I, R, T>,
) {
  // Stable sorts: entries of the same date keep the collection's order, as the pages always had it.
  const cases = [...input.cases].sort(newestFirst);
  const issues = [...input.issues].sort(newestFirst);
  const regions = [...input.regions];
  const topics = [...input.topics];

  const caseById = new Map(cases.map((entry) => [entry.id, entry]));
  const regionById = new Map(regions.map((region) => [region.id, region]));
  const topicById = new Map(topics.map((topic) => [topic.id, topic]));

  const children = new Map<string, R[]>();
  for (const region of regions) if (region.data.parent) pushTo(children, region.data.parent, region);

  const trails = new Map<string, R[]>();
  /** Province → city → county, ending with the region itself; [] for an unknown id. */
  function trail(id: string): R[] {
    let path = trails.get(id);
    if (path) return path;
    path = [];
    const seen = new Set<string>();
    for (let current = regionById.get(id); current && !seen.has(current.id); current = current.data.parent ? regionById.get(current.data.parent) : undefined) {
      seen.add(current.id);
      path.unshift(current);
    }
    trails.set(id, path);
    return path;
  }

  // One pass over the cases fills every bucket, each in the cases' order (newest first).
  const under = new Map<string, C[]>();
  const filedAt = new Map<string, C[]>();
  const byTopic = new Map<string, C[]>();
  for (const entry of cases) {
    for (const step of trail(entry.data.region.id)) pushTo(under, step.id, entry);
    pushTo(filedAt, entry.data.region.id, entry);
    for (const topicId of new Set(entry.data.topics.map((topic) => topic.id))) pushTo(byTopic, topicId, entry);
  }

  const appearances = new Map<string, IssueAppearance<I>[]>();
  for (const issue of issues) {
    const order = issue.data.cases.map((ref) => ref.id);
    order.forEach((caseId, position) => {
      // A case listed twice in one issue appears once, at its first place.
      if (order.indexOf(caseId) === position) pushTo(appearances, caseId, { issue, position, previousId: order[position - 1], nextId: order[position + 1] });
    });
  }

  const relatedInputs = new Map<string, RelatedInput>();
  const relatedInput = (entry: C): RelatedInput => {
    let made = relatedInputs.get(entry.id);
    if (!made) {
      made = {
        id: entry.id,
        regionPath: trail(entry.data.region.id).map((step) => step.id),
        topics: entry.data.topics.map((topic) => topic.id),
        date: entry.data.date,
      };
      relatedInputs.set(entry.id, made);
    }
    return made;
  };

  const numbering = numberIssues(issues);

  let archive: ArchiveYear<C>[] | undefined;
  const relatedMemo = new Map<string, RelatedCase[]>();

  /**
   * rankRelated over the few cases that can score, widening only when needed: first the cases of the same
   * place (county, or the very same region), then the whole city, then everything sharing a topic. A wider
   * ring can only add cases scoring at most `bound`; once the current 4th best scores more than that, the
   * result is the one a scan of every case would give (the tests compare both).
   */
  function related(caseId: string, limit = 4): RelatedCase[] {
    const key = `${caseId}\u0000${limit}`;
    const known = relatedMemo.get(key);
    if (known) return known;
    const entry = caseById.get(caseId);
    if (!entry) return [];
    const target = relatedInput(entry);
    const path = target.regionPath;
    const topicCount = new Set(target.topics).size;
    const rings: { members: () => C[]; bound: number }[] = [];
    if (path.length >= 3) rings.push({ members: () => under.get(path[2]!) ?? [], bound: relatedWeights.city + topicCount });
    else if (path.length === 2) rings.push({ members: () => filedAt.get(path[1]!) ?? [], bound: relatedWeights.city + topicCount });
    if (path.length >= 2) rings.push({ members: () => under.get(path[1]!) ?? [], bound: topicCount });
    rings.push({
      members: () => {
        const seen = new Set<string>();
        const all: C[] = [];
        for (const other of [...(path.length >= 2 ? (under.get(path[1]!) ?? []) : []), ...target.topics.flatMap((topic) => byTopic.get(topic) ?? [])]) {
          if (seen.has(other.id)) continue;
          seen.add(other.id);
          all.push(other);
        }
        return all;
      },
      bound: 0,
    });
    let result: RelatedCase[] = [];
    for (const ring of rings) {
      result = rankRelated(target, ring.members().map(relatedInput), { limit });
      if (result.length === limit && result[limit - 1]!.score > ring.bound) break;
    }
    relatedMemo.set(key, result);
    return result;
  }

  return {
    /** Published cases, newest first. */
    cases,
    /** Published issues, newest first. */
    issues,
    regions,
    topics,
    caseById,
    regionById,
    topicById,
    cities: regions.filter((region) => region.data.kind === 'city'),
    trail,
    childrenOf: (id: string): R[] => children.get(id) ?? [],
    /** Cases whose region is this one or lies below it (a city includes its counties), newest first. */
    casesUnder: (regionId: string): C[] => under.get(regionId) ?? [],
    /** Cases filed at exactly this region, newest first. */
    casesFiledAt: (regionId: string): C[] => filedAt.get(regionId) ?? [],
    casesWithTopic: (topicId: string): C[] => byTopic.get(topicId) ?? [],
    /** The issues a case appears in, newest issue first, with its place and neighbours there. */
    issuesContaining: (caseId: string): IssueAppearance<I>[] => appearances.get(caseId) ?? [],
    /** 期号: an issue's running number, its place in its series and its neighbours (src/lib/issue-numbers.ts). */
    issueNumbering: (issueId: string): IssueNumbering<I> | undefined => numbering.byId.get(issueId),
    /** Published issues by 期号, 第 1 期 first. */
    issuesByNumber: numbering.inOrder,
    /** Cases of an issue in its order (unpublished ones left out). */
    casesOfIssue: (issue: I): C[] => issue.data.cases.flatMap((ref) => caseById.get(ref.id) ?? []),
    /** The year/month archive of the cases. */
    archive: (): ArchiveYear<C>[] => (archive ??= groupByYearMonth(cases, (entry) => entry.data)),
    related,
  };
}

export type SiteIndex<C extends IndexCase, I extends IndexIssue, R extends IndexRegion, T extends { id: string }> = ReturnType<
  typeof buildSiteIndex<C, I, R, T>
>;

/**
 * What changes when an entry changes: the id and content digest of every entry (or its data when the loader
 * keeps no digest). `astro dev` rebuilds the index when this key differs.
 */
export function collectionsKey(collections: readonly (readonly { id: string; digest?: string | number; data?: unknown }[])[]): string {
  return collections
    .map((entries) => entries.map((entry) => `${entry.id}\u0001${entry.digest ?? JSON.stringify(entry.data)}`).join('\u0002'))
    .join('\u0003');
}
