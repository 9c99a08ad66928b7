/**
 * Related cases for an article: pure ranking, no Astro. A case scores for sharing its county (or the exact
 * region), its city, and each topic; ties go to the newer case, then the id, so the order is stable.
 */

export interface RelatedInput {
  id: string;
  /** Region ids from the province down to the case's own region, e.g. ['zhejiang', 'wenzhou', 'pingyang']. */
  regionPath: readonly string[];
  topics: readonly string[];
  date: Date;
}

export type RelatedReason =
  | { kind: 'region'; regionId: string }
  | { kind: 'city'; regionId: string }
  | { kind: 'topic'; topicId: string };

export interface RelatedCase {
  id: string;
  score: number;
  reasons: RelatedReason[];
}

/** Weights: the same county weighs most, then the same city, then each shared topic. */
export const relatedWeights = { region: 4, city: 2, topic: 1 } as const;

function commonDepth(a: readonly string[], b: readonly string[]): number {
  let depth = 0;
  while (depth < a.length && depth < b.length && a[depth] === b[depth]) depth += 1;
  return depth;
}

/**
 * Scores one candidate against the target. Sharing only the province says nothing (every case is in
 * Zhejiang); sharing the city-level ancestor counts as the same city; sharing a county, or being filed under the
 * very same region below the province, counts as the same place.
 */
export function scoreRelated(target: RelatedInput, candidate: RelatedInput): RelatedCase {
  const reasons: RelatedReason[] = [];
  let score = 0;
  const depth = commonDepth(target.regionPath, candidate.regionPath);
  const sameRegion = depth >= 2 && depth === target.regionPath.length && depth === candidate.regionPath.length;
  if (depth >= 3 || sameRegion) {
    score += relatedWeights.region;
    reasons.push({ kind: 'region', regionId: target.regionPath[depth - 1]! });
  } else if (depth === 2) {
    score += relatedWeights.city;
    reasons.push({ kind: 'city', regionId: target.regionPath[1]! });
  }
  const theirs = new Set(candidate.topics);
  for (const topic of new Set(target.topics)) {
    if (!theirs.has(topic)) continue;
    score += relatedWeights.topic;
    reasons.push({ kind: 'topic', topicId: topic });
  }
  return { id: candidate.id, score, reasons };
}

/** The best `limit` related cases, best first; the case itself and cases with nothing in common are left out. */
export function rankRelated(
  target: RelatedInput,
  candidates: readonly RelatedInput[],
  { limit = 4, exclude = [] }: { limit?: number; exclude?: readonly string[] } = {},
): RelatedCase[] {
  const skip = new Set([target.id, ...exclude]);
  const dates = new Map(candidates.map((candidate) => [candidate.id, candidate.date.getTime()]));
  return candidates
    .filter((candidate) => !skip.has(candidate.id))
    .map((candidate) => scoreRelated(target, candidate))
    .filter((related) => related.score > 0)
    .sort((a, b) => b.score - a.score || dates.get(b.id)! - dates.get(a.id)! || a.id.localeCompare(b.id))
    .slice(0, limit);
}
