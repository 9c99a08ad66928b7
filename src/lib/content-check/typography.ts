/**
 * Typography slips inside Chinese text, found and (with `npm run check -- --fix`) repaired:
 * - half-width `, : ; ? ! ( )` in Chinese context → full-width. The decision is the importer's cautious one
 *   (zhlint 0.8.2 with only `fullwidthPunctuation`, each proposal kept only in Chinese context; see
 *   src/lib/import/punctuation.ts), so `12:30`, `3:2`, `2.0版` and Latin sentences are left alone;
 * - `...` / `。。。` / a lone `…` next to Chinese → `……`;
 * - doubled Chinese punctuation (`，，` `。。` `、、` `；；` `：：`) → one;
 * - straight double quotes around Chinese text (`"劳模"`) → `“劳模”`.
 * zhlint's other rules stay off: they add spaces between Chinese and Latin letters or digits and change
 * quotes, which damages newspaper text.
 *
 * Only the given ranges of a file are looked at (the prose: text nodes of an article body, frontmatter
 * values); markup, code and attribute names are never touched. Inside the ranges, URLs (bare, `<…>`
 * autolinks, link destinations), e-mail addresses and `inline code` are left alone too, and `, : ; ? !`
 * change only between Chinese on both sides (numbers in between count as Chinese context when Chinese
 * stands beyond them): `时间12:30,比分` is fixed, `starts at 10:30, 会议` and `3,000` are not.
 */
import { fixPunctuation } from '../import/punctuation.ts';

export interface TextRange {
  start: number;
  end: number;
  /** The field these characters belong to, for messages: `正文`, `title（标题）`. */
  field: string;
  /** Check these characters on their own rather than with the rest of their line (an attribute value inside markup). */
  isolated?: boolean;
  /** Inside a double-quoted YAML string, where a `"` is written `\"`: straight quotes are left alone. */
  escapedQuotes?: boolean;
}

export interface TypographyFix {
  /** Offset in the whole file. */
  start: number;
  end: number;
  from: string;
  to: string;
  field: string;
  message: string;
}

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CHINESE_AROUND = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef“”‘’—《》]/;
const punctuationNames: Record<string, string> = { ',': '逗号', ':': '冒号', ';': '分号', '?': '问号', '!': '叹号', '(': '左括号', ')': '右括号' };

/** Offsets of a line's characters that lie inside one of the ranges. */
function inside(ranges: readonly TextRange[], offset: number): TextRange | undefined {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle]!;
    if (offset < range.start) high = middle - 1;
    else if (offset >= range.end) low = middle + 1;
    else return range;
  }
  return undefined;
}

/** The lines (start, end offsets) that overlap the ranges and might hold a slip. */
function candidateLines(text: string, ranges: readonly TextRange[]): [number, number][] {
  const lines: [number, number][] = [];
  let lastLineStart = -1;
  for (const range of ranges) {
    let at = range.start;
    while (at < range.end) {
      const lineStart = text.lastIndexOf('\n', at - 1) + 1;
      let lineEnd = text.indexOf('\n', at);
      if (lineEnd === -1) lineEnd = text.length;
      if (lineStart !== lastLineStart) {
        lines.push([lineStart, lineEnd]);
        lastLineStart = lineStart;
      }
      at = lineEnd + 1;
    }
  }
  return lines;
}

