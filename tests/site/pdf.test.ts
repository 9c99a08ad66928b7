/**
 * `npm run pdf` on the built site: each special issue's print view becomes an A4 PDF and a one-sheet A3 PDF whose
 * text holds every article title of the issue, with the running header "第 x / y 页", a QR code and a printed
 * address on page 1 that are the issue's real web address, no headline left at the foot of a page away from its
 * text, and no A4 page near-empty. An issue too long for one A3 sheet is reported, not shrunk below 六号.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { a3OverflowReport, linkPdfs, renderIssuePdfs, type PdfResult } from '../../scripts/pdf.ts';
import { placeholderSiteUrl } from '../../src/lib/site-url.ts';
import { readExpectedContent, type ExpectedCase, type ExpectedIssue } from './site-content.ts';

const dist = inject('distDir');
const squash = (text: string) => text.replace(/\s+/g, '');
const pdftotext = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
/** Text in drawing order: a headline or caption set over several lines of a narrow column stays in one piece. */
const pdftextRaw = (file: string) => execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
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
  a3 = await renderIssuePdfs({ distDir: dist, outDir: out, browser, base: '/', size: 'a3' });
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

  it('sets every issue on exactly one A3 sheet, at 六号 or larger, with every article title', () => {
    expect(a3.map((result) => result.id).sort()).toEqual(issues.map((issue) => issue.id).sort());
    for (const result of a3) {
      const info = pdfinfo(result.file);
      expect(info, result.id).toMatch(/Page size:\s+841\.\d+ x 119[01]\.\d+ pts \(A3\)/);
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1]), `${result.id}: A3 应只有 1 页`).toBe(1);
      expect(result.bodyPt, result.id).toBeGreaterThanOrEqual(7.5);
      expect(result.overflow, result.id).toBe(0);
      const issue = issues.find((candidate) => candidate.id === result.id)!;
      const text = squash(pdftextRaw(result.file));
      for (const id of issue.caseIds) {
        const article = casesById.get(id);
        if (article) expect(text, `${issue.id}: ${article.title}`).toContain(squash(article.title));
      }
    }
    expect(a3OverflowReport(a3)).toEqual([]);
  });

  it('leaves no A4 page with less than a quarter of the median page’s text, nor the address alone', () => {
    for (const result of results) {
      const lengths = Array.from({ length: result.pages }, (_, at) => squash(pdftotext(result.file, at + 1)).length);
      const median = [...lengths].sort((a, b) => a - b)[Math.floor((lengths.length - 1) / 2)]!;
      lengths.forEach((length, at) => expect(length, `${result.id} 第 ${at + 1} 页：${length} 字，中位数 ${median}`).toBeGreaterThanOrEqual(median / 4));
    }
  });

  it('prints the issue’s real web address on page 1 of every PDF', () => {
    for (const result of [...results, ...a3]) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'issues', result.id, 'index.html'), 'utf8'))![1]!;
      expect(new URL(canonical).origin).not.toBe(placeholderSiteUrl);
      expect(squash(pdftotext(result.file, 1)), result.id).toContain(canonical);
    }
  });

  it('does not print the captions of photos not supplied yet', () => {
    const waiting = /<Figure caption="([^"]+)" awaitingPhoto/;
    for (const result of [...results, ...a3]) {
      const issue = issues.find((candidate) => candidate.id === result.id)!;
      const text = squash(pdftextRaw(result.file));
      let captions = 0;
      for (const id of issue.caseIds) {
        const source = readFileSync(join(import.meta.dirname, '../../content/cases', `${id}.mdx`), 'utf8');
        for (const line of source.split('\n')) {
          const caption = waiting.exec(line)?.[1];
          if (!caption) continue;
          captions += 1;
          expect(text, `${result.id}: ${caption}`).not.toContain(squash(caption));
        }
      }
      // The print page itself has no caption left where a photo would be.
      const html = readFileSync(join(dist, 'issues', result.id, 'print', 'index.html'), 'utf8');
      if (captions) expect(html, result.id).not.toContain('awaiting-photo');
    }
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

  it('carries a QR code on page 1 that reads back as the issue’s web address', { timeout: 300_000 }, async () => {
    for (const result of [...results, ...a3]) {
      const canonical = /<link rel="canonical" href="([^"]+)"/.exec(readFileSync(join(dist, 'issues', result.id, 'index.html'), 'utf8'))![1];
      const prefix = join(out, `${result.id}-${result.size}-p1`);
      // The masthead only (the top 100 mm), where the code is: decoding the whole A3 sheet is slow.
      execFileSync('pdftoppm', ['-r', '150', '-png', '-f', '1', '-l', '1', '-x', '0', '-y', '0', '-W', '2500', '-H', '600', '-singlefile', result.file, prefix]);
      const { data, info } = await sharp(`${prefix}.png`).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height);
      expect(code?.data, result.id).toBe(canonical);
    }
  });
});

