/**
 * The dev server's search records, made from the content sources (src/lib/search/source-pages.ts), against what
 * Pagefind took from the built pages, for the real content: the same pages, URLs, titles, meta (region, date,
 * issue, type 专版), filters (type, city, county, topic, year, issue by id) and text. So `npm run dev` searches
 * as the built site does. Pagefind's segmentation marks (U+200B) are left out of the comparison, as the sidecar
 * and the search page leave them out; the `image` meta (the optimised photo's address, not shown in results)
 * only exists in the build.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { decodePagefindFile } from '../../src/integrations/pagefind-index.ts';
import { readContentSources } from '../../src/lib/content-check/read-sources.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { caseSearchPage, issueSearchPage, parseCaseSource, parseIssueSource, parseRegions, parseTopics, sourceSiteIndex } from '../../src/lib/search/source-pages.ts';
import { projectRoot } from './site-content.ts';

const fragmentDir = join(inject('distDir'), 'pagefind/fragment');

interface Record {
  url: string;
  content: string;
  meta: { [key: string]: string };
  filters: { [key: string]: string[] };
}

const comparable = ({ url, content, meta, filters }: Record) => {
  const { image: _image, image_alt: _alt, ...shown } = meta;
  return {
    url,
    content: content.replace(/\u200b/g, '').replace(/\s+/g, ' ').trim(),
    meta: shown,
    filters: Object.fromEntries(Object.entries(filters).map(([key, values]) => [key, [...new Set(values)].sort()])),
  };
};

describe('dev search records from the sources', () => {
  it('are the built pages’ records, for every published case and issue', async () => {
    const built = readdirSync(fragmentDir).map((name) => comparable(JSON.parse(decodePagefindFile(readFileSync(join(fragmentDir, name))))));
    const sources = await readContentSources(projectRoot);
    const published = { includeUnpublished: false };
    const cases = sources.cases.flatMap((file) => parseCaseSource(file.relativePath!, file.text) ?? []).filter((entry) => isPublished(entry.data, published));
    const issues = sources.issues.flatMap((file) => parseIssueSource(file.relativePath!, file.text) ?? []).filter((issue) => isPublished(issue.data, published));
    const site = sourceSiteIndex({ cases, issues, regions: parseRegions(sources.regions.text), topics: parseTopics(sources.topics.text) });
    const fromSources = [...site.cases.map((entry) => caseSearchPage(entry, site)), ...site.issues.map((issue) => issueSearchPage(issue, site))].map(comparable);
    const byUrl = (a: { url: string }, b: { url: string }) => a.url.localeCompare(b.url);
    expect(fromSources.length).toBeGreaterThan(20);
    expect(fromSources.some((page) => page.meta.type === '专版')).toBe(true);
    expect(fromSources.sort(byUrl)).toEqual(built.sort(byUrl));
  });
});
