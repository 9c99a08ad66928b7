/**
 * The search index of `astro dev`, kept in memory and brought up to date after each save: the case and issue
 * pages' records are made from the content sources (./source-pages.ts, drafts included, as everywhere in dev),
 * no page is rendered and Pagefind is not run (the search page only reads the sidecar and one fragment per
 * result). Between refreshes it keeps each file's text and parse, each page's terms and the sidecar itself
 * (./dev-sidecar.ts), so a save costs one file read, one parse and the grams of the pages that changed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { contentPaths } from '../content-paths.ts';
import type { FoldTable } from './normalize.ts';
import { createPageTerms, sidecarOrder, type IndexedPage, type PageTerms } from './build-sidecar.ts';
import { createDevSidecar } from './dev-sidecar.ts';
import { sidecarDir } from './sidecar.ts';
import {
  caseSearchPage,
  issueSearchPage,
  parseCaseSource,
  parseIssueSource,
  parseRegions,
  parseTopics,
  sourceSiteIndex,
  type SourceCase,
  type SourceIssue,
} from './source-pages.ts';

export interface DevBundle {
  /** Sidecar files, by path relative to the bundle dir (`cjk/meta.json` …); a file not made again is the same string. */
  files: Map<string, string>;
  /** Pages by fragment hash (served as `fragment/<hash>.pf_fragment`); an unchanged page is the same object as before. */
  pages: Map<string, IndexedPage>;
  /** What the refresh did, for the log. */
  summary: string;
}

interface Cached<T> {
  text: string;
  parsed: T;
}

