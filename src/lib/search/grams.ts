/**
 * Character n-grams: the sidecar index that gives Pagefind exact substring recall on Chinese text.
 *
 * Every page contributes the set of distinct 1- to 4-character grams of its normalised text (no
 * positions: a gram is listed once per page). A query term of 1–4 characters is one gram, so its
 * posting list is exactly the pages containing it. A longer term is the AND of up to `maxTermGrams`
 * 4-grams spread over it — a superset of the pages containing it (never a miss), which the engine
 * checks against the page text before showing a result.
 */
import { BREAK } from './normalize.ts';

export const maxGram = 4;
/** At most this many grams are looked up for one long term (one shard file each). */
export const maxTermGrams = 6;

/** Distinct grams of length 1..maxGram in normalised text (runs separated by BREAK). */
export function gramsOf(text: string, into: Set<string> = new Set()): Set<string> {
  for (const run of text.split(BREAK)) {
    const chars = [...run];
    for (let i = 0; i < chars.length; i++) {
      let gram = '';
      for (let n = 0; n < maxGram && i + n < chars.length; n++) {
        gram += chars[i + n];
        into.add(gram);
      }
    }
  }
  return into;
}

/** The grams whose posting lists are intersected for one (normalised, break-free) query term. */
export function termGrams(term: string): string[] {
  const chars = [...term];
  if (chars.length <= maxGram) return [term];
  const last = chars.length - maxGram;
  const count = Math.min(last + 1, maxTermGrams);
  const starts = new Set<number>();
  for (let k = 0; k < count; k++) starts.add(Math.round((k * last) / Math.max(1, count - 1)));
  return [...new Set([...starts].sort((a, b) => a - b).map((i) => chars.slice(i, i + maxGram).join('')))];
}

/** Whether a term's gram lookup is exact (true) or a superset to be checked against page text. */
export const gramLookupIsExact = (term: string) => [...term].length <= maxGram;

/** FNV-1a over UTF-16 code units: which shard file holds a gram. */
export function shardOf(gram: string, shards: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    hash ^= gram.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % shards;
}

/** Sorted page numbers → base-36 deltas, comma separated. */
export function encodePostings(pages: number[]): string {
  let last = -1;
  let out = '';
  for (const page of pages) {
    out += (out ? ',' : '') + (page - last - 1).toString(36);
    last = page;
  }
  return out;
}

export function decodePostings(encoded: string): number[] {
  if (!encoded) return [];
  const pages: number[] = [];
  let last = -1;
  for (const part of encoded.split(',')) {
    last += parseInt(part, 36) + 1;
    pages.push(last);
  }
  return pages;
}

/** Intersection of sorted lists, smallest first. */
export function intersectSorted(lists: number[][]): number[] {
  if (lists.length === 0) return [];
  const sorted = [...lists].sort((a, b) => a.length - b.length);
  let result = sorted[0];
  for (const list of sorted.slice(1)) {
    const next: number[] = [];
    let j = 0;
    for (const page of result) {
      while (j < list.length && list[j] < page) j++;
      if (j < list.length && list[j] === page) next.push(page);
    }
    result = next;
    if (result.length === 0) break;
  }
  return result;
}
