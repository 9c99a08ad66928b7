/**
 * The `data-pagefind-*` attribute values of a case page: metadata (region, date, published, issue;
 * Pagefind takes the title from the <h1> and the image from the first <img>), filters (type, city,
 * county, topic, year, issue) and the date sort. One Pagefind 1.6 attribute holds one key, so each value
 * sits on its own existing element of the page (see src/pages/cases/[id].astro). The benchmark corpus
 * renders the same values. Issue pages (专版) are indexed too, as their own result type
 * (`issueSearchAttributes`, src/pages/issues/[id]/index.astro).
 */
import { formatChineseDate } from '../dates.ts';
import type { DatePrecision } from '../../schemas/dates.ts';
import { issueFilterAttribute } from './issue-filter.ts';

export interface RegionStep {
  name: string;
  kind: 'province' | 'city' | 'district' | 'county-city' | 'county';
}

export interface CaseSearchData {
  /** Province → city → county, as far as the case's region goes. */
  trail: RegionStep[];
  date: Date;
  datePrecision?: DatePrecision;
}

/** The `type` filter: what kind of page a result is. Issue results carry it as metadata too, for their label. */
export const resultTypes = { case: '文章', issue: '专版' } as const;

export interface CaseSearchAttributes {
  /** On <article data-pagefind-body>. */
  article: { sort: string; filter: string; meta: string };
  /** On the article's <header>. */
  header: { filter?: string; meta: string };
  /** On the byline/date paragraph. */
  byline: { filter?: string; meta: string };
  /** On the article body. */
  body: { filter: string };
}

const countyKinds = new Set(['district', 'county-city', 'county']);

export function caseSearchAttributes({ trail, date, datePrecision = 'day' }: CaseSearchData): CaseSearchAttributes {
  const iso = date.toISOString().slice(0, 10);
  const city = trail.find((step) => step.kind === 'city');
  const county = trail.find((step) => countyKinds.has(step.kind));
  const regionLabel = trail.filter((step) => step.kind !== 'province').map((step) => step.name).join(' · ') || trail[0]?.name || '';
  return {
    article: { sort: `date:${iso}`, filter: `year:${iso.slice(0, 4)}`, meta: `published:${iso}` },
    header: { filter: city ? `city:${city.name}` : undefined, meta: `region:${regionLabel}` },
    byline: { filter: county ? `county:${county.name}` : undefined, meta: `date:${formatChineseDate(date, datePrecision)}` },
    body: { filter: `type:${resultTypes.case}` },
  };
}

export interface IssueSearchData {
  id: string;
  title: string;
  date: Date;
  datePrecision?: DatePrecision;
}

export interface IssueSearchAttributes {
  /** On <article data-pagefind-body>: the type filter and label, the date sort. */
  article: { sort: string; filter: string; meta: string };
  /** On the masthead <header>. */
  header: { filter: string; meta: string };
  /** On the list of the issue's articles: the issue filter, keyed by id as on its articles, and the date shown. */
  contents: { filter: string; meta: string };
}

export function issueSearchAttributes({ id, date, datePrecision = 'day' }: IssueSearchData): IssueSearchAttributes {
  const iso = date.toISOString().slice(0, 10);
  return {
    article: { sort: `date:${iso}`, filter: `type:${resultTypes.issue}`, meta: `type:${resultTypes.issue}` },
    header: { filter: `year:${iso.slice(0, 4)}`, meta: `published:${iso}` },
    contents: { filter: issueFilterAttribute(id), meta: `date:${formatChineseDate(date, datePrecision)}` },
  };
}
