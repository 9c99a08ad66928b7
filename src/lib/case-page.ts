/**
 * Everything an article page (src/pages/cases/[id].astro) takes from the site index, in one object: the page
 * renders from this view and nothing else of the index, and its incremental-build key is a hash of the view
 * (src/lib/page-key.ts). So the key covers what the page shows by construction: a field added here is in both.
 */
import type { IndexCase, IndexIssue, IndexRegion, SiteIndex } from './site-index.ts';

/** How many related cases an article lists. */
export const relatedLimit = 4;

export function casePageView<C extends IndexCase, I extends IndexIssue, R extends IndexRegion, T extends { id: string }>(site: SiteIndex<C, I, R, T>, entry: C) {
  const regionId = entry.data.region.id;
  return {
    /** The region and its parents, province first. */
    trail: site.trail(regionId),
    region: site.regionById.get(regionId),
    /** All regions and topics (names of related cases' places, of the case's topics). */
    regions: site.regionById,
    topics: site.topicById,
    /** The issues the case is in: its place there, the 期号 and the neighbouring articles. */
    appearances: site.issuesContaining(entry.id).map((appearance) => ({
      issue: appearance.issue,
      position: appearance.position,
      number: site.issueNumbering(appearance.issue.id)?.number,
      previous: appearance.previousId ? site.caseById.get(appearance.previousId) : undefined,
      next: appearance.nextId ? site.caseById.get(appearance.nextId) : undefined,
    })),
    related: site.related(entry.id, relatedLimit).map((item) => ({ entry: site.caseById.get(item.id)!, reasons: item.reasons })),
  };
}

export type CasePageView<C extends IndexCase, I extends IndexIssue, R extends IndexRegion, T extends { id: string }> = ReturnType<typeof casePageView<C, I, R, T>>;
