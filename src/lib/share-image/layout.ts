/**
 * Line breaking for the share image's Chinese text, pure: a line may break between any two characters except
 * before closing punctuation (，。”）…) or after opening punctuation (“（《), and a Latin word or number stays whole.
 */

const noLineStart = /^[，。、；：？！）》〉」』”’…—·%,.;:?!)\]}]/;
const noLineEnd = /[（《〈「『“‘([{]$/;

/** Units that are never split: a run of Latin letters/digits, else one character. */
export function breakUnits(text: string): string[] {
  return text.match(/[A-Za-z0-9×.%\-]+|[\s\S]/gu) ?? [];
}

/**
 * Lines of `text` no wider than `maxWidth` (widths from `width`), at most `maxLines`; the last line ends with “…”
 * when the text does not fit. `width` measures a string in the same unit as `maxWidth`.
 */
export function wrapText(text: string, width: (s: string) => number, maxWidth: number, maxLines: number): { lines: string[]; truncated: boolean } {
  const units = breakUnits(text.trim());
  const lines: string[] = [];
  let line = '';
  for (let at = 0; at < units.length; at += 1) {
    const unit = units[at]!;
    const candidate = line + unit;
    if (line && width(candidate) > maxWidth) {
      // Keep closing punctuation with the character before it, opening punctuation with the one after.
      let carry = '';
      let current = line;
      if (noLineStart.test(unit) && current.length > 1) {
        carry = current.slice(-1);
        current = current.slice(0, -1);
      }
      while (noLineEnd.test(current) && current.length > 1) {
        carry = current.slice(-1) + carry;
        current = current.slice(0, -1);
      }
      lines.push(current.trimEnd());
      line = (carry + unit).trimStart();
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length <= maxLines) return { lines, truncated: false };
  const kept = lines.slice(0, maxLines);
  let last = kept[maxLines - 1]!;
  while (last.length > 1 && width(`${last}…`) > maxWidth) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.replace(/[，、；：（“《\s]+$/, '')}…`;
  return { lines: kept, truncated: true };
}
