/**
 * Runs queries in headless Chromium against a built site served on 127.0.0.1 and scores them against
 * the ground truth. Used by the site test (tests/site/search-quality.test.ts), `npm run
 * bench:search-quality` and `npm run bench:search`.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, gunzipSync } from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pagesContaining, pagesLeading, type TruthPage } from './truth.ts';
import type { NearMissQuery, QualityQuery } from './queries.ts';

export interface RunResult {
  /** Result URLs in order (all of them). */
  urls: string[];
  /** URLs of the first page of results as displayed. */
  shown: string[];
  /** The second list, pages containing part of the query (shown when there are few exact results). */
  near: string[];
  ms: number;
}

export interface QueryScore {
  q: string;
  kind: string;
  expected: number;
  returned: number;
  found: number;
  recall: number;
  precision: number;
  /** Every page containing the string ranks before every page that does not. */
  exactFirst: boolean;
  /** Pages with the string in title or lead; null when there is none. */
  leading: number;
  top1: boolean | null;
  top3: boolean | null;
  ms: number;
}

/** Bytes of a bundle's fragment files → url, keyed by page hash. */
function fragmentUrls(bundle: string): Map<string, string> {
  const dir = join(bundle, 'fragment');
  const urls = new Map<string, string>();
  for (const name of readdirSync(dir)) {
    const text = gunzipSync(readFileSync(join(dir, name))).toString('utf8').replace(/^pagefind_dcd/, '');
    urls.set(name.replace(/\.pf_fragment$/, ''), JSON.parse(text).url);
  }
  return urls;
}

/** Sidecar page number → URL. */
export function sidecarPageUrls(bundle: string): string[] {
  const byHash = fragmentUrls(bundle);
  const blocks = readdirSync(join(bundle, 'cjk/p')).map((name) => Number(name.replace('.json', ''))).sort((a, b) => a - b);
  return blocks.flatMap((block) => (JSON.parse(readFileSync(join(bundle, 'cjk/p', `${block}.json`), 'utf8')) as string[]).map((hash) => byHash.get(hash)!));
}

export const pagefindHashUrls = fragmentUrls;

export function scoreQuery(query: QualityQuery, result: RunResult, truth: TruthPage[]): QueryScore {
  const lookFor = query.simplified ?? query.q;
  const expected = new Set(pagesContaining(truth, lookFor).map((page) => page.url));
  const leading = new Set(pagesLeading(truth, lookFor).map((page) => page.url));
  const found = result.urls.filter((url) => expected.has(url)).length;
  const firstMiss = result.urls.findIndex((url) => !expected.has(url));
  const lastHit = result.urls.findLastIndex((url) => expected.has(url));
  return {
    q: query.q,
    kind: query.kind,
    expected: expected.size,
    returned: result.urls.length,
    found,
    recall: expected.size ? found / expected.size : result.urls.length === 0 ? 1 : 0,
    precision: result.urls.length ? found / result.urls.length : expected.size === 0 ? 1 : 0,
    exactFirst: firstMiss === -1 || lastHit < firstMiss,
    leading: leading.size,
    top1: leading.size ? leading.has(result.urls[0]) : null,
    top3: leading.size ? result.urls.slice(0, 3).some((url) => leading.has(url)) : null,
    ms: result.ms,
  };
}

export interface NearMissScore {
  q: string;
  why: string;
  /** Exact results (the query as typed). */
  exact: number;
  /** Pages that print the intended text. */
  intended: number;
  /** Length of the near-miss list. */
  listed: number;
  /** Intended pages in the near-miss list. */
  found: number;
  /** 1-based position of the first intended page in the near-miss list; null if none is there. */
  firstAt: number | null;
}

export function scoreNearMiss(query: NearMissQuery, result: RunResult, truth: TruthPage[]): NearMissScore {
  const intended = new Set(pagesContaining(truth, query.intended).map((page) => page.url));
  const at = result.near.findIndex((url) => intended.has(url));
  return {
    q: query.q,
    why: query.why,
    exact: result.urls.length,
    intended: intended.size,
    listed: result.near.length,
    found: result.near.filter((url) => intended.has(url)).length,
    firstAt: at === -1 ? null : at + 1,
  };
}

export function summarise(scores: QueryScore[]) {
  const withLeading = scores.filter((score) => score.top1 !== null);
  const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : 1);
  const expectedTotal = scores.reduce((n, s) => n + s.expected, 0);
  const foundTotal = scores.reduce((n, s) => n + s.found, 0);
  return {
    queries: scores.length,
    recallAll: expectedTotal ? foundTotal / expectedTotal : 1,
    queriesWithFullRecall: scores.filter((s) => s.recall === 1).length,
    meanPrecision: mean(scores.map((s) => s.precision)),
    exactFirst: scores.filter((s) => s.exactFirst).length,
    top1: mean(withLeading.map((s) => (s.top1 ? 1 : 0))),
    top3: mean(withLeading.map((s) => (s.top3 ? 1 : 0))),
    withLeading: withLeading.length,
  };
}

