/**
 * Near misses: when a query finds no page as typed (or only a few), the pages that contain the most of
 * it, for a second, clearly labelled list that is never mixed into the exact results.
 *
 * A query is not segmented with a dictionary (jieba and Intl.Segmenter cut the same words differently,
 * see README): it is taken apart into its own bigrams, which the sidecar index answers exactly. Pages
 * rank first by how much of the query they cover (characters inside a contained bigram), then by the
 * share of its bigrams they contain, so contiguous stretches of the query count for more than the same
 * words apart: for 湖州劳模协会 the page printing 湖州市劳动模范协会 (variant below) has every bigram, a page
 * with 湖州, 劳模 and 协会 far apart lacks 市劳 and 范协. Before that the query is rewritten into a few
 * variants a reader would accept as the same words (`queryVariants`): 劳模 ↔ 劳动模范, a region's short
 * name → its full name (湖州 → 湖州市), 2x4 ↔ 2×4. Full-width letters and digits are already folded by
 * `normalise`. A term scores as its best variant.
 */

/** Pairs [a, b]: a query containing `a` is also tried with `b` (one direction; list both for both). */
export type VariantPairs = readonly (readonly [string, string])[];

/** Abbreviations readers type for words printed in full, and the reverse. */
export const abbreviations: VariantPairs = [
  ['劳模', '劳动模范'],
  ['劳动模范', '劳模'],
];

/** Exact results below this many: the near-miss list is shown too. */
export const nearMissBelow = 3;
/** A near miss must contain grams that cover more than this share of the query's characters. */
export const minCovered = 0.5;
/** At most this many variants of one term are looked up. */
export const maxVariants = 8;

/** Region short name → full name (平阳 → 平阳县), for names of two characters or more that differ. */
export function regionPairs(regions: { name: string; shortName?: string }[]): [string, string][] {
  return regions.flatMap((region) =>
    region.shortName && region.shortName !== region.name && [...region.shortName].length >= 2 ? [[region.shortName, region.name] as [string, string]] : [],
  );
}

/**
 * Replaces every occurrence of `from` in `text` by `to`, except where `to` is already printed around it
 * (湖州 in 湖州市 stays: it is not rewritten to 湖州市市).
 */
function substitute(text: string, from: string, to: string): string {
  const offset = to.indexOf(from);
  let out = '';
  let at = 0;
  for (let i = text.indexOf(from); i !== -1; i = text.indexOf(from, i + from.length)) {
    if (offset !== -1 && i - offset >= 0 && text.startsWith(to, i - offset)) continue;
    out += text.slice(at, i) + to;
    at = i + from.length;
  }
  return out + text.slice(at);
}

/** 2x4 ↔ 2×4 (and 2*4 → 2×4): between digits, x and × are the same to a reader. */
function timesVariants(term: string): string[] {
  const out: string[] = [];
  const toTimes = term.replace(/(?<=\d)[x*](?=\d)/g, '×');
  if (toTimes !== term) out.push(toTimes);
  const toX = term.replace(/(?<=\d)×(?=\d)/g, 'x');
  if (toX !== term) out.push(toX);
  return out;
}

/**
 * The term (normalised: folded, no breaks) and its variants, the term first, at most `maxVariants`.
 * Each pair rewrites all its occurrences at once; pairs combine (湖州劳模 → 湖州市劳动模范).
 */
export function queryVariants(term: string, pairs: VariantPairs = abbreviations): string[] {
  const variants = [term];
  const add = (variant: string) => {
    if (variants.length < maxVariants && variant && !variants.includes(variant)) variants.push(variant);
  };
  for (const variant of timesVariants(term)) add(variant);
  for (const [from, to] of pairs) {
    for (const variant of [...variants]) if (variant.includes(from)) add(substitute(variant, from, to));
  }
  return variants;
}

/**
 * The grams a near-miss lookup checks for one variant: its bigrams (one shard file each at most, so a
 * long query stays cheap); a 1-character term is its own gram.
 */
export function coverageGrams(variant: string): string[] {
  const chars = [...variant];
  if (chars.length === 1) return [variant];
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1]);
  return [...grams];
}

