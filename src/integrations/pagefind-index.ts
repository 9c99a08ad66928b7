/**
 * Runs Pagefind (extended binary) over the site's pages, then builds the CJK sidecar from the fragments Pagefind
 * wrote. Used by the Astro integration (build), scripts/search-index.ts
 * and the benchmarks, so they all index the same way (`astro dev` indexes the sources: src/lib/search/dev-index.ts).
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { arch } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { gunzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { buildSidecar, createSidecarBuilder, sidecarOrder, type IndexedPage } from '../lib/search/build-sidecar.ts';
import type { FoldTable } from '../lib/search/normalize.ts';
import { sidecarDir } from '../lib/search/sidecar.ts';

export interface IndexInput {
  /** A directory of built HTML (the pages with `data-pagefind-body` are indexed)… */
  dir?: string;
  /** …or pages given in memory. */
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

/**
 * The language Pagefind is told the pages are in: `und` (undetermined), so it neither segments nor stems. The
 * search page searches with the sidecar, which needs from Pagefind only each page's text, metadata and filters
 * (the fragments); Pagefind's own word index is not used. Told `zh`, Pagefind segmented every page with jieba for
 * that unused index — about four fifths of its CPU (7.2 s against 1.3 s at 1,000 articles) — and put U+200B
 * between the words of the fragment text, which the sidecar drops again: the sidecar is the same either way.
 */
export const pagefindLanguage = 'und';

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

/** Every built HTML file with its site URL, sorted by URL. */
export async function articlePageFiles(dir: string): Promise<{ url: string; path: string }[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files: { url: string; path: string }[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const path = join(entry.parentPath, entry.name);
    const relativePath = relative(dir, path).split(sep).join('/');
    files.push({ url: '/' + relativePath.replace(/(^|\/)index\.html$/, '$1'), path });
  }
  return files.sort((a, b) => a.url.localeCompare(b.url));
}

/** Built HTML pages whose markup has `data-pagefind-body`, with their site URLs. */
export async function articlePages(dir: string): Promise<{ url: string; content: string }[]> {
  const pages: { url: string; content: string }[] = [];
  for (const { url, path } of await articlePageFiles(dir)) {
    const content = await readFile(path, 'utf8');
    if (content.includes('data-pagefind-body')) pages.push({ url, content });
  }
  return pages;
}

export function decodePagefindFile(bytes: Uint8Array): string {
  return gunzipSync(bytes).toString('utf8').replace(/^pagefind_dcd/, '');
}

/** Indexes the pages and returns every file of the bundle: Pagefind's and the sidecar's. */
export async function indexSite(input: IndexInput): Promise<IndexOutput> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: pagefindLanguage });
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

/** Set (to "1") by scripts/build.ts for `astro build`: the search index is built by a later step
 * (scripts/search-index.ts), after Astro's process has exited, so the integration skips it. */
export const searchIndexStepEnv = 'LAOMO_SEARCH_INDEX_LATER';

/** The line both the integration and scripts/search-index.ts log (npm run bench:build reads its time). */
export function searchIndexSummary(result: { pageCount: number; fileCount: number; bytes: number; pagefindMs: number; sidecarMs: number }, ms: number): string {
  const { pageCount, fileCount, bytes, pagefindMs, sidecarMs } = result;
  return `Pagefind + CJK sidecar: ${pageCount} pages, ${fileCount} files, ${(bytes / 1024).toFixed(0)} KB in ${ms.toFixed(0)} ms (Pagefind ${pagefindMs.toFixed(0)} ms, sidecar ${sidecarMs.toFixed(0)} ms)`;
}

const fragmentPattern = /^(.+)\.pf_fragment$/;

async function readFragment(fragmentDir: string, hash: string): Promise<IndexedPage> {
  const data = JSON.parse(decodePagefindFile(await readFile(join(fragmentDir, `${hash}.pf_fragment`))));
  return { hash, url: data.url, content: data.content, meta: data.meta ?? {}, filters: data.filters ?? {} };
}

/** The Pagefind binary the npm package would run (the extended one): its
 * `PAGEFIND_EXTENDED_BINARY_PATH` override, else `@pagefind/<platform>-<cpu>/bin/pagefind_extended`. */
export function pagefindBinary(): string {
  const override = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
  if (override) return override;
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const name = `@pagefind/${platform}-${process.env.npm_config_arch || arch()}/bin/pagefind_extended${platform === 'windows' ? '.exe' : ''}`;
  try {
    return createRequire(import.meta.url).resolve(name);
  } catch {
    throw new Error(`找不到 Pagefind 的程序 ${name}：请在项目目录运行 npm install（或设 PAGEFIND_EXTENDED_BINARY_PATH）`);
  }
}

