/**
 * A page's grams for the build's sidecar, on UTF-16 code units instead of strings: the same folding, title, lead
 * and grams as createPageTerms (build-sidecar.ts), put straight into GramPostings in the same order, without a
 * string or a Set per gram. createPageTerms stays for the dev server, which keeps each page's terms.
 */
import { type GramPostings, bodyRoot, leadRoot, titleRoot } from './gram-postings.ts';
import { maxGram } from './grams.ts';
import { BREAK, foldChar, type FoldTable } from './normalize.ts';

const space = 0x20; // BREAK
const caret = 0x5e; // titlePrefix
const tilde = 0x7e; // leadPrefix
const unknown = -1;
const dropped = -2;
/** Folds to more than one code unit: the text is in `longFolds`. */
const long = -3;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** What String.prototype.trim removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimmed(unit: number): boolean {
  if (unit <= 0x20) return unit === 0x20 || (unit >= 0x09 && unit <= 0x0d);
  if (unit < 0xa0) return false;
  return (
    unit === 0xa0 || unit === 0x1680 || (unit >= 0x2000 && unit <= 0x200a) || unit === 0x2028 || unit === 0x2029 ||
    unit === 0x202f || unit === 0x205f || unit === 0x3000 || unit === 0xfeff
  );
}

/** Where String.prototype.slice(0, end) ends on a string of `length` code units. */
function sliceEnd(length: number, end: number): number {
  const relative = Number.isNaN(end) ? 0 : Math.trunc(end);
  return relative < 0 ? Math.max(length + relative, 0) : Math.min(relative, length);
}

