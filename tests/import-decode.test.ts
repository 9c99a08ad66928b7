import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../src/lib/import/decode.ts';
import { segmentBlocks } from '../src/lib/import/blocks.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/import/${name}`, import.meta.url));
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('decodeInput', () => {
  it('reads plain UTF-8', () => {
    const result = decodeInput(fixture('small-page.txt'));
    expect(result).toMatchObject({ ok: true, encoding: 'utf-8' });
  });

  it('reads UTF-8 with a BOM and CRLF line endings to the same text', () => {
    const plain = decodeInput(fixture('small-page.txt'));
    const bom = decodeInput(fixture('small-page.bom-crlf.txt'));
    expect(bom).toMatchObject({ ok: true, encoding: 'utf-8-bom' });
    expect(bom.ok && bom.text).toBe(plain.ok && plain.text);
    expect(bom.ok && bom.text.includes('\r')).toBe(false);
  });

  it('reads GB18030/GBK to the same text', () => {
    const plain = decodeInput(fixture('small-page.txt'));
    const gb = decodeInput(fixture('small-page.gb18030.txt'));
    expect(gb).toMatchObject({ ok: true, encoding: 'gb18030' });
    expect(gb.ok && gb.text).toBe(plain.ok && plain.text);
  });

  it('turns old Mac CR line endings into LF', () => {
    const result = decodeInput(utf8('第一行。\r\r第二行。'));
    expect(result.ok && result.text).toBe('第一行。\n\n第二行。');
  });

  it('refuses empty and whitespace-only input with a Chinese message', () => {
    for (const bytes of [new Uint8Array(), utf8(' \n\t\r\n  ')]) {
      const result = decodeInput(bytes);
      expect(result.ok).toBe(false);
      expect(!result.ok && result.message).toMatch(/空/);
    }
  });

  it('refuses binary input (NUL bytes)', () => {
    const result = decodeInput(fixture('binary.bin'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/二进制/);
  });

  it('refuses text full of control characters', () => {
    const result = decodeInput(utf8('\u0001\u0002\u0003\u0004劳模\u0005\u0006\u0007\u0008'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/控制字符/);
  });
});

describe('segmentBlocks', () => {
  it('keeps line numbers and counts the blank lines above each line', () => {
    const blocks = segmentBlocks('\n\n# 标题\n\n正文。\n\n\n\n图片说明。');
    expect(blocks).toEqual([
      { line: 3, text: '标题', blankBefore: 2, mdLevel: 1 },
      { line: 5, text: '正文。', blankBefore: 1, mdLevel: 0 },
      { line: 9, text: '图片说明。', blankBefore: 3, mdLevel: 0 },
    ]);
  });
});
