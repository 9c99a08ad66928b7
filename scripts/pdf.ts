/**
 * `npm run pdf`: renders the A4 print view of every special issue in dist/ to dist/issues/<id>.pdf with headless
 * Chromium (Debian's chromium, driven by playwright-core) and links each issue page to its PDF.
 *
 *   npm run pdf                      render all issues of dist/ (fails, saying what to install, without Chromium)
 *   npm run pdf -- --if-available    the step `npm run build` runs: without Chromium, print the hint and exit 0
 *   npm run pdf -- --dist DIR --out DIR --size a3 --no-link
 *
 * Serves dist/ on 127.0.0.1 only and blocks every other request. BASE_PATH must match the build's.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser } from 'playwright-core';
import { findChromium, installHint, launchChromium } from './lib/chromium.ts';
import { serveStatic } from './lib/static-server.ts';
import { formatBytes, insertPdfLink } from './lib/pdf-link.ts';

export interface PdfResult {
  id: string;
  file: string;
  bytes: number;
  pages: number;
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
      const url = `${server.url}issues/${id}/print/${size === 'a3' ? 'a3/' : ''}`;
      const response = await page.goto(url, { waitUntil: 'load' });
      if (!response?.ok()) throw new Error(`${url} 返回 ${response?.status()}`);
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const file = join(outDir, size === 'a3' ? `${id}-a3.pdf` : `${id}.pdf`);
      const pdf = await page.pdf({ path: file, preferCSSPageSize: true, printBackground: true, tagged: true, outline: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      results.push({ id, file, bytes: pdf.length, pages });
    }
    await context.close();
    if (refused.length) throw new Error(`打印页请求了本机以外的地址：\n${refused.join('\n')}`);
  } finally {
    if (!options.browser) await browser.close();
    await server.close();
  }
  return results;
}

/** Fills the PDF link into each rendered issue's page. */
export function linkPdfs(distDir: string, results: readonly PdfResult[]): void {
  for (const result of results) {
    const page = join(distDir, 'issues', result.id, 'index.html');
    if (!existsSync(page)) continue;
    writeFileSync(page, insertPdfLink(readFileSync(page, 'utf8'), result.bytes, result.pages));
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      dist: { type: 'string', default: 'dist' },
      out: { type: 'string' },
      size: { type: 'string', default: 'a4' },
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
  const size = values.size === 'a3' ? 'a3' : 'a4';
  const started = Date.now();
  const results = await renderIssuePdfs({ distDir, outDir: values.out && resolve(values.out), size });
  if (!values['no-link'] && !values.out && size === 'a4') linkPdfs(distDir, results);
  for (const result of results) console.log(`  ${result.file}  ${result.pages} 页  ${formatBytes(result.bytes)}`);
  console.log(`专版 PDF：${results.length} 份，用时 ${((Date.now() - started) / 1000).toFixed(1)} 秒。`);
}

if (import.meta.main) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