/** A growable buffer of UTF-16 code units. */
class Units {
  data = new Uint16Array(1 << 14);
  length = 0;
  reserve(extra: number) {
    if (this.length + extra <= this.data.length) return;
    const next = new Uint16Array(Math.max(this.length + extra, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

export function createPageGrams(options: { fold: FoldTable; leadChars: number; postings: GramPostings }) {
  const { fold, leadChars, postings } = options;
  /** BMP code point (or lone surrogate) → its folded code unit, or unknown / dropped / long. */
  const bmpFolds = new Int32Array(0x10000).fill(unknown);
  /** Folds of astral code points and folds longer than one code unit ('' dropped). */
  const longFolds = new Map<number, string>();
  /** Which code points occur in folded page text (siteFoldTable's `used`). */
  const usedCodes = new Uint8Array(0x110000);
  const text = new Units();
  const spliced = new Units();
  let codes = new Int32Array(1 << 12);

  const foldOf = (char: string) => {
    const into = foldChar(char, fold);
    return into === BREAK ? '' : into;
  };
  /** Appends a fold kept in longFolds; `rest` more units of source are still to come. */
  function foldLong(code: number, char: string, rest: number) {
    let into = longFolds.get(code);
    if (into === undefined) longFolds.set(code, (into = foldOf(char)));
    text.reserve(into.length + rest);
    for (let k = 0; k < into.length; k++) text.data[text.length++] = into.charCodeAt(k);
  }

  /** Appends the folded text of `source` (createPageTerms' foldText) to `text`. */
  function foldInto(source: string) {
    text.reserve(source.length);
    let out = text.data;
    for (let i = 0; i < source.length; i++) {
      const unit = source.charCodeAt(i);
      if (isHigh(unit) && i + 1 < source.length && isLow(source.charCodeAt(i + 1))) {
        foldLong(source.codePointAt(i)!, source.slice(i, i + 2), source.length - i - 2);
        out = text.data;
        i++;
        continue;
      }
      let into = bmpFolds[unit]!;
      if (into === unknown) {
        const folded = foldOf(String.fromCharCode(unit));
        into = folded === '' ? dropped : folded.length === 1 ? folded.charCodeAt(0) : long;
        if (into === long) longFolds.set(unit, folded);
        bmpFolds[unit] = into;
      }
      if (into >= 0) out[text.length++] = into;
      else if (into === long) {
        foldLong(unit, String.fromCharCode(unit), source.length - i - 1);
        out = text.data;
      }
    }
  }

  /** Marks the code points of units[from, to) as used ([...string] splits them the same way). */
  function markUsed(units: Uint16Array, from: number, to: number) {
    for (let i = from; i < to; i++) {
      const unit = units[i]!;
      if (isHigh(unit) && i + 1 < to && isLow(units[i + 1]!)) {
        usedCodes[((unit - 0xd800) << 10) + (units[++i]! - 0xdc00) + 0x10000] = 1;
      } else usedCodes[unit] = 1;
    }
  }

  /**
   * gramsOf over units[from, to): each run between BREAKs, its 1- to 4-code-point grams under `root`, in gramsOf's
   * order. The window of grams starting at the next position is the suffix of this one plus one code point, so
   * each position costs one lookup. A body run with '^' or '~' has grams that are title or lead keys (`^劳`), whose
   * suffixes are not the body's: it is walked from the root at each position instead.
   */
  function addGrams(units: Uint16Array, from: number, to: number, root: number, n: number) {
    let i = from;
    while (i < to) {
      if (units[i] === space) {
        i++;
        continue;
      }
      if (codes.length < to - i) codes = new Int32Array(Math.max(to - i, codes.length * 2));
      let length = 0;
      let prefixed = false;
      for (; i < to && units[i] !== space; i++) {
        const unit = units[i]!;
        if (isHigh(unit) && i + 1 < to && isLow(units[i + 1]!)) codes[length++] = ((unit - 0xd800) << 10) + (units[++i]! - 0xdc00) + 0x10000;
        else {
          codes[length++] = unit;
          if (unit === caret || unit === tilde) prefixed = true;
        }
      }
      if (prefixed && root === bodyRoot) {
        for (let start = 0; start < length; start++) {
          let node = root;
          const end = Math.min(length, start + maxGram);
          for (let k = start; k < end; k++) {
            node = postings.child(node, codes[k]!);
            postings.addPage(node, n);
          }
        }
        continue;
      }
      let node = root;
      let end = Math.min(length, maxGram);
      for (let k = 0; k < end; k++) node = postings.child(node, codes[k]!);
      postings.addChain(node, n);
      for (let start = 1; start < length; start++) {
        node = postings.suffix(node);
        if (end < length) node = postings.child(node, codes[end++]!);
        postings.addChain(node, n);
      }
    }
  }

  /** Index of the first occurrence of units[needle, needle+length) in units[from, to), or -1 (String.indexOf). */
  function indexOf(units: Uint16Array, from: number, to: number, needle: number, length: number): number {
    const first = units[needle]!;
    for (let at = from; at + length <= to; at++) {
      if (units[at] !== first) continue;
      let k = 1;
      while (k < length && units[at + k] === units[needle + k]) k++;
      if (k === length) return at - from;
    }
    return -1;
  }

  /** Adds page `n` from its title and Pagefind content: what createPageTerms and addPosting do (the dev server's way), on code units. */
  function addPage(title: string, content: string, n: number) {
    text.length = 0;
    foldInto(title);
    const titleLength = text.length;
    foldInto(content);
    let units = text.data;
    markUsed(units, 0, text.length);
    // The body: the text after the title, or the text with the title's first occurrence replaced by a BREAK.
    let bodyFrom = titleLength;
    let bodyTo = text.length;
    if (titleLength > 0) {
      let startsWithTitle = bodyTo - bodyFrom >= titleLength;
      for (let k = 0; startsWithTitle && k < titleLength; k++) startsWithTitle = units[bodyFrom + k] === units[k];
      if (startsWithTitle) bodyFrom += titleLength;
      else {
        const at = indexOf(units, bodyFrom, bodyTo, 0, titleLength);
        if (at >= 0) {
          spliced.length = 0;
          spliced.reserve(text.length + 1);
          spliced.data.set(units.subarray(0, titleLength));
          spliced.data.set(units.subarray(bodyFrom, bodyFrom + at), titleLength);
          spliced.data[titleLength + at] = space;
          spliced.data.set(units.subarray(bodyFrom + at + titleLength, bodyTo), titleLength + at + 1);
          spliced.length = bodyTo - titleLength + 1;
          bodyTo = spliced.length;
          units = spliced.data;
        }
      }
    }
    // The lead: body.trim().slice(0, leadChars).
    let leadFrom = bodyFrom;
    let leadTo = bodyTo;
    while (leadFrom < leadTo && isTrimmed(units[leadFrom]!)) leadFrom++;
    while (leadTo > leadFrom && isTrimmed(units[leadTo - 1]!)) leadTo--;
    leadTo = leadFrom + sliceEnd(leadTo - leadFrom, leadChars);
    // Same order as the grams of PageTerms: title, lead, then the title and the body (gramsOf(body, gramsOf(title))).
    addGrams(units, 0, titleLength, titleRoot, n);
    addGrams(units, leadFrom, leadTo, leadRoot, n);
    addGrams(units, 0, titleLength, bodyRoot, n);
    addGrams(units, bodyFrom, bodyTo, bodyRoot, n);
  }

  /** Whether a folded character occurs in the text added (`used.has(char)` of a Set of [...text] characters). */
  const isUsed = (char: string) => {
    if (char.length === 1) return usedCodes[char.charCodeAt(0)] === 1;
    return char.length === 2 && isHigh(char.charCodeAt(0)) && isLow(char.charCodeAt(1)) && usedCodes[char.codePointAt(0)!] === 1;
  };
  return { addPage, isUsed };
}
