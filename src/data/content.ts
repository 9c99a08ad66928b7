/**
 * Published content as the pages see it. In `astro dev` drafts and scheduled entries are included so
 * editors can preview them; the production build leaves them out everywhere.
 */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isPublished } from '../lib/publishing.ts';

export type CaseEntry = CollectionEntry<'cases'>;
export type IssueEntry = CollectionEntry<'issues'>;
export type RegionEntry = CollectionEntry<'regions'>;
export type TopicEntry = CollectionEntry<'topics'>;

const publishing = { includeUnpublished: import.meta.env.DEV };

const newestFirst = (a: { data: { date: Date } }, b: { data: { date: Date } }) =>
  b.data.date.getTime() - a.data.date.getTime();

export async function getPublishedCases(): Promise<CaseEntry[]> {
  const cases = await getCollection('cases', ({ data }) => isPublished(data, publishing));
  return cases.sort(newestFirst);
}

export async function getPublishedIssues(): Promise<IssueEntry[]> {
  const issues = await getCollection('issues', ({ data }) => isPublished(data, publishing));
  return issues.sort(newestFirst);
}

export async function getRegions(): Promise<RegionEntry[]> {
  return getCollection('regions');
}

export async function getTopics(): Promise<TopicEntry[]> {
  return getCollection('topics');
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
