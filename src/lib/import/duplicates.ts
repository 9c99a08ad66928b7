/**
 * Duplicate text left by the layout system: whole paragraphs printed twice, and a trailing fragment of a
 * paragraph that repeats a sentence already printed. Exact repeats are removed (keeping the first) and
 * listed; anything less certain is only flagged.
 */
import type { ClassifiedBlock, Removal, Repair, Warning } from './types.ts';
import { excerpt } from './types.ts';
import { endsParagraph, normalizeForCompare } from './text-shape.ts';

/** Paragraphs shorter than this are too generic to call duplicates (`场次。`). */
const MIN_DUPLICATE = 10;
/** A repeated trailing fragment must be at least this long to count as proven. */
const MIN_REPEATED_FRAGMENT = 8;
/** Sentences at least this long that occur twice are flagged for the editor. */
const MIN_FLAGGED_SENTENCE = 15;

export function removeDuplicateParagraphs(
  blocks: ClassifiedBlock[],
  repairs: Repair[],
  removals: Removal[],
): ClassifiedBlock[] {
  const seen = new Map<string, number>();
  return blocks.filter((block) => {
    if (block.kind !== 'body') return true;
    const key = normalizeForCompare(block.text);
    if (key.length < MIN_DUPLICATE) return true;
    const first = seen.get(key);
    if (first === undefined) {
      seen.set(key, block.line);
      return true;
    }
    repairs.push({
      kind: 'duplicate',
      line: block.line,
      message: `删除重复段落（与第 ${first} 行完全相同，保留第一处）`,
      excerpt: excerpt(block.text),
    });
    removals.push({ kind: 'duplicate', line: block.line, text: block.text, reason: `与第 ${first} 行重复` });
    return false;
  });
}

/**
 * An unfinished paragraph whose unfinished tail (after its last full stop) repeats text printed earlier on
 * the page is a layout echo (`企业有难题,技术大师来帮忙。周建华在对企业生产一线实地勘查`). The tail is removed
 * only when it is an exact repeat of earlier text; the rest of the paragraph stays.
 */
export function removeRepeatedTrailingFragments(
  blocks: ClassifiedBlock[],
  repairs: Repair[],
  removals: Removal[],
): ClassifiedBlock[] {
  return blocks.flatMap((block, index) => {
    if (block.kind !== 'body' || endsParagraph(block.text)) return [block];
    const cut = Math.max(...['。', '！', '？', '!', '?'].map((stop) => block.text.lastIndexOf(stop))) + 1;
    const tail = block.text.slice(cut);
    const key = normalizeForCompare(tail);
    if (key.length < MIN_REPEATED_FRAGMENT) return [block];
    const earlier = blocks
      .slice(0, index)
      .filter((b) => b.kind === 'body')
      .map((b) => normalizeForCompare(b.text))
      .join('');
    if (!earlier.includes(key)) return [block];
    const source = blocks.slice(0, index).find((b) => normalizeForCompare(b.text).includes(key));
    repairs.push({
      kind: 'repeated-fragment',
      line: block.line,
      message: `删除段尾重复出现的残句（与${source ? `第 ${source.line} 行` : '前文'}的文字完全相同）`,
      excerpt: tail,
    });
    removals.push({ kind: 'repeated-fragment', line: block.line, text: tail, reason: '段尾残句重复前文' });
    const kept = block.text.slice(0, cut).trim();
    return kept ? [{ ...block, text: kept }] : [];
  });
}

/** Long sentences printed twice in different paragraphs: flagged, never deleted. */
export function flagRepeatedSentences(blocks: ClassifiedBlock[], warnings: Warning[]): void {
  const firstSeen = new Map<string, number>();
  const flagged = new Set<string>();
  for (const block of blocks) {
    if (block.kind !== 'body') continue;
    for (const sentence of block.text.split(/(?<=[。！？!?：:])/)) {
      const key = normalizeForCompare(sentence);
      if (key.length < MIN_FLAGGED_SENTENCE) continue;
      const first = firstSeen.get(key);
      if (first === undefined) firstSeen.set(key, block.line);
      else if (first !== block.line && !flagged.has(key)) {
        flagged.add(key);
        warnings.push({
          line: block.line,
          message: `疑似重复的句子（第 ${first} 行已出现），未删除，请编辑核对`,
          excerpt: excerpt(sentence),
        });
      }
    }
  }
}