const CJK_CLASS = '\\u3000-\\u303f\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef“”‘’…—·《》';
/** A superset of where fixPunctuation accepts a change: `, : ; ? !` next to Chinese, or `(` before Chinese text. */
const mayNeedFullWidth = new RegExp(`[${CJK_CLASS}]\\s*[,:;?!]|[,:;?!]\\s*[${CJK_CLASS}]|\\([^)]*[\\u3400-\\u4dbf\\u4e00-\\u9fff]`);
const quick = /[,:;?!()."]|。。|，，|、、|；；|：：|…/;

/** Where a URL, e-mail address, link destination or inline code stands in a line: never changed. */
const protectedPattern = new RegExp(
  [
    '`[^`\\n]*`', // inline code
    '\\]\\([^)\\s]*(?:\\s+"[^"]*")?\\)', // a link's destination: ](url "title")
    '<[a-z][a-z0-9+.-]*:[^\\s<>]*>', // autolink
    '(?:[a-z][a-z0-9+.-]*:\\/\\/|www\\.|mailto:|tel:)[^\\s<>()（）\\[\\]【】「」『』，。；：！？、“”‘’《》]+', // bare URL: Chinese characters and ASCII punctuation belong to it
    '[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+', // e-mail address
  ].join('|'),
  'gi',
);

export function protectedSpans(line: string): [number, number][] {
  return [...line.matchAll(protectedPattern)].map((match) => [match.index, match.index + match[0].length]);
}

const CJK_CONTEXT = new RegExp(`[${CJK_CLASS}]`);

/**
 * `, : ; ? !` at `at` stands between Chinese: the nearest character before it (past spaces and a number)
 * is Chinese, and so is the nearest after it (past spaces and a number), or the line ends there.
 * A mark between two digits (`3,000`, `3:2`, `12:30`) never is.
 */
export function betweenChinese(line: string, at: number): boolean {
  if (/\d/.test(line[at - 1] ?? '') && /\d/.test(line[at + 1] ?? '')) return false;
  let before = at - 1;
  while (before >= 0 && /[\s\d.:%/-]/.test(line[before]!)) before -= 1;
  let after = at + 1;
  while (after < line.length && /[\s\d]/.test(line[after]!)) after += 1;
  if (before < 0 || !CJK_CONTEXT.test(line[before]!)) return false;
  if (after >= line.length) return line[at] !== ',' || after === at + 1;
  return CJK_CONTEXT.test(line[after]!);
}

/** Every slip in the ranges of `text`, in file order. `ranges` must be sorted and not overlap. */
export function typographyFixes(text: string, ranges: readonly TextRange[]): TypographyFix[] {
  const fixes: TypographyFix[] = [];
  const valid = [...ranges].filter((range) => range.end > range.start).sort((a, b) => a.start - b.start);
  const sorted = valid.filter((range) => !range.isolated);
  const segments: [number, number, readonly TextRange[]][] = [
    ...candidateLines(text, sorted).map(([start, end]): [number, number, readonly TextRange[]] => [start, end, sorted]),
    ...valid.filter((range) => range.isolated).map((range): [number, number, readonly TextRange[]] => [range.start, range.end, [range]]),
  ];
  for (const [lineStart, lineEnd, within] of segments) {
    const line = text.slice(lineStart, lineEnd);
    if (!quick.test(line) || !HAN.test(line)) continue;
    const spans = protectedSpans(line);
    const accept = (at: number, length: number) => {
      if (spans.some(([start, end]) => at < end && at + length > start)) return undefined;
      const range = inside(within, lineStart + at);
      return range && inside(within, lineStart + at + length - 1) === range ? range : undefined;
    };

    // Half-width punctuation, decided by zhlint and the importer's context rules, on the whole line for context.
    // zhlint is slow (it parses Markdown on every call), so it only runs where a change could be accepted.
    if (mayNeedFullWidth.test(line)) {
      const { text: fixed, rejected } = fixPunctuation(line);
      if (!rejected && fixed !== line) {
        for (let i = 0; i < line.length; i += 1) {
          if (line[i] === fixed[i]) continue;
          if (line[i] !== '(' && line[i] !== ')' && !betweenChinese(line, i)) continue;
          const range = accept(i, 1);
          if (!range) continue;
          fixes.push({ start: lineStart + i, end: lineStart + i + 1, from: line[i]!, to: fixed[i]!, field: range.field, message: `中文里用了半角${punctuationNames[line[i]!] ?? '标点'}“${line[i]}”，应为全角“${fixed[i]}”` });
        }
      }
    }

    // Ellipses: `...`, `。。。`, a lone `…`, when Chinese stands next to them.
    for (const match of line.matchAll(/\.{3,6}|。{3,6}|…+/g)) {
      const at = match.index;
      const found = match[0];
      if (found === '……') continue;
      const before = line[at - 1] ?? '';
      const after = line[at + found.length] ?? '';
      if (!CHINESE_AROUND.test(before) && !CHINESE_AROUND.test(after)) continue;
      const range = accept(at, found.length);
      if (range) fixes.push({ start: lineStart + at, end: lineStart + at + found.length, from: found, to: '……', field: range.field, message: `省略号“${found}”应为“……”（两个全角省略号）` });
    }

    // The same Chinese punctuation mark twice in a row.
    for (const match of line.matchAll(/([，、；：])\1+|(?<!。)。。(?!。)/g)) {
      const at = match.index;
      const range = accept(at, match[0].length);
      if (range) fixes.push({ start: lineStart + at, end: lineStart + at + match[0].length, from: match[0], to: match[0][0]!, field: range.field, message: `标点“${match[0][0]}”重复` });
    }

    // Straight double quotes around Chinese text, within one range, only when they pair up.
    if (line.includes('"')) {
      const byRange = new Map<TextRange, number[]>();
      for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) {
        const range = accept(i, 1);
        if (range && !range.escapedQuotes) byRange.set(range, [...(byRange.get(range) ?? []), i]);
      }
      for (const [range, positions] of byRange) {
        if (positions.length % 2 !== 0) continue;
        for (let k = 0; k < positions.length; k += 2) {
          const [open, close] = [positions[k]!, positions[k + 1]!];
          if (!HAN.test(line.slice(open + 1, close))) continue;
          fixes.push({ start: lineStart + open, end: lineStart + open + 1, from: '"', to: '“', field: range.field, message: '中文里用了直引号 "，应为弯引号“”' });
          fixes.push({ start: lineStart + close, end: lineStart + close + 1, from: '"', to: '”', field: range.field, message: '中文里用了直引号 "，应为弯引号“”' });
        }
      }
    }
  }
  fixes.sort((a, b) => a.start - b.start);
  // Overlapping fixes (a lone `…` inside `。。。…`) keep the first.
  return fixes.filter((fix, index) => index === 0 || fix.start >= fixes[index - 1]!.end);
}

/** The text with every fix applied. */
export function applyFixes(text: string, fixes: readonly TypographyFix[]): string {
  let out = '';
  let at = 0;
  for (const fix of [...fixes].sort((a, b) => a.start - b.start)) {
    if (fix.start < at) continue;
    out += text.slice(at, fix.start) + fix.to;
    at = fix.end;
  }
  return out + text.slice(at);
}
