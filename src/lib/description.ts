/**
 * The description of a page for search engines and link previews (`<meta name="description">`, og:description):
 * the article's lead or 编者按, 60–120 characters, ending at a sentence end (。！？) or with “…” at a clause or
 * word boundary — never “单位：标题”, never cut mid-word. Pure text in, text out.
 */

export const descriptionLength = { min: 60, max: 120 } as const;

const sentenceEnd = /[。！？!?][”’」』）)]*/g;
const clauseEnd = /[，；：、,;:]/g;
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

/** Markup an editor may write inside a paragraph, reduced to the text a reader sees. */
function plainText(markdown: string): string {
  return markdown
    .replace(/\{\/\*[\s\S]*?\*\/\}/g, '') // {/* comments */}
    .replace(/<Gap\b[^>]*\/>[\s\S]*$/, '') // the source breaks off here: nothing after it is the lead's
    .replace(/<[^>]+>/g, '') // other tags (their text stays)
    .replace(/\[\^[^\]]+\]/g, '') // footnote references
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1') // links and images → their text
    .replace(/(\*\*|__|\*|_|~~|`)/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The opening prose of an MDX body: its first paragraphs (no import, component, list or table), up to the first
 * heading and about `enough` characters — so a one-line first paragraph still gives a description.
 */
export function leadText(body: string, enough = 2 * descriptionLength.max): string | undefined {
  const text = body.replace(/^---\n[\s\S]*?\n---\n/, '');
  const paragraphs: string[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const trimmed = block.trim();
    if (/^#/.test(trimmed) && paragraphs.length) break;
    if (!trimmed || /^(import|export)\s/.test(trimmed) || /^(#|<|\{|\||[-*+] |\d+\. |\[\^|\[[^\]]+\]:)/.test(trimmed)) continue;
    const plain = plainText(trimmed.replace(/^>\s?/gm, ''));
    if (!/[\u4e00-\u9fff]/.test(plain)) continue;
    paragraphs.push(plain);
    // Text after a gap in the source does not continue the sentence before it.
    if (/<Gap\b/.test(trimmed) || paragraphs.join('').length >= enough) break;
  }
  return paragraphs.length ? paragraphs.join('') : undefined;
}

/** A news dateline (“本报讯 通讯员某某报道”) says nothing about the article. */
function withoutDateline(text: string): string {
  return text.replace(/^(?:本报讯\s*(?:[（(][^）)]*[）)])?\s*)?(?:(?:记者|通讯员)[\u4e00-\u9fff·]{1,6}\s*)*(?:(?:记者|通讯员)[\u4e00-\u9fff·]{1,6}\s+)/, '').replace(/^本报讯\s+/, '').trim();
}

/** Cut `text` to at most `limit` characters at the last clause boundary (else word boundary) and add “…”. */
function cutWithEllipsis(text: string, limit: number, floor: number): string {
  const room = text.slice(0, limit - 1);
  let at = -1;
  for (const match of room.matchAll(clauseEnd)) if (match.index >= floor) at = match.index;
  if (at === -1) {
    // No clause boundary late enough: the last whole word that fits.
    at = 0;
    for (const { index, segment } of wordSegmenter.segment(text)) {
      if (index + segment.length > limit - 1) break;
      at = index + segment.length;
    }
  }
  return `${text.slice(0, at).replace(/[，；：、,;:\s“‘「『（(]+$/, '')}…`;
}

/**
 * 60–120 characters from the first source that has prose (lead, 编者按, …): whole sentences when they fit,
 * otherwise cut at a clause or word boundary with “…”. A source shorter than the minimum is used whole if no
 * later source is long enough. Returns undefined when no source has text.
 */
export function describe(sources: readonly (string | undefined)[], { min, max } = descriptionLength): string | undefined {
  const texts = sources.map((source) => (source ? withoutDateline(source.replace(/\s+/g, ' ').trim()) : '')).filter(Boolean);
  const long = texts.find((text) => text.length >= min) ?? texts[0];
  if (!long) return undefined;

  let end = 0;
  for (const match of long.matchAll(sentenceEnd)) {
    const next = match.index + match[0].length;
    if (next > max) break;
    end = next;
    if (end >= min) break;
  }
  if (end >= min || (end > 0 && end === long.length)) return long.slice(0, end);
  if (long.length <= max && /[。！？!?][”’」』）)]*$/.test(long)) return long;
  // An unfinished text (no sentence end: a source that breaks off) or a long sentence: cut before `max`.
  return cutWithEllipsis(long, Math.min(max, long.length + 1), Math.min(min, Math.floor(long.length / 2)));
}
