/**
 * The dev server's sidecar, kept between saves: after an edit that leaves the articles and their order as they
 * were (the usual case: a fix in one article's text), only the edited pages' grams are taken out of and put back
 * into the postings, and only the gram shards they touch are written again. Anything else (an article added or
 * removed, a date changed) makes it anew. Same files as createSidecarBuilder (gram order within a shard aside),
 * except that the number of shards stays what it was when it was last made anew.
 */
import { encodePostings, shardOf } from './grams.ts';
import type { PageTerms, SidecarOptions } from './build-sidecar.ts';
import { filterLabels, leadPrefix, sidecarPaths, sidecarVersion, titlePrefix, type FilterPostings, type SidecarMeta } from './sidecar.ts';

const bareGram = (gram: string) => (gram.startsWith(titlePrefix) || gram.startsWith(leadPrefix) ? gram.slice(1) : gram);

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
    for (const [n, terms] of next.entries()) {
      for (const gram of terms.grams) {
        const list = postings.get(gram);
        if (!list) postings.set(gram, [n]);
        else if (list[list.length - 1] !== n) list.push(n);
      }
    }
    // As createSidecarBuilder sizes its shards.
    let totalBytes = 0;
    for (const [gram, list] of postings) totalBytes += gram.length * 3 + list.length * 2 + 6;
    shards = Math.max(1, Math.ceil(totalBytes / shardBytes));
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
    if (foldFile === undefined) {
      const table: Record<string, string> = {};
      for (const [traditional, simplified] of Object.entries(fold)) if (charPages.has(simplified)) table[traditional] = simplified;
      foldFile = JSON.stringify(table);
    }
    yield [sidecarPaths.fold, foldFile];
    const filters: Record<string, Record<string, number[]>> = {};
    for (const [n, terms] of pages.entries()) {
      for (const key of Object.keys(filterLabels)) for (const value of new Set(terms.filters[key] ?? [])) ((filters[key] ??= {})[value] ??= []).push(n);
    }
    const filterFile: FilterPostings = {};
    for (const [key, values] of Object.entries(filters)) {
      filterFile[key] = {};
      for (const value of Object.keys(values).sort((a, b) => a.localeCompare(b, 'zh-CN'))) filterFile[key][value] = encodePostings(values[value]!);
    }
    yield [sidecarPaths.filters, JSON.stringify(filterFile)];
    for (const n of dirty) {
      const content: Record<string, string> = {};
      for (const gram of shardGrams[n]!) content[gram] = encodePostings(postings.get(gram)!);
      shardTexts[n] = JSON.stringify(content);
    }
    dirty.clear();
    for (let n = 0; n < shards; n++) yield [sidecarPaths.shard(n), shardTexts[n] ?? '{}'];
    for (let start = 0, b = 0; start < pages.length; start += block, b++) {
      yield [sidecarPaths.block(b), JSON.stringify(pages.slice(start, start + block).map((terms) => terms.hash))];
    }
  }

  return { update, files };
}