/**
 * Pagefind's `--glob` for the pages with `data-pagefind-body`: one pattern per kind of page, the page's own folder
 * replaced by a star (one for the case pages, one for the issue pages), so Pagefind parses those and not the list,
 * print and redirect pages it would read only to skip (about a fifth of its CPU at 1,000 cases). Undefined
 * when no page has `data-pagefind-body`.
 */
export async function bodyPagesGlob(outDir: string): Promise<string | undefined> {
  const patterns = new Set<string>();
  for (const { path } of await articlePageFiles(outDir)) {
    const segments = relative(outDir, path).split(sep);
    if (segments.length >= 2) segments[segments.length - 2] = '*';
    const pattern = segments.join('/');
    // Once one page of a kind is in, the others of that kind change nothing: not read.
    if (patterns.has(pattern)) continue;
    if ((await readFile(path, 'utf8')).includes('data-pagefind-body')) patterns.add(pattern);
  }
  if (patterns.size === 0) return undefined;
  return patterns.size === 1 ? [...patterns][0] : `{${[...patterns].sort().join(',')}}`;
}

/**
 * Pagefind over a built folder, the way its CLI does it (`pagefind --site`), which is what the Node API's
 * addDirectory runs too: the binary reads the HTML files itself (the pages with `data-pagefind-body`, found by
 * bodyPagesGlob) and writes the bundle. Cheaper than handing pages over the Node API one message at a time
 * (measured at 1,000 cases: about 2 s less CPU, half the wall time), same fragments; only the order of pages
 * inside Pagefind's own index files differs, which nothing here reads. With no such page, an empty bundle
 * (the search page still loads), as the Node API writes it.
 */
export async function runPagefind(outDir: string, bundleDir: string): Promise<void> {
  if (!(await stat(outDir).catch(() => undefined))?.isDirectory()) throw new Error(`Pagefind：没有构建好的网站文件夹 ${outDir}`);
  const glob = await bodyPagesGlob(outDir);
  if (!glob) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: pagefindLanguage });
    if (!index) throw new Error(`Pagefind: ${errors.join('; ')}`);
    try {
      const written = await index.writeFiles({ outputPath: bundleDir });
      if (written.errors.length) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    return;
  }
  const args = ['--site', outDir, '--output-path', bundleDir, '--glob', glob, '--force-language', pagefindLanguage, '--quiet'];
  await new Promise<void>((resolvePromise, reject) => {
    // cwd is the built folder: the CLI would also read a pagefind.yml/.toml from its working directory.
    const child = spawn(pagefindBinary(), args, { cwd: outDir, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', (error) => reject(new Error(`Pagefind 无法运行（${pagefindBinary()}）：${error.message}`)));
    child.on('close', (code) => {
      if (code === 0 && !/\bError\b/.test(output)) resolvePromise();
      else reject(new Error(`Pagefind 退出码 ${code}：${output.trim().slice(-2000)}`));
    });
  });
}

/**
 * The build's index, in bounded memory: Pagefind reads the built pages from disk and writes its bundle to disk
 * itself (runPagefind: Node never holds the HTML or Pagefind's files), its process has ended, and only then is
 * the sidecar built from Pagefind's fragments, each read and decoded once (their text only, not the HTML);
 * each sidecar file is written as it is made. Same fragments and sidecar as indexSite + writeBundle.
 */
export async function indexBuiltSite(outDir: string, bundleDir: string): Promise<Omit<IndexOutput, 'files'> & { fileCount: number; bytes: number }> {
  const started = performance.now();
  await runPagefind(outDir, bundleDir);
  const pagefindMs = performance.now() - started;

  // Each fragment is read and decoded once; the pages' text is held until it is added (about 6 KB a page, some
  // 60 MB at 10,000 articles; the postings are the large part, and Pagefind's process has ended).
  const fragmentDir = join(bundleDir, 'fragment');
  const pages: IndexedPage[] = [];
  for (const name of await readdir(fragmentDir).catch(() => [] as string[])) {
    const hash = fragmentPattern.exec(name)?.[1];
    if (hash) pages.push(await readFragment(fragmentDir, hash));
  }
  const builder = createSidecarBuilder({ fold: await openccFoldTable() });
  for (const page of sidecarOrder(pages)) builder.addPage(page);
  let bytes = 0;
  let fileCount = 0;
  for (const [path, text] of builder.files()) {
    const target = join(bundleDir, sidecarDir, path);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, text);
    bytes += Buffer.byteLength(text);
    fileCount += 1;
  }
  for (const entry of await readdir(bundleDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.parentPath.startsWith(join(bundleDir, sidecarDir))) continue;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
    fileCount += 1;
  }
  return { pageCount: builder.pageCount, pagefindMs, sidecarMs: performance.now() - started - pagefindMs, fileCount, bytes };
}