export interface Coverage {
  /** Share of the variant's bigrams the page contains: 1 when it has them all. */
  score: number;
  /** Share of the variant's characters inside a contained bigram. */
  covered: number;
  /** The stretches of the variant whose bigrams the page all contains (for highlighting), two characters or more. */
  runs: string[];
}

/** How much of one variant a page contains, given which grams it has. */
export function coverage(variant: string, has: (gram: string) => boolean): Coverage {
  const chars = [...variant];
  if (chars.length === 1) {
    const found = has(variant);
    return { score: found ? 1 : 0, covered: found ? 1 : 0, runs: found ? [variant] : [] };
  }
  let got = 0;
  let inGram = 0;
  const runs: string[] = [];
  let start = -1;
  for (let i = 0; i < chars.length - 1; i++) {
    const linked = has(chars[i] + chars[i + 1]);
    if (linked) got++;
    if (linked && start === -1) start = i;
    if (!linked && start !== -1) {
      runs.push(chars.slice(start, i + 1).join(''));
      inGram += i + 1 - start;
      start = -1;
    }
  }
  if (start !== -1) {
    runs.push(chars.slice(start).join(''));
    inGram += chars.length - start;
  }
  return { score: got / (chars.length - 1), covered: inGram / chars.length, runs };
}

export interface NearMissScore extends Coverage {
  /** The same score counting only grams in the page's title or lead: favours the page about it. */
  lead: number;
}

/**
 * A page's score for a whole query: each term scores as its best variant (covered, then score), and the
 * terms are averaged weighted by their length. `terms[i]` lists term i's variants, the term itself first.
 */
export function nearMissScore(terms: string[][], has: (gram: string) => boolean, hasInLead: (gram: string) => boolean = () => false): NearMissScore {
  let weight = 0;
  let score = 0;
  let covered = 0;
  let lead = 0;
  const runs: string[] = [];
  for (const variants of terms) {
    const all = variants.map((variant) => coverage(variant, has));
    const best = all.reduce((a, b) => (b.covered > a.covered || (b.covered === a.covered && b.score > a.score) ? b : a));
    const bestLead = Math.max(...variants.map((variant) => coverage(variant, hasInLead).score));
    const w = [...variants[0]].length;
    weight += w;
    score += best.score * w;
    covered += best.covered * w;
    lead += bestLead * w;
    // Stretches of every variant: the page may print several (湖州市劳模协会 here, 湖州市劳动模范协会 there).
    for (const c of all) for (const run of c.runs) if (!runs.includes(run)) runs.push(run);
  }
  return weight ? { score: score / weight, covered: covered / weight, lead: lead / weight, runs } : { score: 0, covered: 0, lead: 0, runs };
}

/**
 * What to mark in a near miss's text: each run if the (folded) text prints it, else its longest pieces
 * of two characters or more that it prints. Bigrams found apart can chain into a run the text never
 * prints whole (湖州市劳 … 劳模协会).
 */
export function markTerms(runs: string[], text: string): string[] {
  const out = new Set<string>();
  for (const run of runs) {
    const chars = [...run];
    let i = 0;
    while (i < chars.length - 1) {
      let found = 0;
      for (let n = chars.length - i; n >= 2; n--) {
        if (text.includes(chars.slice(i, i + n).join(''))) {
          found = n;
          break;
        }
      }
      if (found) out.add(chars.slice(i, i + found).join(''));
      i += Math.max(1, found - 1);
    }
  }
  return [...out];
}

/** Whether a page's score puts it in the near-miss list. */
export const isNearMiss = (score: NearMissScore) => score.covered > minCovered && score.score > 0;

/**
 * Near-miss pages best first: how much of the query they cover; then how much of it their title and
 * lead contain (as exact results rank title and lead first); then how contiguously the whole page
 * contains it (score); then page number (newest first).
 */
export function rankNearMisses(scores: Map<number, NearMissScore>): number[] {
  return [...scores]
    .filter(([, score]) => isNearMiss(score))
    .sort(([a, x], [b, y]) => y.covered - x.covered || y.lead - x.lead || y.score - x.score || a - b)
    .map(([page]) => page);
}