/** Compressed size of what the browser fetched: Pagefind's files are gzip already, the rest is gzipped here. */
export interface Payload {
  requests: number;
  bytes: number;
  byKind: Record<string, number>;
}

export function trackPayload(page: Page, include: (url: string) => boolean) {
  const payload: Payload = { requests: 0, bytes: 0, byKind: {} };
  const pending: Promise<void>[] = [];
  page.on('response', (response) => {
    const url = response.url();
    if (!include(url)) return;
    pending.push(
      response.body().then(
        (body) => {
          const gz = /\.(pf_\w+|pagefind)$/.test(new URL(url).pathname) ? body.length : gzipSync(body, { level: 6 }).length;
          const kind = new URL(url).pathname.match(/\.(\w+)$/)?.[1] ?? 'other';
          payload.requests++;
          payload.bytes += gz;
          payload.byKind[kind] = (payload.byKind[kind] ?? 0) + gz;
        },
        () => undefined,
      ),
    );
  });
  return { payload, settle: () => Promise.all(pending) };
}

/** The search code and index only: not the page's own HTML, CSS or favicon. */
export const isSearchRequest = (url: string) => {
  const path = new URL(url).pathname;
  return /\.(m?js|wasm|json|pf_\w+|pagefind)$/.test(path);
};

export type Engine = 'sidecar' | 'pagefind';

/** Opens the search page of a served site and waits until its search hook is ready. */
export async function openSearch(context: BrowserContext, pageUrl: string, engine: Engine): Promise<Page> {
  const page = await context.newPage();
  await page.goto(pageUrl, { waitUntil: 'load' });
  await page.waitForFunction(engine === 'sidecar' ? 'typeof window.__laomoSearch === "function"' : 'typeof window.__pagefindSearch === "function"');
  return page;
}

export async function runInPage(page: Page, engine: Engine, q: string, pageUrls: string[] | Map<string, string>): Promise<RunResult> {
  if (engine === 'sidecar') {
    const out = await page.evaluate((query) => window.__laomoSearch!(query), q);
    const urls = out.pages.map((n: number) => (pageUrls as string[])[n]);
    return { urls, shown: out.shown, near: out.near.map((n: number) => (pageUrls as string[])[n]), ms: out.ms };
  }
  const out = await page.evaluate(
    (query) => (window as unknown as { __pagefindSearch: (q: string) => Promise<{ ids: string[]; shown: string[]; ms: number }> }).__pagefindSearch(query),
    q,
  );
  return { urls: out.ids.map((id) => (pageUrls as Map<string, string>).get(id) ?? id), shown: out.shown, near: [], ms: out.ms };
}

/** A search page for plain Pagefind (defaults): the bundle's own JS API, `<html lang="zh-CN">`. */
export function plainPagefindPage(bundlePath: string) {
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Pagefind defaults</title></head><body>
<script type="module">
const pagefind = await import(${JSON.stringify(bundlePath + 'pagefind.js')});
await pagefind.init();
window.__pagefindSearch = async (q) => {
  const started = performance.now();
  const search = await pagefind.search(q);
  const shown = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  return { ids: search.results.map((r) => r.id), shown: shown.map((d) => d.url), ms: performance.now() - started };
};
</script></body></html>`;
}

export interface ColdWarm {
  q: string;
  coldBytes: number;
  coldRequests: number;
  coldByKind: Record<string, number>;
  coldMs: number;
  warmMs: number;
  result: RunResult;
}

/**
 * For each query: a fresh browser context (empty cache) opens the search page, runs the query (cold;
 * the payload counts every search request since the page opened), then runs it again `warmRuns` times
 * (warm: median time).
 */
export async function coldAndWarm(browser: Browser, pageUrl: string, engine: Engine, queries: string[], pageUrls: string[] | Map<string, string>, warmRuns = 5): Promise<ColdWarm[]> {
  const out: ColdWarm[] = [];
  for (const q of queries) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const { payload, settle } = trackPayload(page, isSearchRequest);
    await page.goto(pageUrl, { waitUntil: 'load' });
    await page.waitForFunction(engine === 'sidecar' ? 'typeof window.__laomoSearch === "function"' : 'typeof window.__pagefindSearch === "function"');
    const cold = await runInPage(page, engine, q, pageUrls);
    await settle();
    const warm: number[] = [];
    for (let i = 0; i < warmRuns; i++) warm.push((await runInPage(page, engine, q, pageUrls)).ms);
    warm.sort((a, b) => a - b);
    out.push({ q, coldBytes: payload.bytes, coldRequests: payload.requests, coldByKind: payload.byKind, coldMs: cold.ms, warmMs: warm[Math.floor(warm.length / 2)], result: cold });
    await context.close();
  }
  return out;
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

export const bundleExists = (dist: string) => existsSync(join(dist, 'pagefind', 'cjk', 'meta.json'));