describe('the issue and case pages after the PDF step', () => {
  let linked: string;
  const read = (path: string) => readFileSync(join(linked, path, 'index.html'), 'utf8');

  beforeAll(() => {
    // The pages linkPdfs edits, copied out of the shared build (the PDFs and pictures are in `out`).
    linked = mkdtempSync(join(tmpdir(), 'laomo-linked-'));
    for (const folder of ['issues', 'cases']) {
      for (const name of readdirSync(join(dist, folder))) {
        const file = join(dist, folder, name, 'index.html');
        if (!existsSync(file)) continue;
        mkdirSync(join(linked, folder, name), { recursive: true });
        cpSync(file, join(linked, folder, name, 'index.html'));
      }
    }
    linkPdfs(linked, [...results, ...a3]);
  });

  afterAll(() => {
    if (linked) rmSync(linked, { recursive: true, force: true });
  });

  it('gives every issue page download links to its A4 and A3 PDF under Chinese file names', () => {
    for (const issue of issues) {
      const html = read(`issues/${issue.id}`);
      expect(html, issue.id).toMatch(new RegExp(`<a class="button button-quiet pdf-link" href="/issues/${issue.id}\\.pdf" type="application/pdf" download="劳模工匠专版-[^"]+-\\d{4}\\.pdf">`));
      expect(html, issue.id).toMatch(new RegExp(`href="/issues/${issue.id}-a3\\.pdf" type="application/pdf" download="劳模工匠专版-[^"]+-A3\\.pdf"`));
    }
  });

  it('shows a picture of PDF page 1 on every issue page, with the picture’s real width and height', async () => {
    for (const issue of issues) {
      const result = results.find((candidate) => candidate.id === issue.id)!;
      expect(result.thumbnail, issue.id).toBeDefined();
      const img = /<a class="pdf-thumb" href="([^"]+)"[^>]*><img src="([^"]+)" width="(\d+)" height="(\d+)"/.exec(read(`issues/${issue.id}`));
      expect(img, issue.id).not.toBeNull();
      const [, href, src, width, height] = img!;
      expect(href).toBe(`/issues/${issue.id}.pdf`);
      expect(src).toBe(`/issues/${issue.id}-page1.webp`);
      const meta = await sharp(join(out, `${issue.id}-page1.webp`)).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([Number(width), Number(height)]);
      // A4 portrait: about √2 taller than wide.
      expect(meta.height! / meta.width!).toBeCloseTo(297 / 210, 1);
    }
  });

  it('adds 下载 PDF (with download and the Chinese name) to the bar at the top of every case of an issue', () => {
    for (const issue of issues) {
      for (const caseId of issue.caseIds.filter((id) => casesById.get(id)?.published)) {
        const html = read(`cases/${caseId}`);
        const bar = /<nav class="issue-bar"[\s\S]*?<\/nav>/.exec(html)!;
        expect(bar[0], caseId).toMatch(new RegExp(`<a class="pdf-link" href="/issues/${issue.id}\\.pdf" type="application/pdf" download="劳模工匠专版-[^"]+\\.pdf">下载 PDF</a>`));
        expect(bar.index, caseId).toBeLessThan(html.indexOf('<p', html.indexOf('<div class="article-body"')));
      }
    }
  });
});

describe('an issue too long for one A3 sheet', () => {
  let longDist: string;
  let longResult: PdfResult;
  const id = 'hen-chang-de-zhuanban';

  beforeAll(async () => {
    // A copy of a built print page with its articles four times over, served with the site's script and styles.
    longDist = mkdtempSync(join(tmpdir(), 'laomo-long-'));
    const source = readFileSync(join(dist, 'issues', issues[0]!.id, 'print', 'index.html'), 'utf8');
    const articles = source.match(/<article class="print-article"[\s\S]*?<\/article>/g)!.join('');
    const long = source.replace(/(<div class="print-articles">)/, `$1${articles.repeat(3)}`);
    mkdirSync(join(longDist, 'issues', id, 'print'), { recursive: true });
    writeFileSync(join(longDist, 'issues', id, 'print', 'index.html'), long);
    writeFileSync(join(longDist, 'index.html'), '<!doctype html><title>x</title>');
    for (const asset of ['print-issue.js', 'favicon.svg', '_astro']) cpSync(join(dist, asset), join(longDist, asset), { recursive: true });
    [longResult] = await renderIssuePdfs({ distDir: longDist, outDir: join(longDist, 'out'), browser, base: '/', size: 'a3', ids: [id] });
  }, 120_000);

  afterAll(() => {
    if (longDist) rmSync(longDist, { recursive: true, force: true });
  });

  it('stays at 六号 (7.5 pt), runs onto a second page and is measured, not shrunk further', () => {
    expect(longResult.bodyPt).toBe(7.5);
    expect(longResult.pages).toBeGreaterThan(1);
    expect(longResult.overflow).toBeGreaterThan(0.5);
  });

  it('makes npm run pdf say so in Chinese, naming the issue and the measured overflow, and fail', () => {
    const result = spawnSync(process.execPath, [join(import.meta.dirname, '../../scripts/pdf.ts'), '--dist', longDist, '--out', join(longDist, 'cli'), '--size', 'a3'], { encoding: 'utf8' });
    expect(result.status, result.stdout + result.stderr).toBe(1);
    expect(result.stderr).toMatch(new RegExp(`专版 ${id}：A3 排不进一张纸，即使正文用最小字号六号（7\\.5 磅）、\\d+ 栏，也超出一版约 \\d+%（实测）`));
  });
});
