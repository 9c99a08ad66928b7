/**
 * The published content is faithful to the five newspaper pages: every character printed on a page is in
 * the content made from it (case files and the issue file, after the editor's pass), unless the importer's
 * report lists it as a removed duplicate or layout artefact, or it is one of the few printing errors the
 * editors corrected (listed below, each with its reason).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importPage } from '../src/lib/import/pipeline.ts';
import { normalizeForCompare } from '../src/lib/import/text-shape.ts';

const root = resolve(import.meta.dirname, '..');
const pagesDir = resolve(root, 'content/sources');
const pages = readdirSync(pagesDir).filter((name) => name.endsWith('.txt')).sort();

/** Printing errors corrected by hand in the content: the printed text, what replaced it, and why. */
const corrections: { page: string; printed: string; corrected: string; reason: string }[] = [
  { page: '002_69488e3d78d208d3.txt', printed: '諧', corrected: '谐', reason: '简体文本中混入的繁体字（和諧 → 和谐）' },
];

function contentMadeFrom(page: string): string {
  const files = [
    ...readdirSync(join(root, 'content/cases')).map((name) => join(root, 'content/cases', name)),
    ...readdirSync(join(root, 'content/issues')).map((name) => join(root, 'content/issues', name)),
  ];
  return files
    .map((file) => readFileSync(file, 'utf8'))
    .filter((text) => text.includes(`file: "${page}"`) || text.includes(`file: ${page}`))
    .join('\n');
}

function countChars(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const char of normalizeForCompare(text)) counts.set(char, (counts.get(char) ?? 0) + 1);
  return counts;
}

describe('content made from the source pages', () => {
  it('covers all five pages', () => {
    expect(pages).toHaveLength(5);
    for (const page of pages) expect(contentMadeFrom(page).length).toBeGreaterThan(0);
  });

  for (const page of pages) {
    it(`keeps every printed character of ${page}`, () => {
      const printed = readFileSync(join(pagesDir, page), 'utf8');
      const { report } = importPage(printed, 'utf-8', { fileName: page });
      const needed = countChars(printed);
      const take = (text: string) => {
        for (const char of normalizeForCompare(text)) needed.set(char, (needed.get(char) ?? 0) - 1);
      };
      report.removals.forEach((removal) => take(removal.text));
      corrections.filter((c) => c.page === page).forEach((c) => take(c.printed));

      const available = countChars(contentMadeFrom(page));
      const missing = [...needed].filter(([char, count]) => count > (available.get(char) ?? 0)).map(([char, count]) => `${char}×${count - (available.get(char) ?? 0)}`);
      expect(missing).toEqual([]);
    });
  }

  it('applies each listed correction', () => {
    for (const { page, printed, corrected } of corrections) {
      const content = contentMadeFrom(page);
      expect(content).toContain(corrected);
      expect(content).not.toContain(printed);
    }
  });
});
