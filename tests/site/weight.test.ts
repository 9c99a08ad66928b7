import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { readExpectedContent, type ExpectedCase } from './site-content.ts';

const dist = inject('distDir');
const budget = 30 * 1024;
let cases: ExpectedCase[] = [];
beforeAll(async () => {
  cases = (await readExpectedContent()).publishedCases;
});

/** HTML plus every stylesheet it links, each gzip-compressed (level 9) as a server would send them. */
function articleWeight(id: string) {
  const html = readFileSync(join(dist, 'cases', id, 'index.html'), 'utf8');
  const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((m) => m[1]!);
  const gz = (text: string | Buffer) => gzipSync(text, { level: 9 }).length;
  const cssBytes = stylesheets.reduce((sum, path) => sum + gz(readFileSync(join(dist, path))), 0);
  return { html, htmlBytes: gz(html), cssBytes, total: gz(html) + cssBytes };
}

describe('article pages', () => {
  it('ship no JavaScript at all', () => {
    expect(cases.length).toBeGreaterThan(0);
    for (const entry of cases) {
      const { html } = articleWeight(entry.id);
      expect(html, entry.id).not.toMatch(/<script\b/i);
      expect(html, entry.id).not.toMatch(/modulepreload|\.m?js["']/);
      expect(html, entry.id).not.toMatch(/\son[a-z]+="/i);
    }
  });

  it(`stay under ${budget / 1024} KB of compressed HTML and CSS each`, () => {
    const weights = cases.map((entry) => ({ id: entry.id, ...articleWeight(entry.id) }));
    const heaviest = weights.sort((a, b) => b.total - a.total)[0]!;
    console.log(`[weight] heaviest article ${heaviest.id}: HTML ${heaviest.htmlBytes} B + CSS ${heaviest.cssBytes} B gzip = ${(heaviest.total / 1024).toFixed(1)} KB`);
    for (const weight of weights) expect(weight.total, weight.id).toBeLessThan(budget);
  });
});
