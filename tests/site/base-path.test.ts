/**
 * The site served under a sub-path: a second build with BASE_PATH=/laomo/ (and CASES_PER_PAGE=3, so the real
 * content pages through its lists). Every internal link, image and stylesheet must carry the base, canonical URLs,
 * feeds, sitemap and QR codes too; and the PDF step links the issue page to its PDF under the base.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../scripts/lib/chromium.ts';
import { serveStatic, type StaticServer } from '../../scripts/lib/static-server.ts';
import { linkPdfs, renderIssuePdfs } from '../../scripts/pdf.ts';
import { astroCommandEnv } from '../support/child-process.ts';
import { checkLinks, listFiles } from './crawl.ts';
import { projectRoot, readExpectedContent } from './site-content.ts';

const base = '/laomo/';
const site = 'https://laomo.example.org';
let dist: string;
let server: StaticServer;
let browser: Browser;
let expected: Awaited<ReturnType<typeof readExpectedContent>>;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');

beforeAll(async () => {
  expected = await readExpectedContent();
  dist = mkdtempSync(join(tmpdir(), 'laomo-base-'));
  execFileSync(process.execPath, [join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', dist], {
    cwd: projectRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: astroCommandEnv({ NODE_ENV: 'production', BASE_PATH: base, SITE_URL: site, CASES_PER_PAGE: '3' }),
  });
  server = await serveStatic(dist, { base });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dist) rmSync(dist, { recursive: true, force: true });
});

describe(`a build with BASE_PATH=${base}`, () => {
  it('has no internal link, image or stylesheet that misses the base or points nowhere', () => {
    const { pages, problems, checked } = checkLinks(dist, base, site);
    expect(pages.length).toBeGreaterThan(100);
    expect(checked).toBeGreaterThan(pages.length * 5);
    expect(problems).toEqual([]);
    for (const file of listFiles(dist, '.html')) {
      const html = readFileSync(file, 'utf8');
      expect([...html.matchAll(/\s(?:href|src|action)="(\/[^"]*)"/g)].map((m) => m[1]).filter((url) => !url!.startsWith(base)), file).toEqual([]);
    }
  });

  it('pages through lists longer than a page, with working page links', () => {
    const paged = ['regions', 'topics'].flatMap((kind) =>
      readdirSync(join(dist, kind), { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .flatMap((entry) => (existsSync(join(dist, kind, entry.name, '2', 'index.html')) ? [`${kind}/${entry.name}`] : [])),
    );
    if (expected.publishedCases.length > 3) expect(paged.length).toBeGreaterThan(0);
    for (const path of paged) {
      const second = read(`${path}/2/index.html`);
      expect(second).toContain(`<a href="${base}${path}/" rel="prev">上一页</a>`);
      expect(second).toMatch(/<title>[^<]*（第 2 页）/);
      expect(read(`${path}/index.html`)).toContain(`<a href="${base}${path}/2/" rel="next">下一页</a>`);
    }
  });

  it('puts the base into canonical URLs, feeds and the sitemap', () => {
    const id = expected.publishedCases[0]!.id;
    expect(read(`cases/${id}/index.html`)).toContain(`<link rel="canonical" href="${site}${base}cases/${id}/">`);
    const rss = read('rss.xml');
    expect(rss).toContain(`<link>${site}${base}cases/${id}/</link>`);
    const locs = [...read('sitemap-0.xml').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    // Every case, list and region with cases (regions without cases are noindex and left out).
    expect(locs.length).toBeGreaterThan(expected.publishedCases.length + 20);
    for (const loc of locs) expect(read(`${loc.slice(`${site}${base}`.length)}index.html`), loc).not.toContain('<meta name="robots" content="noindex">');
    for (const loc of locs) expect(loc.startsWith(`${site}${base}`), loc).toBe(true);
  });

  it('serves an article and a print view with their styles, and nothing fails to load', async () => {
    const page = await browser.newPage();
    const failed: string[] = [];
    page.on('response', (response) => response.status() >= 400 && failed.push(`${response.status()} ${response.url()}`));
    page.on('requestfailed', (request) => failed.push(request.url()));
    try {
      await page.goto(`${server.url}cases/${expected.publishedCases[0]!.id}/`, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.article-body')!).fontFamily)).toMatch(/^"Noto Serif CJK SC"/);
      await page.goto(`${server.url}issues/${expected.publishedIssues[0]!.id}/print/`, { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => getComputedStyle(document.querySelector('.masthead')!).display)).toBe('grid');
      expect(failed).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('encodes the issue’s address with the base in the QR code', async () => {
    const id = expected.publishedIssues[0]!.id;
    const svg = /<svg role="img"[^>]*class="qr-code"[\s\S]*?<\/svg>/.exec(read(`issues/${id}/print/index.html`))![0];
    const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).resize(400, 400, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data).toBe(`${site}${base}issues/${id}/`);
  });

  it('links the issue page to the PDF that the pdf step renders', async () => {
    const id = expected.publishedIssues[0]!.id;
    expect(read(`issues/${id}/index.html`)).toContain(`<span class="pdf-slot" data-pdf-href="${base}issues/${id}.pdf"></span>`);
    const results = await renderIssuePdfs({ distDir: dist, base, ids: [id], browser });
    linkPdfs(dist, results);
    expect(existsSync(join(dist, 'issues', `${id}.pdf`))).toBe(true);
    expect(read(`issues/${id}/index.html`)).toMatch(new RegExp(`<a class="button button-quiet pdf-link" href="${base}issues/${id}\\.pdf" type="application/pdf"[^>]*>下载 PDF（A4，\\d+ 页，[\\d.]+ [KM]B）</a>`));
    // The page-1 picture and the case pages' 下载 PDF carry the base path too (checkLinks below finds them).
    expect(read(`issues/${id}/index.html`)).toContain(`<img src="${base}issues/${id}-page1.webp"`);
    const firstCase = expected.publishedIssues[0]!.caseIds[0]!;
    expect(read(`cases/${firstCase}/index.html`)).toContain(`<a class="pdf-link" href="${base}issues/${id}.pdf"`);
    const { problems } = checkLinks(dist, base, site);
    expect(problems).toEqual([]);
  });
});
