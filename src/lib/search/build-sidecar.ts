/**
 * Builds the CJK sidecar from the pages Pagefind indexed (its decoded fragments), so both indexes see
 * exactly the same text: Pagefind's `content` is the text of the `data-pagefind-body` element.
 */
import { encodePostings, gramsOf, shardOf } from './grams.ts';
import { normalise, type FoldTable } from './normalize.ts';
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
  const table: Record<string, string> = {};
  for (const [traditional, simplified] of Object.entries(fullTable)) if (used.has(simplified)) table[traditional] = simplified;
  return table;
}

const dateOf = (page: IndexedPage) => page.meta.published ?? '';

/** Returns the sidecar's files (path relative to the sidecar dir → contents). */
export function buildSidecar(input: IndexedPage[], options: SidecarOptions): Map<string, string> {
  const { fold, shardBytes = 12_000, block = 64, leadChars = 160 } = options;
  // Newest first; ties by URL so the numbering is stable.
  const pages = [...input].sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || a.url.localeCompare(b.url));
  const postings = new Map<string, number[]>();
  const add = (gram: string, page: number) => {
    const list = postings.get(gram);
    if (!list) postings.set(gram, [page]);
    else if (list[list.length - 1] !== page) list.push(page);
  };
  const filters: Record<string, Record<string, number[]>> = {};

  pages.forEach((page, n) => {
    const title = normalise(page.meta.title ?? '', fold).text;
    let body = normalise(page.content, fold).text;
    if (title && body.startsWith(title)) body = body.slice(title.length);
    else if (title) body = body.replace(title, ' ');
    const lead = body.trim().slice(0, leadChars);
    for (const gram of gramsOf(title)) add(titlePrefix + gram, n);
    for (const gram of gramsOf(lead)) add(leadPrefix + gram, n);
    const all = gramsOf(body, gramsOf(title));
    for (const gram of all) add(gram, n);
    for (const key of Object.keys(filterLabels)) {
      for (const value of new Set(page.filters[key] ?? [])) {
        ((filters[key] ??= {})[value] ??= []).push(n);
      }
    }
  });

  let totalBytes = 0;
  for (const [gram, list] of postings) totalBytes += gram.length * 3 + list.length * 2 + 6;
  const shards = Math.max(1, Math.ceil(totalBytes / shardBytes));
  const shardContents: Record<string, string>[] = Array.from({ length: shards }, () => ({}));
  for (const [gram, list] of postings) {
    const bare = gram.startsWith(titlePrefix) || gram.startsWith(leadPrefix) ? gram.slice(1) : gram;
    shardContents[shardOf(bare, shards)][gram] = encodePostings(list);
  }

  const files = new Map<string, string>();
  const meta: SidecarMeta = { version: sidecarVersion, pages: pages.length, shards, block, leadChars };
  files.set(sidecarPaths.meta, JSON.stringify(meta));
  files.set(sidecarPaths.fold, JSON.stringify(siteFoldTable(pages, fold)));
  const filterFile: FilterPostings = {};
  for (const [key, values] of Object.entries(filters)) {
    filterFile[key] = {};
    for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, 'zh-CN'))) filterFile[key][value] = encodePostings(values[value]);
  }
  files.set(sidecarPaths.filters, JSON.stringify(filterFile));
  shardContents.forEach((content, n) => files.set(sidecarPaths.shard(n), JSON.stringify(content)));
  for (let start = 0, b = 0; start < pages.length; start += block, b++) {
    files.set(sidecarPaths.block(b), JSON.stringify(pages.slice(start, start + block).map((page) => page.hash)));
  }
  return files;
}
