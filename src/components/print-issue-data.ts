/** Data of the print view of a special issue (one page for A4 and A3) and of its old A3 address. */
import { getPublishedCases, getPublishedIssues, getRegions, type CaseEntry, type IssueEntry, type RegionEntry } from '../data/content.ts';
import { formatChineseDate } from '../lib/dates.ts';
import { issuePdfDownloadName } from '../lib/pdf-name.ts';
import { urls } from '../lib/urls.ts';

export interface PrintProps {
  issue: IssueEntry;
  cases: CaseEntry[];
  regions: Map<string, RegionEntry>;
}

export async function printStaticPaths() {
  const [issues, cases, regions] = await Promise.all([getPublishedIssues(), getPublishedCases(), getRegions()]);
  const casesById = new Map(cases.map((entry) => [entry.id, entry]));
  const regionsById = new Map(regions.map((region) => [region.id, region]));
  return issues.map((issue) => ({
    params: { id: issue.id },
    props: {
      issue,
      cases: issue.data.cases.flatMap((ref: { id: string }) => casesById.get(ref.id) ?? []),
      regions: regionsById,
    } satisfies PrintProps,
  }));
}

export function printIssueProps({ issue, cases, regions }: PrintProps, site: URL | undefined) {
  const webUrl = new URL(urls.issue(issue.id), site).href;
  const { data } = issue;
  const head = ['劳模工匠专版', data.series?.part ?? data.series?.name, data.title].filter(Boolean).join(' · ');
  // Every page carries the issue's web address, so a single sheet or page leads back to the site.
  const foot = `浙江省劳动模范协会 · ${data.source.publication} · ${formatChineseDate(data.date, data.datePrecision)} · ${webUrl}`;
  const pdfNames = { a4: issuePdfDownloadName(data, 'a4'), a3: issuePdfDownloadName(data, 'a3') };
  return {
    layout: { title: data.title, issueId: issue.id, runningHead: head, runningFoot: foot, pdfNames },
    issue: { issue, cases, regions },
  };
}
