/**
 * Runs Pagefind (Node API, extended binary) over the site's pages with Chinese forced, then builds the
 * CJK sidecar from the fragments Pagefind wrote. Used by the Astro integration (build and dev) and by
 * the benchmarks, so they all index the same way.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { buildSidecar, type IndexedPage } from '../lib/search/build-sidecar.ts';
import type { FoldTable } from '../lib/search/normalize.ts';
import { sidecarDir } from '../lib/search/sidecar.ts';

export interface IndexInput {
  /** A directory of built HTML (the pages with `data-pagefind-body` are indexed)… */
  dir?: string;
  /** …or pages given in memory (dev: rendered by the dev server). */
  pages?: { url: string; content: string }[];
}

export interface IndexOutput {
  /** Bundle files: path relative to the bundle dir (`pagefind/`) → bytes. */
  files: Map<string, Uint8Array>;
  pageCount: number;
  /** Time spent in Pagefind (adding pages, building its files) and in the sidecar, in ms. */
  pagefindMs: number;
  sidecarMs: number;
}

let fullTable: FoldTable | undefined;

/** Every traditional character OpenCC maps to one simplified character. */
export async function openccFoldTable(): Promise<FoldTable> {
  if (fullTable) return fullTable;
  const { Converter } = await import('opencc-js/t2cn');
  const convert = Converter({ from: 't', to: 'cn' });
  const table: Record<string, string> = {};
  const ranges = [[0x3400, 0x9fff], [0xf900, 0xfaff], [0x20000, 0x2a6df]];
  for (const [from, to] of ranges) {
    let chars = '';
    for (let cp = from; cp <= to; cp++) chars += String.fromCodePoint(cp);
    const converted = [...convert(chars)];
    const original = [...chars];
    if (converted.length !== original.length) {
      for (const char of original) {
        const simple = convert(char);
        if (simple !== char && [...simple].length === 1) table[char] = simple;
      }
    } else {
      original.forEach((char, i) => {
        if (converted[i] !== char) table[char] = converted[i];
      });
    }
  }
  fullTable = table;
  return table;
}

/** Built HTML pages whose markup has `data-pagefind-body`, with their site URLs. */
export async function articlePages(dir: string): Promise<{ url: string; content: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const pages: { url: string; content: string }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const content = await readFile(path, 'utf8');
    if (!content.includes('data-pagefind-body')) continue;
    const relativePath = relative(dir, path).split(sep).join('/');
    pages.push({ url: '/' + relativePath.replace(/(^|\/)index\.html$/, '$1'), content });
  }
  return pages.sort((a, b) => a.url.localeCompare(b.url));
}

export function decodePagefindFile(bytes: Uint8Array): string {
  return gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '');
}

/** Indexes the pages and returns every file of the bundle: Pagefind's and the sidecar's. */
export async function indexSite(input: IndexInput): Promise<IndexOutput> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh' });
  if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
  try {
    const pages = [...(input.pages ?? []), ...(input.dir ? await articlePages(input.dir) : [])];
    for (const page of pages) {
      // Only article bodies: Pagefind would index whole pages if no page had data-pagefind-body.
      if (!page.content.includes('data-pagefind-body')) continue;
      const added = await index.addHTMLFile({ url: page.url, content: page.content });
      if (added.errors.length) throw new Error(`Pagefind ${page.url}: ${added.errors.join('; ')}`);
    }
    const { files: pagefindFiles, errors: fileErrors } = await index.getFiles();
    if (fileErrors.length) throw new Error(`Pagefind: ${fileErrors.join('; ')}`);
    const files = new Map<string, Uint8Array>();
    const indexed: IndexedPage[] = [];
    for (const file of pagefindFiles) {
      const path = file.path.replaceAll('\\', '/');
      files.set(path, file.content);
      const fragment = /^fragment\/(.+)\.pf_fragment$/.exec(path);
      if (fragment) {
        const data = JSON.parse(decodePagefindFile(file.content));
        indexed.push({ hash: fragment[1], url: data.url, content: data.content, meta: data.meta ?? {}, filters: data.filters ?? {} });
      }
    }
    const pagefindMs = performance.now() - started;
    for (const [path, text] of buildSidecar(indexed, { fold: await openccFoldTable() })) files.set(`${sidecarDir}/${path}`, Buffer.from(text));
    return { files, pageCount: indexed.length, pagefindMs, sidecarMs: performance.now() - started - pagefindMs };
  } finally {
    await index.deleteIndex();
  }
}

export async function writeBundle(files: Map<string, Uint8Array>, bundleDir: string): Promise<number> {
  let bytes = 0;
  const dirs = new Set<string>();
  for (const path of files.keys()) dirs.add(dirname(join(bundleDir, path)));
  await Promise.all([...dirs].map((dir) => mkdir(dir, { recursive: true })));
  const entries = [...files];
  for (let i = 0; i < entries.length; i += 256) {
    await Promise.all(
      entries.slice(i, i + 256).map(([path, content]) => {
        bytes += content.length;
        return writeFile(join(bundleDir, path), content);
      }),
    );
  }
  return bytes;
}

export const closePagefind = () => pagefind.close();
