/**
 * Builds the CJK sidecar from the pages Pagefind indexed (its decoded fragments), so both indexes see
 * exactly the same text: Pagefind's `content` is the text of the `data-pagefind-body` element.
 */
import { encodePostings, gramsOf } from './grams.ts';
import { GramPostings } from './gram-postings.ts';
import { createPageGrams } from './page-grams.ts';
import { BREAK, foldChar, normalise, type FoldTable } from './normalize.ts';
import {
  filterLabels,
  leadPrefix,
  sidecarPaths,
  sidecarVersion,
  titlePrefix,
  type FilterPostings,
  type SidecarMeta,
} from './sidecar.ts';

export interface IndexedPage {
  /** Pagefind's page hash (the fragment file name without extension), e.g. `zh_fc6a9f8`. */
  hash: string;
  url: string;
  content: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}

export interface SidecarOptions {
  /** The full traditional→simplified table: page text is folded with it. */
  fold: FoldTable;
  /** Target raw size of a gram shard in bytes; decides the number of shards. */
  shardBytes?: number;
  block?: number;
  leadChars?: number;
}

/**
 * The table the search page gets: the pairs whose simplified character occurs in the folded page text
 * (a query character folding to anything else cannot match anyway).
 */
export function siteFoldTable(pages: IndexedPage[], fullTable: FoldTable): FoldTable {
  const used = new Set<string>();
  for (const page of pages) for (const char of normalise(`${page.meta.title ?? ''} ${page.content}`, fullTable).text) used.add(char);
  return foldTableFor(fullTable, (char) => used.has(char));
}

// The pieces of the sidecar's files, shared by the build's builder (below) and the dev server's (dev-sidecar.ts).

/** The pairs of `fold` whose simplified character the pages use. */
export function foldTableFor(fold: FoldTable, isUsed: (char: string) => boolean): Record<string, string> {
  const table: Record<string, string> = {};
  for (const [traditional, simplified] of Object.entries(fold)) if (isUsed(simplified)) table[traditional] = simplified;
  return table;
}

/** A gram without its title or lead prefix: the shard is chosen by it, so all three forms sit in one shard. */
export const bareGram = (gram: string) => (gram.startsWith(titlePrefix) || gram.startsWith(leadPrefix) ? gram.slice(1) : gram);

/** Adds page `n` to a gram's postings; pages are added in ascending order, each once. */
export function addPosting(postings: Map<string, number[]>, gram: string, n: number): void {
  const list = postings.get(gram);
  if (!list) postings.set(gram, [n]);
  else if (list[list.length - 1] !== n) list.push(n);
}

/** The number of gram shards: the estimated raw size of all postings over the target shard size. */
export function shardCount(postings: ReadonlyMap<string, number[]>, shardBytes: number): number {
  let totalBytes = 0;
  for (const [gram, list] of postings) totalBytes += gram.length * 3 + list.length * 2 + 6;
  return Math.max(1, Math.ceil(totalBytes / shardBytes));
}

/** Adds page `n` under each of its filter values. */
export function addFilterPostings(filters: Record<string, Record<string, number[]>>, n: number, pageFilters: Record<string, string[]>): void {
  for (const key of Object.keys(filterLabels)) {
    for (const value of new Set(pageFilters[key] ?? [])) ((filters[key] ??= {})[value] ??= []).push(n);
  }
}

/** filters.json: each filter's values in Chinese order, with their pages encoded. */
export function encodeFilters(filters: Record<string, Record<string, number[]>>): FilterPostings {
  const filterFile: FilterPostings = {};
  for (const [key, values] of Object.entries(filters)) {
    filterFile[key] = {};
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, 'zh-CN'))) filterFile[key][value] = encodePostings(values[value]!);
  }
  return filterFile;
}

/** The block files: page numbers to Pagefind page hashes, `block` pages each. */
export function* blockFiles(hashes: readonly string[], block: number): Generator<[string, string]> {
  for (let start = 0, b = 0; start < hashes.length; start += block, b++) {
    yield [sidecarPaths.block(b), JSON.stringify(hashes.slice(start, start + block))];
  }
}

const dateOf = (page: Pick<IndexedPage, 'meta'>) => page.meta.published ?? '';

