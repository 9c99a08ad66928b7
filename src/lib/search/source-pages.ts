/**
 * The dev server's search pages, made from the content sources without rendering: each case and issue page's
 * record (URL, text, meta, filters) as Pagefind would take it from the built page. The data goes through the
 * site's own schemas (src/schemas/) and site index (src/lib/site-index.ts), the attributes through
 * page-data.ts and issue-filter.ts, the MDX through Sätteri with the site's features, so the records follow the
 * pages; the text trees below mirror the indexed parts of src/pages/cases/[id].astro and
 * src/pages/issues/[id]/index.astro (the parts marked `data-pagefind-ignore` there are left out here too).
 * tests/site/search-source-pages.test.ts compares them with the built site's fragments for the real content.
 */
import { z } from 'astro/zod';
import { mdxToHast } from 'satteri';
import { caseSchema } from '../../schemas/case.ts';
import { issueSchema } from '../../schemas/issue.ts';
import { regionSchema } from '../../schemas/region.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { parseMdxSource, parseYamlSource } from '../content-check/parse-source.ts';
import { globEntryId } from '../content-check/entry-id.ts';
import { formatChineseDate } from '../dates.ts';
import { gapMark } from '../gap.ts';
import { issueNumberLabel, seriesPlaceLabel } from '../issue-numbers.ts';
import { satteriFeatures } from '../markdown-features.ts';
import { buildSiteIndex } from '../site-index.ts';
import type { IndexedPage } from './build-sidecar.ts';
import { issueFilterAttribute } from './issue-filter.ts';
import { caseSearchAttributes, issueSearchAttributes, type RegionStep } from './page-data.ts';
import { el, hastToTextNode, pagefindText, type ComponentText, type HastLike, type TextNode } from './page-text.ts';

/** A reference as the pages see it after Astro's `reference()`: `{ id }`. */
const idRef = () => z.string().min(1).transform((id) => ({ id }));
const caseData = caseSchema(idRef);
const issueData = issueSchema(idRef);
const regionEntry = regionSchema.extend({ id: z.string().min(1) });
const topicEntry = topicSchema.extend({ id: z.string().min(1) });

export type SourceCaseData = z.output<typeof caseData>;
export type SourceIssueData = z.output<typeof issueData>;

export interface SourceCase {
  id: string;
  data: SourceCaseData;
  /** The body's text as Pagefind collects it (before the article's own spacing). */
  bodyText: string;
}
export interface SourceIssue {
  id: string;
  data: SourceIssueData;
}
export interface SourceRegion {
  id: string;
  data: z.output<typeof regionSchema>;
}
export interface SourceTopic {
  id: string;
  data: z.output<typeof topicSchema>;
}

/** The site's components as text: what src/components/Figure.astro and Gap.astro put on the page. */
const components: ComponentText = {
  Figure: (attributes) => {
    const caption = typeof attributes.caption === 'string' ? attributes.caption : '';
    return attributes.src ? el('figure', el('figcaption', caption)) : el('p', el('span', '原版配图：'), caption);
  },
  Gap: (attributes) => el('span', gapMark(typeof attributes.note === 'string' ? attributes.note : undefined)),
};

/** The text of an MDX body as Pagefind collects it from the rendered article body. Throws on an MDX syntax error. */
export function mdxBodyText(body: string): string {
  const tree = mdxToHast(body, { features: satteriFeatures, position: false }) as HastLike;
  // The collected text, not yet collapsed: it goes inside the article's body element (see casePageTree).
  return ` ${pagefindText(hastToTextNode(tree, components))} `;
}

/** A case from its file, as the `cases` collection holds it; undefined when its data or MDX would not load. */
export function parseCaseSource(relativePath: string, text: string): SourceCase | undefined {
  const parsed = parseMdxSource(text);
  const data = caseData.safeParse(parsed.data);
  if (!data.success) return undefined;
  let bodyText: string;
  try {
    bodyText = mdxBodyText(parsed.body ?? '');
  } catch {
    return undefined;
  }
  return { id: globEntryId(relativePath, parsed.data), data: data.data, bodyText };
}

export function parseIssueSource(relativePath: string, text: string): SourceIssue | undefined {
  const parsed = parseYamlSource(text);
  const data = issueData.safeParse(parsed.data);
  return data.success ? { id: globEntryId(relativePath, parsed.data), data: data.data } : undefined;
}

/** The entries of regions.json or topics.yaml that pass their schema. */
export function parseRegions(text: string): SourceRegion[] {
  const list = parseYamlSource(text).data;
  return (Array.isArray(list) ? list : []).flatMap((item) => {
    const parsed = regionEntry.safeParse(item);
    return parsed.success ? [{ id: parsed.data.id, data: parsed.data }] : [];
  });
}
export function parseTopics(text: string): SourceTopic[] {
  const list = parseYamlSource(text).data;
  return (Array.isArray(list) ? list : []).flatMap((item) => {
    const parsed = topicEntry.safeParse(item);
    return parsed.success ? [{ id: parsed.data.id, data: parsed.data }] : [];
  });
}

