/** What readers see where the printed source is incomplete (the content component <Gap>). */
export const defaultGapNote = '原版此处文字不全';

/** “（原版此处文字不全）”: the note in full-width brackets; an empty or missing note gives the default. */
export function gapMark(note?: string): string {
  const text = (note ?? '').trim().replace(/^[（(]+|[）)]+$/g, '').trim();
  return `（${text || defaultGapNote}）`;
}