interface KnownTerms {
  page: IndexedPage;
  /** Its meta and filters as JSON, to tell whether anything but the text changed. */
  details: string;
  terms: PageTerms;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** CPU time of this thread (the worker's own, not the dev server's), in ms. */
const threadCpuMs = () => {
  const { user, system } = process.threadCpuUsage?.() ?? process.cpuUsage();
  return (user + system) / 1000;
};

/** Files under `dir` (relative to root, `/`-separated) ending in `extension`. */
async function listCollection(root: string, dir: string, extension: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(extension))
    .map((entry) => toPosix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

export function createDevSearchIndex({ root, fold }: { root: string; fold: FoldTable }) {
  const sources = new Map<string, Cached<unknown>>();
  /** Files saved since the last refresh (root-relative); `all` before the first one. */
  let dirty: Set<string> | 'all' = 'all';
  const termsOf = createPageTerms({ fold });
  const knownTerms = new Map<string, KnownTerms>();
  const sidecar = createDevSidecar({ fold });
  let caseRecords = new WeakMap<SourceCase, KnownTerms>();
  let sharedInputs: unknown[] = [];

  /** The collections' files as last listed; listed again only after a file was added or removed. */
  let listing: { cases: string[]; issues: string[] } | undefined;

  /** Marks a saved, added or removed file; returns whether it is one the index reads. */
  function touch(absolutePath: string): boolean {
    const path = toPosix(relative(root, absolutePath));
    if (!path.startsWith('content/')) return false;
    if (dirty !== 'all') dirty.add(path);
    // Not a file the index has read: added, or a folder.
    if (!sources.has(path)) listing = undefined;
    return true;
  }

  /** The file's parse, read again only when it was saved since (or never read). */
  async function source<T>(path: string, parse: (text: string) => T, saved: Set<string> | 'all', counts: { read: number }): Promise<T | undefined> {
    const cached = sources.get(path) as Cached<T> | undefined;
    if (cached && saved !== 'all' && !saved.has(path)) return cached.parsed;
    const text = await readFile(join(root, path), 'utf8').catch(() => undefined);
    if (text === undefined) {
      // Removed: list the folders again next time.
      if (sources.delete(path)) listing = undefined;
      return undefined;
    }
    counts.read += 1;
    if (cached?.text === text) return cached.parsed;
    const parsed = parse(text);
    sources.set(path, { text, parsed });
    return parsed;
  }

  async function refresh(): Promise<DevBundle> {
    const saved = dirty;
    dirty = new Set();
    try {
      return await update(saved);
    } catch (error) {
      // Read everything again next time: the files saved before this refresh may not have been taken in.
      dirty = 'all';
      throw error;
    }
  }

  async function update(saved: Set<string> | 'all'): Promise<DevBundle> {
    const started = performance.now();
    const cpuBefore = threadCpuMs();
    const counts = { read: 0 };
    if (!listing || saved === 'all') {
      const [cases, issues] = await Promise.all([listCollection(root, contentPaths.cases, '.mdx'), listCollection(root, contentPaths.issues, '.yaml')]);
      listing = { cases, issues };
      const listed = new Set([...cases, ...issues, toPosix(join(contentPaths.regions)), toPosix(join(contentPaths.topics))]);
      for (const path of sources.keys()) if (!listed.has(path)) sources.delete(path);
    }
    const { cases: casePaths, issues: issuePaths } = listing;
    const within = (dir: string, path: string) => path.slice(toPosix(join(dir)).length + 1);
    const [regions, topics, cases, issues] = await Promise.all([
      source(toPosix(join(contentPaths.regions)), parseRegions, saved, counts),
      source(toPosix(join(contentPaths.topics)), parseTopics, saved, counts),
      Promise.all(casePaths.map((path) => source(path, (text) => parseCaseSource(within(contentPaths.cases, path), text), saved, counts))),
      Promise.all(issuePaths.map((path) => source(path, (text) => parseIssueSource(within(contentPaths.issues, path), text), saved, counts))),
    ]);
    const read = performance.now();

    const site = sourceSiteIndex({
      cases: cases.filter((entry): entry is SourceCase => entry !== undefined),
      issues: issues.filter((entry): entry is SourceIssue => entry !== undefined),
      regions: regions ?? [],
      topics: topics ?? [],
    });
    // A case page's record follows from its own file and from the regions, topics and issues (trail, topic names,
    // the issue it is in): while those are the same parses as last time, an unchanged case keeps its record.
    const shared = [regions, topics, ...issues];
    if (shared.length !== sharedInputs.length || shared.some((input, i) => input !== sharedInputs[i])) caseRecords = new WeakMap();
    sharedInputs = shared;
    let regrammed = 0;
    const nextTerms = new Map<string, KnownTerms>();
    const take = (page: IndexedPage): KnownTerms => {
      const known = knownTerms.get(page.url);
      const details = JSON.stringify([page.meta, page.filters]);
      let next: KnownTerms;
      if (known && known.page.meta.title === page.meta.title && known.page.content === page.content) {
        // Same text: the same grams (so the sidecar leaves the page alone); the same page if nothing else changed.
        next = known.details === details ? known : { page, details, terms: { ...known.terms, filters: page.filters } };
      } else {
        next = { page, details, terms: termsOf(page) };
        regrammed += 1;
      }
      nextTerms.set(page.url, next);
      return next;
    };
    const pages: IndexedPage[] = [];
    for (const entry of site.cases) {
      let record = caseRecords.get(entry);
      if (record) nextTerms.set(record.page.url, record);
      else caseRecords.set(entry, (record = take(caseSearchPage(entry, site))));
      pages.push(record.page);
    }
    // Issue pages list their articles' headlines: made again each time (a few dozen).
    for (const issue of site.issues) pages.push(take(issueSearchPage(issue, site)).page);
    knownTerms.clear();
    for (const [url, known] of nextTerms) knownTerms.set(url, known);
    const ordered = sidecarOrder(pages);
    const updated = sidecar.update(ordered.map((page) => knownTerms.get(page.url)!.terms));
    const files = new Map<string, string>();
    for (const [path, text] of sidecar.files()) files.set(`${sidecarDir}/${path}`, text);
    const done = performance.now();

    const ms = (from: number, to: number) => (to - from).toFixed(0);
    const how = updated === 'remade' ? '侧车整体重建' : `侧车原地更新 ${updated} 页`;
    const summary =
      `搜索索引：${site.cases.length} 篇文章、${site.issues.length} 个专版，用时 ${ms(started, done)} ms，本线程 CPU ${(threadCpuMs() - cpuBefore).toFixed(0)} ms` +
      `（读取 ${counts.read} 个文件 ${ms(started, read)} ms；重算 ${regrammed} 页的词元、${how} ${ms(read, done)} ms）`;
    return { files, pages: new Map(ordered.map((page) => [page.hash, page])), summary };
  }

  return { touch, refresh };
}
