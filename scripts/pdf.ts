/**
 * `npm run pdf`: renders the print view of every special issue in dist/ with headless Chromium (Debian's chromium,
 * driven by playwright-core) to dist/issues/<id>.pdf (A4) and dist/issues/<id>-a3.pdf (one A3 sheet), and links
 * each issue page to its PDFs. The print page fits the type itself (src/pages/print-issue.js.ts); an issue that
 * does not fit one A3 sheet even at 六号 is reported with the measured overflow, and the command fails.
 *
 *   npm run pdf                      render all issues of dist/ (fails, saying what to install, without Chromium)
 *   npm run pdf -- --if-available    the step `npm run build` runs: without Chromium, print the hint and exit 0;
 *                                    an A3 overflow is reported but does not fail the build
 *   npm run pdf -- --dist DIR --out DIR --size a4|a3|both --no-link
 *
 * Serves dist/ on 127.0.0.1 only and blocks every other request. BASE_PATH must match the build's.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { findChromium, installHint, launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { formatBytes, insertCasePdfLinks, insertPdfLinks, insertThumbnail, type ThumbnailInfo } from './lib/pdf-link.ts';
import { renderThumbnail } from './lib/pdf-thumbnail.ts';

export interface PdfResult {
  id: string;
  size: 'a4' | 'a3';
  file: string;
  bytes: number;
  pages: number;
  /** The type the print page chose: body size in pt and column count. */
  bodyPt: number;
  columns: number;
  /** `bands`: each headline across the page over its own columns; `flow`: all articles through one set of columns. */
  layout: 'bands' | 'flow';
  /** A3: how much taller than one sheet the issue is at the smallest size (fraction of the page; 0 = fits). */
  overflow: number;
  /** The Chinese file name a download of this PDF gets. */
  downloadName: string;
  /** A4: the picture of page 1 written next to the PDF (absent when it could not be made). */
  thumbnail?: { file: string; width: number; height: number };
}

export interface RenderOptions {
  distDir: string;
  /** Where the PDFs go; default `<distDir>/issues`. */
  outDir?: string;
  /** The site's base path, e.g. `/laomo/`; default from BASE_PATH. */
  base?: string;
  size?: 'a4' | 'a3';
  /** Only these issue ids. */
  ids?: string[];
  browser?: Browser;
}

/** Issue ids that have a print view in a build. */
export function printableIssues(distDir: string): string[] {
  const issuesDir = join(distDir, 'issues');
  if (!existsSync(issuesDir)) return [];
  return readdirSync(issuesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(issuesDir, entry.name, 'print', 'index.html')))
    .map((entry) => entry.name)
    .sort();
}

