/**
 * The layout of the CJK sidecar index written next to Pagefind's files (`pagefind/cjk/`).
 * Shared by the builder (Node) and the engine (browser).
 */
export const sidecarDir = 'cjk';
export const sidecarVersion = 1;

/** Filter keys, in the order the search page shows them, with their Chinese labels. */
export const filterLabels = { type: '类型', city: '城市', county: '区县', topic: '话题', year: '年份', issue: '专版' } as const;
export type FilterKey = keyof typeof filterLabels;

export interface SidecarMeta {
  version: number;
  /** Pages, numbered newest first: page n is the n-th newest. */
  pages: number;
  /** Gram shard files g/0.json … g/(shards-1).json. */
  shards: number;
  /** Pages per page-table file p/<n>.json. */
  block: number;
  /** Characters of text after the title that count as the lead. */
  leadChars: number;
}

/** One gram shard: gram → postings; `^gram` → pages with it in the title; `~gram` → in the lead. */
export type GramShard = Record<string, string>;

/** A page-table block: the Pagefind fragment hash of each page in the block. */
export type PageBlock = string[];

/** filters.json: key → value → postings. */
export type FilterPostings = Record<string, Record<string, string>>;

export const titlePrefix = '^';
export const leadPrefix = '~';

export const sidecarPaths = {
  meta: 'meta.json',
  fold: 'fold.json',
  filters: 'filters.json',
  shard: (n: number) => `g/${n}.json`,
  block: (n: number) => `p/${n}.json`,
};
