/** Data of the print view of a special issue (one page for A4 and A3) and of its old A3 address. */
import type { CaseEntry, IssueEntry, RegionEntry } from '../data/content.ts';
import { getSiteIndex } from '../data/site-index.ts';
import { buildPageKey } from '../data/page-keys.ts';
import { formatChineseDate } from '../lib/dates.ts';
import { issueNumberLabel, seriesPlaceLabel } from '../lib/issue-numbers.ts';
import { issuePdfDownloadName } from '../lib/pdf-name.ts';
import { urls } from '../lib/urls.ts';

export interface PrintProps {
  issue: IssueEntry;
  cases: CaseEntry[];
  regions: Map<string, RegionEntry>;
  /** 第 n 期 and, in a series, “全省各市劳模协会工作交流 · 第 2 篇”. */
  numbering: { number: string; seriesPlace?: string };
}

export async function printStaticPaths() {
  const site = await getSiteIndex();
  return site.issues.map((issue) => {
    const numbering = site.issueNumbering(issue.id)!;
    const props: PrintProps = {
      issue,
      cases: site.casesOfIssue(issue),
      regions: site.regionById,
      numbering: { number: issueNumberLabel(numbering.number), seriesPlace: numbering.series && seriesPlaceLabel(numbering.series) },
    };
    // The print pages render from these props only: unchanged props (and code) let the next build copy them.
    return { params: { id: issue.id }, props, cacheKey: buildPageKey(props) };
  });
}

export function printIssueProps({ issue, cases, regions, numbering }: PrintProps, site: URL | undefined) {
  const webUrl = new URL(urls.issue(issue.id), site).href;
  const { data } = issue;
  const head = ['劳模工匠专版', numbering.number, data.series?.part ?? data.series?.name, data.title].filter(Boolean).join(' · ');
  // Every page carries the issue's web address, so a single sheet or page leads back to the site.
  const foot = `浙江省劳动模范协会 · ${data.source.publication} · ${formatChineseDate(data.date, data.datePrecision)} · ${webUrl}`;
  const pdfNames = { a4: issuePdfDownloadName(data, 'a4'), a3: issuePdfDownloadName(data, 'a3') };
  return {
    layout: { title: data.title, issueId: issue.id, runningHead: head, runningFoot: foot, pdfNames },
    issue: { issue, cases, regions, numbering },
  };
}