export function sourceSiteIndex(input: { cases: readonly SourceCase[]; issues: readonly SourceIssue[]; regions: readonly SourceRegion[]; topics: readonly SourceTopic[] }) {
  return buildSiteIndex(input);
}
export type SourceSiteIndex = ReturnType<typeof sourceSiteIndex>;

/** The fragment name of a dev page (served as `fragment/<hash>.pf_fragment`). */
export const devFragmentHash = (url: string) => `dev_${Buffer.from(url).toString('hex')}`;

/** Pagefind's normalize_content for filter values: whitespace collapsed, trimmed. */
const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function addPair(into: Record<string, string>, pair: string): void;
function addPair(into: Record<string, string[]>, pair: string, filter: true): void;
function addPair(into: Record<string, string | string[]>, pair: string, filter?: true) {
  const at = pair.indexOf(':');
  const key = pair.slice(0, at);
  const value = pair.slice(at + 1);
  if (filter) ((into[key] ??= []) as string[]).push(collapse(value));
  else into[key] = value;
}

const headline = (data: { kicker?: string; title: string; subtitle?: string }): TextNode[] => [
  data.kicker && el('p', data.kicker),
  el('h1', data.title),
  data.subtitle && el('p', data.subtitle),
];
const editorNote = (note?: string) => note && el('aside', el('p', el('strong', '编者按：'), note));

/** The search record of a case page (src/pages/cases/[id].astro). */
export function caseSearchPage(entry: SourceCase, site: SourceSiteIndex): IndexedPage {
  const { data } = entry;
  const url = `/cases/${entry.id}/`;
  const trail: RegionStep[] = site.trail(data.region.id).map((region) => ({ name: region.data.name, kind: region.data.kind }));
  const search = caseSearchAttributes({ trail, date: data.date, datePrecision: data.datePrecision });
  const appearances = site.issuesContaining(entry.id);
  const topicNames = new Map(site.topics.map((topic) => [topic.id, topic.data.name]));
  const tree = el(
    'article',
    el(
      'header',
      ...headline(data),
      data.titleNote && el('p', `（${data.titleNote}）`),
      el('p', el('span', data.organisation), data.byline && el('span', data.byline), el('span', el('time', formatChineseDate(data.date, data.datePrecision)))),
    ),
    editorNote(data.editorNote),
    el('div', entry.bodyText),
  );
  const meta: Record<string, string> = { title: collapse(data.title) };
  for (const pair of [search.article.meta, search.header.meta, search.byline.meta]) addPair(meta, pair);
  // One `issue` meta per appearance: Pagefind keeps the last one on the page.
  const last = appearances.at(-1);
  if (last) meta.issue = `《${last.issue.data.title}》`;
  const filters: Record<string, string[]> = {};
  for (const pair of [search.article.filter, search.header.filter, search.byline.filter, search.body.filter]) if (pair) addPair(filters, pair, true);
  for (const topic of data.topics) addPair(filters, `topic:${topicNames.get(topic.id) ?? topic.id}`, true);
  for (const { issue } of appearances) addPair(filters, issueFilterAttribute(issue.id), true);
  return { hash: devFragmentHash(url), url, content: pagefindText(tree), meta, filters };
}

/** The search record of an issue page (src/pages/issues/[id]/index.astro). */
export function issueSearchPage(issue: SourceIssue, site: SourceSiteIndex): IndexedPage {
  const { data } = issue;
  const url = `/issues/${issue.id}/`;
  const numbering = site.issueNumbering(issue.id)!;
  const search = issueSearchAttributes({ id: issue.id, title: data.title, date: data.date, datePrecision: data.datePrecision });
  const tree = el(
    'article',
    el(
      'header',
      el('p', el('strong', issueNumberLabel(numbering.number)), numbering.series && el('span', seriesPlaceLabel(numbering.series), data.series?.part && ` · ${data.series.part}`)),
      ...headline(data),
    ),
    editorNote(data.editorNote),
    el('ol', ...site.casesOfIssue(issue).map(({ data: item }) => el('li', item.kicker && el('p', item.kicker), el('h3', el('a', item.title)), item.subtitle && el('p', item.subtitle)))),
  );
  const meta: Record<string, string> = { title: collapse(data.title) };
  for (const pair of [search.article.meta, search.header.meta, search.contents.meta]) addPair(meta, pair);
  const filters: Record<string, string[]> = {};
  for (const pair of [search.article.filter, search.header.filter, search.contents.filter]) addPair(filters, pair, true);
  return { hash: devFragmentHash(url), url, content: pagefindText(tree), meta, filters };
}
