/**
 * The search page's 专版 filter is keyed by issue id (`data-pagefind-filter="issue:<id>"` on a case page), not by
 * title: newspaper pages often share a title (“劳模风采”), and two issues keyed by title would merge into one
 * choice. The choice shows the title; titles that repeat get the part or date, then the id, to tell them apart.
 */
import { formatChineseDate } from '../dates.ts';
import type { DatePrecision } from '../../schemas/dates.ts';

export interface IssueForFilter {
  id: string;
  title: string;
  part?: string;
  date: Date;
  datePrecision?: DatePrecision;
}

/** The `data-pagefind-filter` value of an issue link on a case page. */
export const issueFilterAttribute = (id: string) => `issue:${id}`;

/** id → the label shown in the filter: `《标题》`, or `《标题》（2022年1月）` when another issue has the same title. */
export function issueFilterLabels(issues: readonly IssueForFilter[]): Record<string, string> {
  const byTitle = new Map<string, IssueForFilter[]>();
  for (const issue of issues) byTitle.set(issue.title, [...(byTitle.get(issue.title) ?? []), issue]);
  const labels: Record<string, string> = {};
  for (const [title, same] of byTitle) {
    if (same.length === 1) {
      labels[same[0]!.id] = `《${title}》`;
      continue;
    }
    const detail = (issue: IssueForFilter) => issue.part ?? formatChineseDate(issue.date, issue.datePrecision);
    const details = same.map(detail);
    for (const [index, issue] of same.entries()) {
      const unique = details.filter((value) => value === details[index]).length === 1;
      labels[issue.id] = `《${title}》（${unique ? details[index] : `${details[index]}，${issue.id}`}）`;
    }
  }
  return labels;
}
