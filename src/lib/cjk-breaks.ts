/**
 * Line-break opportunities around Chinese curly quotes. Unicode line breaking (UAX #14, rule LB19) forbids a
 * break on either side of “ ” ‘ ’, because in Western text they may open or close. Browsers apply it to Chinese
 * too, so “2×4”团队 in a narrow column cannot wrap before the quote and the justified line before it is
 * stretched with wide gaps. clreq allows a break before an opening quote and after a closing one, so we add a
 * `<wbr>` there — only where the quote sits against a Han character or other CJK punctuation, never where it
 * would put closing punctuation at a line start or opening punctuation at a line end. `<wbr>` is no character:
 * copying, searching and the search index see the text unchanged.
 */

const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const openingQuote = new Set(['“', '‘']);
const closingQuote = new Set(['”', '’']);
/** Closing punctuation after which a line may end before an opening quote. */
const closingPunctuation = new Set([...'，。、；：？！）》」』】〉']);
/** Opening punctuation that may start a line after a closing quote. */
const openingPunctuation = new Set([...'（《「『【〈“‘']);

/** The text with `<wbr>` at the break opportunities clreq allows around curly quotes. Text only, no markup. */
export function quoteBreaksInText(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i]!;
    const previous = text[i - 1];
    const next = text[i + 1];
    if (openingQuote.has(ch) && previous && (han.test(previous) || closingPunctuation.has(previous) || closingQuote.has(previous))) out += '<wbr>';
    out += ch;
    if (closingQuote.has(ch) && next && (han.test(next) || (openingPunctuation.has(next) && !openingQuote.has(next)))) out += '<wbr>';
  }
  return out;
}

const skipped = /^<(script|style|pre|code|textarea|title)\b/i;

/** Applies `quoteBreaksInText` to the text of an HTML fragment, leaving tags, attributes and code alone. */
export function addQuoteBreaks(html: string): string {
  const parts = html.split(/(<[^>]*>)/);
  let skipUntil: string | undefined;
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        const opening = skipped.exec(part);
        if (!skipUntil && opening) skipUntil = `</${opening[1]!.toLowerCase()}`;
        else if (skipUntil && part.toLowerCase().startsWith(skipUntil)) skipUntil = undefined;
        return part;
      }
      return skipUntil ? part : quoteBreaksInText(part);
    })
    .join('');
}
