/**
 * `npm run pdf` on the built site: each special issue's print view becomes a PDF whose text holds every article
 * title of the issue, with the running header "第 x / y 页", on A4 (A3 on request), a QR code that reads back
 * as the issue's web address, and no headline left at the foot of a page away from its text.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { renderIssuePdfs, type PdfResult } from '../../scripts/pdf.ts';
import { readExpectedContent, type ExpectedCase, type ExpectedIssue } from './site-content.ts';

const dist = inject('distDir');
const squash = (text: string) => text.replace(/\s+/g, '');
const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const pdfinfo = (file: string) => execFileSync('pdfinfo', [file], { encoding: 'utf8' });

let browser: Browser;
let out: string;
let results: PdfResult[] = [];
let a3: PdfResult[] = [];
let issues: ExpectedIssue[] = [];
let casesById = new Map<string, ExpectedCase>();

beforeAll(async () => {
  const expected = await readExpectedContent();
  issues = expected.publishedIssues;
  casesById = new Map(expected.publishedCases.map((entry) => [entry.id, entry]));
  out = mkdtempSync(join(tmpdir(), 'laomo-pdf-'));
  browser = await launchChromium();
  results = await renderIssuePdfs({ distDir: dist, outDir: out, browser, base: '/' });
  a3 = await renderIssuePdfs({ distDir: dist, outDir: out, browser, base: '/', size: 'a3', ids: [issues[0]!.id] });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('special issue PDFs', () => {
  it('renders one PDF per published special issue', () => {
    expect(issues.length).toBeGreaterThan(0);
    expect(results.map((result) => result.id).sort()).toEqual(issues.map((issue) => issue.id).sort());
  });

  it('holds the issue title and every article title of the issue in its text', () => {
    for (const result of results) {
      const issue = issues.find((candidate) => candidate.id === result.id)!;
      const text = squash(pdftotext(result.file));
      expect(text, issue.id).toContain(squash(issue.title));
      const articles = issue.caseIds.flatMap((id) => casesById.get(id) ?? []);
      expect(articles.length, issue.id).toBeGreaterThan(0);
      for (const article of articles) expect(text, `${issue.id}: ${article.title}`).toContain(squash(article.title));
    }
  });

  it('is A4 portrait with a running header “第 x / y 页” on every page', () => {
    for (const result of results) {
      const info = pdfinfo(result.file);
      expect(info).toMatch(/Page size:\s+59[45]\.\d+ x 84[12]\.\d+ pts \(A4\)/);
      const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
      expect(pages).toBe(result.pages);
      for (let page = 1; page <= pages; page += 1) expect(squash(pdftotext(result.file, page)), `${result.id} p${page}`).toContain(`第${page}/${pages}页`);
    }
  });

  it('renders A3 on request', () => {
    expect(pdfinfo(a3[0]!.file)).toMatch(/Page size:\s+841\.\d+ x 119[01]\.\d+ pts \(A3\)/);
    expect(squash(pdftotext(a3[0]!.file))).toContain(squash(issues[0]!.title));
  });

  it('never leaves an article headline on a page without the start of its text', () => {
    for (const result of results) {
      const issue = issues.find((candidate) => candidate.id === result.id)!;
      const pages = Array.from({ length: result.pages }, (_, at) => squash(pdftotext(result.file, at + 1)));
      const printHtml = readFileSync(join(dist, 'issues', issue.id, 'print', 'index.html'), 'utf8');
      for (const id of issue.caseIds) {
        const article = casesById.get(id);
        if (!article) continue;
        const section = new RegExp(`<article class="print-article" id="${id}">([\\s\\S]*?)</article>`).exec(printHtml)![1]!;
        const firstParagraph = /<div class="print-body">[\s\S]*?<p>([\s\S]*?)<\/p>/.exec(section)?.[1]?.replace(/<[^>]+>/g, '');
        if (!firstParagraph) continue;
        const title = squash(article.title);
        const opening = squash(firstParagraph).slice(0, 8); // pdftotext may interleave the columns after that
        const titlePage = pages.findIndex((text) => text.includes(title));
        expect(titlePage, `${issue.id}: ${article.title}`).toBeGreaterThanOrEqual(0);
        const text = pages[titlePage]!;
        expect(text.indexOf(opening, text.indexOf(title)), `${issue.id}: 《${article.title}》的正文开头应与标题同页`).toBeGreaterThan(0);
      }
    }
  });

  it('carries a QR code on page 1 that reads back as the issue’s web address', async () => {
    for (const result of results) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'issues', result.id, 'index.html'), 'utf8'))![1];
      const prefix = join(out, `${result.id}-p1`);
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-singlefile', result.file, prefix]);
      const { data, info } = await sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
      expect(code?.data, result.id).toBe(canonical);
    }
  });
});
