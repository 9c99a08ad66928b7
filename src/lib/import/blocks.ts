/** Splits decoded text into non-empty lines with their position and the blank lines above them. */
import type { Block } from './types.ts';

const MD_HEADING = /^(#{1,6})\s+(.*)$/;

export function segmentBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let blank = 0;
  text.split('\n').forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '') {
      blank += 1;
      return;
    }
    const md = MD_HEADING.exec(trimmed);
    blocks.push({
      line: index + 1,
      text: md ? md[2].trim() : trimmed,
      blankBefore: blank,
      mdLevel: md ? md[1].length : 0,
    });
    blank = 0;
  });
  return blocks;
}

/** The `#` markers dropped from a Markdown heading line, for the text accounting. */
export function markdownMarker(block: Block): string {
  return block.mdLevel > 0 ? '#'.repeat(block.mdLevel) : '';
}
