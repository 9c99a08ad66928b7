/**
 * Search normalisation shared by the index builder (Node) and the search page (browser).
 *
 * Every character is folded to exactly one character (or dropped), so a position in the folded text
 * maps back to one position in the original: that is what lets the highlighter mark the whole matched
 * phrase in the original excerpt.
 *
 * - Traditional → Simplified, one character to one character (勞→劳, 諧→谐), from a table built at index
 *   time from OpenCC and limited to the characters the site uses (`FoldTable`).
 * - Full-width ASCII → ASCII, upper → lower case.
 * - Punctuation (Unicode P*, e.g. “ ” · 、，) is dropped, so 共享社幸福里 finds 共享社·幸福里. Symbols such as
 *   × (in 2×4) are kept: they are part of what readers type.
 * - Zero-width characters (Pagefind puts U+200B between the words it segments) are dropped.
 * - Whitespace is dropped from page text too (打造金字招牌助力共同富裕 finds 打造金字招牌 助力共同富裕), but
 *   in a query it separates terms (`keepBreaks`).
 */

/** Traditional character → simplified character. */
export type FoldTable = Readonly<Record<string, string>>;

/** A break between runs in normalised text. */
export const BREAK = ' ';

const punctuation = /\p{P}/u;
const zeroWidth = /[\u200b-\u200d\u2060\ufeff\p{Cc}]/u;
const space = /\s/u;

/** Folds one character: '' drops it, BREAK is whitespace. */
export function foldChar(char: string, table: FoldTable = {}): string {
  if (space.test(char)) return BREAK;
  if (zeroWidth.test(char) || punctuation.test(char)) return '';
  const code = char.codePointAt(0)!;
  let out = char;
  if (code >= 0xff01 && code <= 0xff5e) out = String.fromCodePoint(code - 0xfee0);
  out = table[out] ?? out;
  const lower = out.toLowerCase();
  return [...lower].length === 1 ? lower : out;
}

export interface Normalised {
  /** Folded text; with `keepBreaks`, runs separated by single BREAKs, no leading or trailing BREAK. */
  text: string;
  /** For each UTF-16 index in `text`, the UTF-16 index in the original where that character came from. */
  origin: number[];
  /** For each UTF-16 index in `text`, the UTF-16 index in the original just after that character. */
  originEnd: number[];
}

/**
 * Normalises text, keeping a map from every folded position back to the original string. With
 * `keepBreaks` (queries) whitespace becomes a single BREAK; without (page text) it is dropped.
 */
export function normalise(original: string, table: FoldTable = {}, keepBreaks = false): Normalised {
  let text = '';
  const origin: number[] = [];
  const originEnd: number[] = [];
  let index = 0;
  for (const char of original) {
    const folded = foldChar(char, table);
    const end = index + char.length;
    if (folded === BREAK) {
      if (keepBreaks && text.length > 0 && !text.endsWith(BREAK)) {
        text += BREAK;
        origin.push(index);
        originEnd.push(end);
      }
    } else if (folded) {
      for (let k = 0; k < folded.length; k++) {
        origin.push(index);
        originEnd.push(end);
      }
      text += folded;
    }
    index = end;
  }
  if (text.endsWith(BREAK)) {
    text = text.slice(0, -1);
    origin.pop();
    originEnd.pop();
  }
  return { text, origin, originEnd };
}

/** The folded text alone. */
export function fold(text: string, table: FoldTable = {}, keepBreaks = false): string {
  return normalise(text, table, keepBreaks).text;
}

/**
 * Splits what a reader typed into search terms. Each term must occur in a result as an exact
 * (folded) substring. Whitespace separates terms; quotes are accepted and ignored (every term is
 * already a phrase). Duplicate terms and terms contained in other terms are dropped.
 */
export function queryTerms(query: string, table: FoldTable = {}): string[] {
  const terms = fold(query.normalize('NFC'), table, true)
    .split(BREAK)
    .filter(Boolean);
  const unique = [...new Set(terms)].sort((a, b) => b.length - a.length);
  return unique.filter((term, i) => !unique.slice(0, i).some((longer) => longer.includes(term)));
}
