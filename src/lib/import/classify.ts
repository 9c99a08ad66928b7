/**
 * Gives every line a role: heading (headline or section heading), caption, editor's-note label or body.
 * Headings are decided by shape; a heading-shaped line whose last word runs on into the next paragraph
 * (`在认真做好广泛征求服务需` + `求和对接…`) is a broken sentence and goes back to the body.
 */
import type { Block, ClassifiedBlock, Repair } from './types.ts';
import { excerpt } from './types.ts';
import { looksLikeCaption, looksLikeHeading, matchByline, matchNoteLabel, matchOrgHeading, wordSpansBoundary } from './text-shape.ts';

export function classifyBlocks(blocks: Block[], repairs: Repair[]): ClassifiedBlock[] {
  // A page that marks its headings with `#` has told us which lines are headings.
  const markdownPage = blocks.some((block) => block.mdLevel > 0);

  const classified: ClassifiedBlock[] = blocks.map((block, index) => {
    if (block.mdLevel > 0) return { ...block, kind: 'heading' };
    const note = matchNoteLabel(block.text);
    if (note) return { ...block, kind: 'note-label', noteInline: note.rest || undefined };
    if (index > 0 && looksLikeCaption(block.text, block.blankBefore)) return { ...block, kind: 'caption' };
    if (!markdownPage && (looksLikeHeading(block.text) || matchOrgHeading(block.text)) && !matchByline(block.text)) {
      return { ...block, kind: 'heading' };
    }
    return { ...block, kind: 'body' };
  });

  for (let i = 0; i < classified.length - 1; i += 1) {
    const block = classified[i];
    const next = classified[i + 1];
    if (block.kind !== 'heading' || block.mdLevel > 0 || next.kind !== 'body') continue;
    if (next.blankBefore > 1 || matchByline(next.text)) continue;
    if (wordSpansBoundary(block.text, next.text)) {
      block.kind = 'body';
      repairs.push({
        kind: 'fragment-heading',
        line: block.line,
        message: '看似标题的短行其实是被断开的句子（词语跨行），按正文处理',
        excerpt: `${block.text}｜${excerpt(next.text, 10)}`,
      });
    }
  }
  return classified;
}
