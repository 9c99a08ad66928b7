/**
 * Published content as the pages see it. In `astro dev` drafts and scheduled entries are included so
 * editors can preview them; the production build leaves them out everywhere.
 */
import type { CollectionEntry } from 'astro:content';
import { getSiteIndex } from './site-index.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type IssueEntry = CollectionEntry<'issues'>;
export type RegionEntry = CollectionEntry<'regions'>;
export type TopicEntry = CollectionEntry<'topics'>;

// Thin views of the shared site index (src/data/site-index.ts): read once per build, not once per page.
// Each call returns a fresh array, so callers may sort or filter it.
export async function getPublishedCases(): Promise<CaseEntry[]> {
  return [...(await getSiteIndex()).cases];
}

export async function getPublishedIssues(): Promise<IssueEntry[]> {
  return [...(await getSiteIndex()).issues];
}

export async function getRegions(): Promise<RegionEntry[]> {
  return [...(await getSiteIndex()).regions];
}

export async function getTopics(): Promise<TopicEntry[]> {
  return [...(await getSiteIndex()).topics];
}

/** The issues (专版) a case appeared in, with its neighbours in each issue's order. */
export function issuesContaining(caseId: string, issues: IssueEntry[]) {
  return issues.flatMap((issue) => {
    const order = issue.data.cases.map((ref) => ref.id);
    const at = order.indexOf(caseId);
    if (at === -1) return [];
    return [{ issue, previousId: order[at - 1], nextId: order[at + 1] }];
  });
}
