/**
 * Excerpts and highlights on the original text: a match is found in the folded text and mapped back,
 * so the mark covers the whole phrase as printed (勞模 marks 劳模; 共享社幸福里 marks 共享社·幸福里),
 * never single characters.
 */
import { normalise, type FoldTable } from './normalize.ts';

export interface Segment {
  text: string;
  mark: boolean;
}

/** Ranges [start, end) in the original string where any term occurs, merged and sorted. */
export function matchRanges(original: string, terms: string[], fold: FoldTable = {}): [number, number][] {
  const { text, origin, originEnd } = normalise(original, fold);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = text.indexOf(term); at !== -1; at = text.indexOf(term, at + 1)) {
      ranges.push([origin[at], originEnd[at + term.length - 1]]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([...range]);
  }
  return merged;
}

const invisible = /[\u200b-\u200d\u2060\ufeff]/g;

function segmentsOf(original: string, ranges: [number, number][], from: number, to: number): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, mark: boolean) => {
    const clean = text.replace(invisible, '');
    if (!clean) return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += clean;
    else segments.push({ text: clean, mark });
  };
  let at = from;
  for (const [start, end] of ranges) {
    if (end <= from || start >= to) continue;
    push(original.slice(at, Math.max(at, start)), false);
    push(original.slice(Math.max(start, from), Math.min(end, to)), true);
    at = Math.min(end, to);
  }
  push(original.slice(at, to), false);
  return segments;
}

/** The whole string with its matches marked (for titles). */
export function highlight(original: string, terms: string[], fold: FoldTable = {}): Segment[] {
  return segmentsOf(original, matchRanges(original, terms, fold), 0, original.length);
}

/**
 * An excerpt of about `length` visible characters around the first match (or the start of the text),
 * with every match inside it marked. Ellipses mark cut ends.
 */
export function excerpt(original: string, terms: string[], fold: FoldTable = {}, length = 110): Segment[] {
  const ranges = matchRanges(original, terms, fold);
  const visible = original.replace(invisible, '').length;
  const scale = original.length / Math.max(1, visible);
  const span = Math.round(length * scale);
  const first = ranges[0];
  let from = first ? Math.max(0, first[0] - Math.round(span / 3)) : 0;
  let to = Math.min(original.length, from + span);
  from = Math.max(0, Math.min(from, to - span));
  // Do not cut inside a surrogate pair.
  if (from > 0 && /[\udc00-\udfff]/.test(original[from])) from--;
  if (to < original.length && /[\udc00-\udfff]/.test(original[to])) to++;
  const segments = segmentsOf(original, ranges, from, to);
  if (from > 0) segments.unshift({ text: '…', mark: false });
  if (to < original.length) segments.push({ text: '…', mark: false });
  return segments;
}

/** Pagefind ends each block (heading, paragraph) with `. `; after Chinese text a full stop looks wrong. */
const blockEndAfterChinese = /([\u3000-\u303f\u3400-\u9fff\uff00-\uffef“”‘’…])[\u200b-\u200d]*\.(?: |(?=[\u200b-\u200d])|$)/g;

/**
 * The text an excerpt is cut from: an article's body without its header (the headline group and the line
 * `organisation … date`, which the result already shows), block ends after Chinese text shown as spaces.
 * `date` is the page's displayed date; when it is not found near the start the whole content is used.
 */
export function excerptSource(content: string, date?: string): string {
  let body = content;
  if (date) {
    const visible: number[] = [];
    let text = '';
    for (let i = 0; i < content.length && text.length < 400; i++) {
      if (/[\u200b-\u200d\u2060\ufeff]/.test(content[i])) continue;
      visible.push(i);
      text += content[i];
    }
    const at = text.indexOf(`${date}.`);
    if (at !== -1) body = content.slice(visible[at + date.length] + 1);
  }
  return body.replace(blockEndAfterChinese, '$1\u3000').trim();
}