const normaliseBase = (base: string) => `/${base.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');

export async function renderIssuePdfs(options: RenderOptions): Promise<PdfResult[]> {
  const distDir = resolve(options.distDir);
  const outDir = options.outDir ?? join(distDir, 'issues');
  const base = normaliseBase(options.base ?? process.env.BASE_PATH ?? '/');
  const size = options.size ?? 'a4';
  const ids = options.ids ?? printableIssues(distDir);
  mkdirSync(outDir, { recursive: true });
  const server = await serveStatic(distDir, { base });
  const browser = options.browser ?? (await launchChromium());
  const results: PdfResult[] = [];
  try {
    const context = await browser.newContext();
    // Loopback only: anything else (a font CDN, an analytics beacon) is refused, and reported.
    const refused: string[] = [];
    await context.route('**/*', (route) => {
      const { hostname } = new URL(route.request().url());
      if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
      refused.push(route.request().url());
      return route.abort();
    });
    const page = await context.newPage();
    for (const id of ids) {
      const url = `${server.url}issues/${id}/print/${size === 'a3' ? '?size=a3' : ''}`;
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`${url} 返回 ${response?.status()}`);
      // The print script fits the type once the fonts are in; wait for its verdict.
      await page.waitForFunction(() => document.documentElement.dataset.fit === 'done', undefined, { timeout: 60_000 });
      const fit = await page.evaluate(() => ({ ...document.documentElement.dataset }));
      const file = join(outDir, size === 'a3' ? `${id}-a3.pdf` : `${id}.pdf`);
      const pdf = await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      const thumbnail = size === 'a4' ? await renderThumbnail(file, join(outDir, `${id}-page1.webp`), page) : undefined;
      results.push({
        id,
        size,
        file,
        thumbnail,
        bytes: pdf.length,
        pages,
        bodyPt: Number(fit.fitSize),
        columns: Number(fit.fitColumns),
        layout: fit.fitLayout === 'flow' ? 'flow' : 'bands',
        overflow: Number(fit.fitOverflow) || 0,
        downloadName: (size === 'a3' ? fit.pdfNameA3 : fit.pdfNameA4) ?? `${id}.pdf`,
      });
    }
    await context.close();
    if (refused.length) throw new Error(`打印页请求了本机以外的地址：\n${refused.join('\n')}`);
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  return results;
}

/**
 * Fills the PDF links (A4, and the A3 sheet when rendered) and the page-1 picture into each rendered issue's page,
 * and the “下载 PDF” link into the bar at the top of every case page of an issue whose A4 PDF was rendered.
 */
export function linkPdfs(distDir: string, results: readonly PdfResult[]): void {
  for (const id of new Set(results.map((result) => result.id))) {
    const page = join(distDir, 'issues', id, 'index.html');
    if (!existsSync(page)) continue;
    const rendered = results.filter((result) => result.id === id);
    const pdfs = rendered.map(({ size, bytes, pages, downloadName }) => ({ size, bytes, pages, downloadName }));
    let html = insertPdfLinks(readFileSync(page, 'utf8'), pdfs);
    const thumbnail = rendered.find((result) => result.thumbnail)?.thumbnail;
    if (thumbnail) {
      const info: ThumbnailInfo = { fileName: basename(thumbnail.file), width: thumbnail.width, height: thumbnail.height };
      html = insertThumbnail(html, info);
    }
    writeFileSync(page, html);
  }
  const a4Names = new Map(results.filter((result) => result.size === 'a4').map((result) => [result.id, result.downloadName]));
  if (!a4Names.size) return;
  const casesDir = join(distDir, 'cases');
  if (!existsSync(casesDir)) return;
  for (const entry of readdirSync(casesDir, { withFileTypes: true })) {
    const page = join(casesDir, entry.name, 'index.html');
    if (!entry.isDirectory() || !existsSync(page)) continue;
    const html = readFileSync(page, 'utf8');
    if (!html.includes('data-case-pdf-href=')) continue;
    const linked = insertCasePdfLinks(html, a4Names);
    if (linked !== html) writeFileSync(page, linked);
  }
}

/** Issues whose A3 PDF is more than one sheet, in Chinese, with the measured figures. */
export function a3OverflowReport(results: readonly PdfResult[]): string[] {
  return results
    .filter((result) => result.size === 'a3' && (result.pages > 1 || result.overflow > 0))
    .map((result) => {
      const by = result.overflow > 0 ? `约 ${Math.ceil(result.overflow * 100)}%（实测）` : '（实测：排版后仍有第 2 页）';
      const size = result.bodyPt <= 7.5 ? `即使正文用最小字号六号（${result.bodyPt} 磅）、${result.columns} 栏，也` : `正文 ${result.bodyPt} 磅、${result.columns} 栏时`;
      return `专版 ${result.id}：A3 排不进一张纸，${size}超出一版${by}，A3 PDF 共 ${result.pages} 页。请删减文字，或把文章分到两期专版。`;
    });
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      size: { type: 'string', default: 'both' },
      'if-available': { type: 'boolean', default: false },
      'no-link': { type: 'boolean', default: false },
    },
  });
  const distDir = resolve(values.dist!);
  if (!findChromium()) {
    const message = `未生成专版 PDF：找不到 Chromium。${installHint} 网站本身已构建完成，专版页面只是不显示 PDF 下载链接。`;
    console.error(message);
    process.exit(values['if-available'] ? 0 : 1);
  }
  if (!existsSync(join(distDir, 'index.html'))) {
    console.error(`${distDir} 里没有构建好的网站：请先运行 npm run build（或 npx astro build）。`);
    process.exit(1);
  }
  if (!['a4', 'a3', 'both'].includes(values.size!)) {
    console.error(`--size 只能是 a4、a3 或 both（默认 both），不是 “${values.size}”。`);
    process.exit(1);
  }
  const sizes = values.size === 'both' ? (['a4', 'a3'] as const) : [values.size as 'a4' | 'a3'];
  const started = Date.now();
  const outDir = values.out && resolve(values.out);
  const browser = await launchChromium();
  const results: PdfResult[] = [];
  try {
    for (const size of sizes) results.push(...(await renderIssuePdfs({ distDir, outDir, size, browser })));
  } finally {
    await browser.close();
  }
  if (!values['no-link'] && !values.out) linkPdfs(distDir, results);
  for (const result of results) {
    const layout = result.layout === 'flow' ? '，标题在栏内' : '';
    console.log(`  ${result.file}  ${result.size.toUpperCase()} ${result.pages} 页  正文 ${result.bodyPt} 磅 ${result.columns} 栏${layout}  ${formatBytes(result.bytes)}`);
  }
  console.log(`专版 PDF：${results.length} 份，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
  const overflows = a3OverflowReport(results);
  if (overflows.length) {
    console.error(`\n${overflows.join('\n')}`);
    if (!values['if-available']) process.exit(1);
  }
}

if (import.meta.main) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
