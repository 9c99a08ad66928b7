/**
 * The dev server's sidecar, kept between saves: after an edit that leaves the articles and their order as they
 * were (the usual case: a fix in one article's text), only the edited pages' grams are taken out of and put back
 * into the postings, and only the gram shards they touch are written again. Anything else (an article added or
 * removed, a date changed) makes it anew. Same files as createSidecarBuilder (gram order within a shard aside),
 * except that the number of shards stays what it was when it was last made anew.
 */
import { encodePostings, shardOf } from './grams.ts';
import {
  addFilterPostings,
  addPosting,
  bareGram,
  blockFiles,
  encodeFilters,
  foldTableFor,
  shardCount,
  type PageTerms,
  type SidecarOptions,
} from './build-sidecar.ts';
import { sidecarPaths, sidecarVersion, type SidecarMeta } from './sidecar.ts';

/** Index of the first element ≥ value in an ascending list. */
function lowerBound(list: number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (list[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function createDevSidecar(options: SidecarOptions) {
  const { fold, shardBytes = 12_000, block = 64, leadChars = 160 } = options;
  let pages: PageTerms[] = [];
  let postings = new Map<string, number[]>();
  let shards = 1;
  let shardTexts: string[] = [];
  /** The grams of each shard, so a shard is encoded again without a pass over every gram. */
  let shardGrams: Set<string>[] = [];
  const dirty = new Set<number>();
  /** How many pages use each folded character, and fold.json while that set stays the same. */
  let charPages = new Map<string, number>();
  let foldFile: string | undefined;
  const countChars = (chars: string, by: 1 | -1) => {
    for (const char of chars) {
      const count = (charPages.get(char) ?? 0) + by;
      if (count > 0) {
        if (count === 1 && by === 1) foldFile = undefined;
        charPages.set(char, count);
      } else {
        charPages.delete(char);
        foldFile = undefined;
      }
    }
  };

  function remake(next: PageTerms[]) {
    postings = new Map();
    charPages = new Map();
    foldFile = undefined;
    for (const terms of next) countChars(terms.chars, 1);
    for (const [n, terms] of next.entries()) for (const gram of terms.grams) addPosting(postings, gram, n);
    shards = shardCount(postings, shardBytes);
    shardGrams = Array.from({ length: shards }, () => new Set<string>());
    for (const gram of postings.keys()) shardGrams[shardOf(bareGram(gram), shards)]!.add(gram);
    shardTexts = [];
    dirty.clear();
    for (let n = 0; n < shards; n++) dirty.add(n);
  }

  function replace(n: number, before: PageTerms, after: PageTerms) {
    const kept = new Set(after.grams);
    for (const gram of new Set(before.grams)) {
      if (kept.has(gram)) continue;
      const list = postings.get(gram);
      if (!list) continue;
      const at = lowerBound(list, n);
      if (list[at] === n) list.splice(at, 1);
      const shard = shardOf(bareGram(gram), shards);
      if (list.length === 0) {
        postings.delete(gram);
        shardGrams[shard]!.delete(gram);
      }
      dirty.add(shard);
    }
    const had = new Set(before.grams);
    for (const gram of kept) {
      if (had.has(gram)) continue;
      const list = postings.get(gram);
      const shard = shardOf(bareGram(gram), shards);
      if (!list) {
        postings.set(gram, [n]);
        shardGrams[shard]!.add(gram);
      } else {
        const at = lowerBound(list, n);
        if (list[at] !== n) list.splice(at, 0, n);
      }
      dirty.add(shard);
    }
  }

  /**
   * Takes the pages in sidecar order (page n is the n-th). Pages whose grams are the same array as last time
   * count as unchanged (their filters may differ: the filter file is made anew each time). Returns how many
   * pages were put in again, or 'remade'.
   */
  function update(next: PageTerms[]): number | 'remade' {
    const sameOrder = next.length === pages.length && next.every((terms, n) => terms.hash === pages[n]!.hash);
    if (!sameOrder) {
      remake(next);
      pages = next;
      return 'remade';
    }
    let changed = 0;
    for (const [n, terms] of next.entries()) {
      if (terms.grams === pages[n]!.grams) continue;
      replace(n, pages[n]!, terms);
      countChars(pages[n]!.chars, -1);
      countChars(terms.chars, 1);
      changed += 1;
    }
    pages = next;
    return changed;
  }

  /** The sidecar's files; gram shards are encoded again only where an update touched them. */
  function* files(): Generator<[string, string]> {
    const meta: SidecarMeta = { version: sidecarVersion, pages: pages.length, shards, block, leadChars };
    yield [sidecarPaths.meta, JSON.stringify(meta)];
    foldFile ??= JSON.stringify(foldTableFor(fold, (char) => charPages.has(char)));
    yield [sidecarPaths.fold, foldFile];
    const filters: Record<string, Record<string, number[]>> = {};
    for (const [n, terms] of pages.entries()) addFilterPostings(filters, n, terms.filters);
    yield [sidecarPaths.filters, JSON.stringify(encodeFilters(filters))];
    for (const n of dirty) {
      const content: Record<string, string> = {};
      for (const gram of shardGrams[n]!) content[gram] = encodePostings(postings.get(gram)!);
      shardTexts[n] = JSON.stringify(content);
    }
    dirty.clear();
    for (let n = 0; n < shards; n++) yield [sidecarPaths.shard(n), shardTexts[n] ?? '{}'];
    yield* blockFiles(pages.map((terms) => terms.hash), block);
  }

  return { update, files };
}
