import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readRawEntries, type RawEntry } from '../../src/lib/content-check/raw-entries.ts';
import { unpublishedReason } from '../../src/lib/publishing.ts';

const root = resolve(import.meta.dirname, '../..');
const dist = inject('distDir');
const page = (path: string) => readFileSync(join(dist, path, 'index.html'), 'utf8');
const builtDirs = (path: string) =>
  existsSync(join(dist, path)) ? readdirSync(join(dist, path), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name) : [];

let cases: RawEntry[] = [];
let issues: RawEntry[] = [];
let regions: { id: string; kind: string; parent?: string }[] = [];

const published = (entry: RawEntry) =>
  unpublishedReason({ draft: entry.data.draft as boolean | undefined, date: new Date(entry.data.date as string) }) === null;

beforeAll(async () => {
  ({ cases, issues, regions } = await readRawEntries(root));
});

describe('the built site', () => {
  it('has exactly one page per published case, and none for drafts', () => {
    const expected = cases.filter(published).map((entry) => entry.id).sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(builtDirs('cases').sort()).toEqual(expected);
  });

  it('has a page per published special issue', () => {
    const expected = issues.filter(published).map((entry) => entry.id).sort();
    expect(builtDirs('issues').filter((name) => name !== 'print').sort()).toEqual(expected);
  });

  it('keys the search filter 专版 by issue id and gives the search page the titles to show', () => {
    const issue = issues.find((entry) => published(entry) && (entry.data.cases as string[]).some((id) => cases.some((c) => c.id === id && published(c))))!;
    const caseId = (issue.data.cases as string[]).find((id) => cases.some((c) => c.id === id && published(c)))!;
    expect(page(`cases/${caseId}`)).toContain(`data-pagefind-filter="issue:${issue.id}"`);
    const labels = /data-filter="issue" data-labels="([^"]*)"/.exec(page('search'))?.[1];
    expect(JSON.parse(labels!.replaceAll('&quot;', '"').replaceAll('&amp;', '&'))[issue.id]).toBe(`《${issue.data.title}》`);
  });

  it('has a page for every city and every county, with or without cases', () => {
    const cities = regions.filter((region) => region.kind === 'city');
    expect(cities).toHaveLength(11);
    expect(builtDirs('regions').sort()).toEqual(cities.map((city) => city.id).sort());
    const counties = regions.filter((region) => cities.some((city) => city.id === region.parent));
    expect(counties).toHaveLength(90);
    for (const county of counties) expect(existsSync(join(dist, 'regions', county.parent!, county.id, 'index.html'))).toBe(true);
  });

  it('declares Simplified Chinese on every page', () => {
    for (const path of ['', 'issues', 'regions', 'topics', `cases/${cases.filter(published)[0].id}`]) {
      expect(page(path)).toMatch(/<html lang="zh-CN"/);
    }
    expect(readFileSync(join(dist, '404.html'), 'utf8')).toContain('页面未找到');
  });

  it('renders each case with its headline and body text', () => {
    for (const entry of cases.filter(published)) {
      const html = page(`cases/${entry.id}`);
      expect(html).toContain(`<h1>${String(entry.data.title).replaceAll('&', '&amp;')}</h1>`);
    }
  });

  it('renders GFM tables and footnotes with a Chinese label (Sätteri)', () => {
    const html = page('about');
    expect(html).toMatch(/<table>[\s\S]*<th>栏目<\/th>/);
    expect(html).toMatch(/<h2[^>]*>注释<\/h2>/);
    // Smart punctuation is off: the Chinese quotes are kept as written.
    expect(html).toContain('“劳模工匠”专版');
  });
});