/** The sidecar's page order: newest first, ties by URL so the numbering is stable. */
export function sidecarOrder<P extends Pick<IndexedPage, 'url' | 'meta'>>(pages: readonly P[]): P[] {
  return [...pages].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a.url.localeCompare(b.url));
}

/** What a page adds to the sidecar: its grams (title and lead ones prefixed), characters and filters. */
export interface PageTerms {
  hash: string;
  grams: string[];
  /** The characters of its folded title and text (for the fold table the search page gets). */
  chars: string;
  filters: Record<string, string[]>;
}

/**
 * Folds a page's text and lists its grams. Kept apart from the builder so `astro dev` can keep each page's
 * terms and, after an edit, work out only the edited page's again.
 */
export function createPageTerms(options: Pick<SidecarOptions, 'fold' | 'leadChars'>) {
  const { fold, leadChars = 160 } = options;
  // normalise(…).text without the offset arrays, with each character's folding remembered: the same text,
  // several times faster on thousands of pages.
  const folded = new Map<string, string>();
  const foldText = (text: string) => {
    let out = '';
    for (const char of text) {
      let into = folded.get(char);
      if (into === undefined) {
        into = foldChar(char, fold);
        if (into === BREAK) into = '';
        folded.set(char, into);
      }
      out += into;
    }
    return out;
  };
  return (page: IndexedPage): PageTerms => {
    const title = foldText(page.meta.title ?? '');
    let body = foldText(page.content);
    // Folding is per character, so these are the characters of the folded title and text (siteFoldTable).
    const chars = [...new Set(title + body)].join('');
    if (title && body.startsWith(title)) body = body.slice(title.length);
    else if (title) body = body.replace(title, ' ');
    const lead = body.trim().slice(0, leadChars);
    const grams: string[] = [];
    for (const gram of gramsOf(title)) grams.push(titlePrefix + gram);
    for (const gram of gramsOf(lead)) grams.push(leadPrefix + gram);
    for (const gram of gramsOf(body, gramsOf(title))) grams.push(gram);
    return { hash: page.hash, grams, chars, filters: page.filters };
  };
}

/**
 * Builds the sidecar one page at a time, in sidecar order (page n is the n-th added): the caller can drop each
 * page's text once it is added, so only the postings stay in memory, never every page's text at once. The
 * postings are a GramPostings (numbers, not a string and an array per gram); same files as adding each page's
 * createPageTerms grams to a Map with addPosting.
 */
export function createSidecarBuilder(options: SidecarOptions) {
  const { fold, shardBytes = 12_000, block = 64, leadChars = 160 } = options;
  const postings = new GramPostings();
  const filters: Record<string, Record<string, number[]>> = {};
  const hashes: string[] = [];
  const pageGrams = createPageGrams({ fold, leadChars, postings });

  function addPage(page: IndexedPage) {
    const n = hashes.length;
    hashes.push(page.hash);
    pageGrams.addPage(page.meta.title ?? '', page.content, n);
    addFilterPostings(filters, n, page.filters);
  }

  /** The sidecar's files (path relative to the sidecar dir → contents), one at a time. */
  function* files(): Generator<[string, string]> {
    const shards = postings.shardCount(shardBytes);
    const meta: SidecarMeta = { version: sidecarVersion, pages: hashes.length, shards, block, leadChars };
    yield [sidecarPaths.meta, JSON.stringify(meta)];
    yield [sidecarPaths.fold, JSON.stringify(foldTableFor(fold, pageGrams.isUsed))];
    yield [sidecarPaths.filters, JSON.stringify(encodeFilters(filters))];
    let n = 0;
    for (const text of postings.shardTexts(shards)) yield [sidecarPaths.shard(n++), text];
    yield* blockFiles(hashes, block);
  }

  return { addPage, files, get pageCount() { return hashes.length; } };
}

/** Returns the sidecar's files (path relative to the sidecar dir → contents). */
export function buildSidecar(input: IndexedPage[], options: SidecarOptions): Map<string, string> {
  const builder = createSidecarBuilder(options);
  for (const page of sidecarOrder(input)) builder.addPage(page);
  return new Map(builder.files());
}
