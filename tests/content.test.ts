/** The real collections: they pass the content check, and the five pages are all there as issues and cases. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/content-check/check-content.ts';
import type { ContentSources } from '../src/lib/content-check/check-content.ts';
import { readRawEntries, type RawEntry } from '../src/lib/content-check/raw-entries.ts';

const root = resolve(import.meta.dirname, '..');
const sourcePages = readdirSync(resolve(root, 'content/sources')).filter((name) => name.endsWith('.txt')).sort();

let sources: ContentSources;
let cases: RawEntry[];
let issues: RawEntry[];
let regionIds: Set<string>;

beforeAll(async () => {
  const entries = await readRawEntries(root);
  ({ sources, cases, issues } = entries);
  regionIds = new Set(entries.regions.map((region) => region.id));
});

describe('the real content', () => {
  it('has no problem that blocks publishing', () => {
    const errors = checkContent(sources).filter((problem) => problem.severity === 'error');
    expect(errors).toEqual([]);
  });

  it('has one special issue per source page, each listing the cases made from that page', () => {
    expect(issues.map((issue) => issue.data.source.file).sort()).toEqual(sourcePages);
    for (const issue of issues) {
      const fromPage = cases.filter((entry) => entry.data.source.file === issue.data.source.file).map((entry) => entry.id);
      expect([...issue.data.cases].sort()).toEqual(fromPage.sort());
    }
  });

  it('puts every case in exactly one issue', () => {
    for (const entry of cases) {
      expect(issues.filter((issue) => issue.data.cases.includes(entry.id)).map((issue) => issue.id)).toHaveLength(1);
    }
  });

  it('gives every case an organisation and a region of the province', () => {
    for (const entry of cases) {
      expect(entry.data.organisation, entry.id).toMatch(/\S/);
      expect(regionIds.has(entry.data.region), `${entry.id}: ${entry.data.region}`).toBe(true);
    }
  });

  it('explains every inferred date, and never claims more precision than a month', () => {
    for (const entry of [...cases, ...issues]) {
      expect(entry.data.dateNote, entry.id).toMatch(/推断/);
      expect(['month', 'year']).toContain(entry.data.datePrecision);
    }
  });

  it('marks every headline the editors had to write', () => {
    const written = cases.filter((entry) => entry.data.titleNote);
    expect(written.length).toBeGreaterThan(0);
    for (const entry of written) expect(entry.data.titleNote).toMatch(/编辑/);
  });
});
