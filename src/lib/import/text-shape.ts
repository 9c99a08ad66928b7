/**
 * Small predicates about the shape of a line of newspaper text. No page knowledge here: only what a
 * line looks like (length, final punctuation, byline prefix …).
 */

/** Han characters (CJK unified ideographs incl. extension A and compatibility). */
export const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** Characters that end a complete paragraph. A closing quote/bracket counts when a stop precedes it. */
const FINAL = /[。！？!?…]$/;
const FINAL_IN_QUOTE = /[。！？!?…][”’）)」』]+$/;

/** A half-width stop or ellipsis typed after Chinese (`2万余条.`, `尽力解难...`) ends a paragraph too. */
const HALF_WIDTH_FINAL = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff”’）」』]\.+$/;

export function endsParagraph(text: string): boolean {
  return FINAL.test(text) || FINAL_IN_QUOTE.test(text) || HALF_WIDTH_FINAL.test(text);
}

/** Visible length: whitespace does not count. */
export function visibleLength(text: string): number {
  return text.replace(/\s+/g, '').length;
}

/** Byline opening a first paragraph: `本报讯 记者程雪 通讯员陈姝报道 …` or `记者曾晨路 通讯员陈向阳报道 …`. */
const BYLINE =
  /^(本报讯\s*)?((?:(?:本报)?(?:记者|通讯员|见习记者|特约记者)\s*[\u4e00-\u9fff·]{2,4}?\s*)+)报道\s*/;

export interface BylineMatch {
  /** `记者程雪 通讯员陈姝` */
  byline: string;
  /** The whole printed prefix incl. `本报讯` and `报道`. */
  prefix: string;
}

export function matchByline(text: string): BylineMatch | undefined {
  const m = BYLINE.exec(text);
  if (!m) return undefined;
  const byline = m[2]
    .replace(/\s+/g, ' ')
    .replace(/(记者|通讯员)\s+/g, '$1')
    .replace(/([^\s])(?=(?:见习|特约)?(?:记者|通讯员))/g, '$1 ')
    .trim();
  return { byline, prefix: m[0] };
}

/** `平阳县劳模协会: “2×4”组织架构…` — organisation, colon, title. */
const ORG_HEADING =
  /^([\u4e00-\u9fff（）()]{2,16}?(?:协会|总工会|工会|委员会|集团|公司|学院|中心|联合会))\s*[:：]\s*(.+)$/;

export function matchOrgHeading(text: string): { organisation: string; title: string; prefix: string } | undefined {
  const m = ORG_HEADING.exec(text);
  if (!m) return undefined;
  return { organisation: m[1], title: m[2].trim(), prefix: text.slice(0, text.length - m[2].trim().length) };
}

/** `编者按：` (with or without the note on the same line). */
const NOTE_LABEL = /^(编者按|编者的话|编后)\s*[:：]\s*(.*)$/;

export function matchNoteLabel(text: string): { label: string; rest: string } | undefined {
  const m = NOTE_LABEL.exec(text);
  return m ? { label: text.slice(0, text.length - m[2].length), rest: m[2] } : undefined;
}

const HEADING_MAX = 32;
const CAPTION_MAX = 80;

/**
 * Could this line be a headline or section heading? Short, no sentence-ending full stop, no clause
 * punctuation at the end, no enumeration comma, not ending in a digit. `!`/`……` endings are typical for kickers. A comma inside is accepted only for
 * balanced two-part headings (`注重科学谋划,有序系统筹备`); a lopsided one is a fragment of a sentence.
 */
export function looksLikeHeading(text: string): boolean {
  const length = visibleLength(text);
  if (length === 0 || length > HEADING_MAX) return false;
  if (/[!！?？]$|……$|…$/.test(text)) return true;
  if (/[。，,、；;：:]$/.test(text)) return false;
  // Sentence stops or enumeration commas inside, or a cut after a number, mean running text.
  if (/[。；;、]/.test(text) || /\d$/.test(text)) return false;
  const parts = text.split(/[，,]/);
  if (parts.length > 2) return false;
  if (parts.length === 2 && Math.abs(visibleLength(parts[0]) - visibleLength(parts[1])) > 1) return false;
  return true;
}

/** Captions stand alone after two or more blank lines, are short and end with a full stop. */
export function looksLikeCaption(text: string, blankBefore: number): boolean {
  return (
    blankBefore >= 2 &&
    visibleLength(text) <= CAPTION_MAX &&
    /。$/.test(text) &&
    !matchByline(text) &&
    // A caption is one sentence; a second 。 inside means a paragraph fragment.
    (text.match(/。/g)?.length ?? 0) === 1
  );
}

let segmenter: Intl.Segmenter | undefined;

/**
 * Does a word run across the boundary between `left` and `right`? Uses the ICU word segmenter shipped
 * with Node (`服务需|求和对接` → 需求 spans the break), which tells a broken sentence from a heading
 * followed by its paragraph.
 */
export function wordSpansBoundary(left: string, right: string): boolean {
  const tail = left.slice(-4);
  const head = right.slice(0, 4);
  if (!HAN.test(tail.slice(-1)) || !HAN.test(head.slice(0, 1))) return false;
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  let offset = 0;
  for (const part of segmenter.segment(tail + head)) {
    const start = offset;
    offset += part.segment.length;
    if (start < tail.length && offset > tail.length && part.isWordLike) return true;
  }
  return false;
}

/** A fragment that starts with a measure word/unit (`场次。`) continues a paragraph that ended with a number. */
const UNIT_START = /^(场次|场|人次|余人|余名|余个|余场|名|人|个|次|项|家|万元|元|万|亿|件|条|期|支|篇|所|户|天|年)/;

export function startsWithUnit(text: string): boolean {
  return UNIT_START.test(text);
}

/** Remove whitespace and fold half/full-width forms, so texts compare as printed content. */
export function normalizeForCompare(text: string): string {
  return foldWidth(text.replace(/\s+/g, ''));
}

export function foldWidth(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/。/g, '.')
    .replace(/[“”]/g, '"')
    .replace(/(?:…+|\.{3,})/g, '…');
}
