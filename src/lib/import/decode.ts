/**
 * Turns the raw bytes of a layout export into text. The layout system writes UTF-8 (sometimes with a BOM),
 * older machines GB18030/GBK; line endings vary. Binary or empty input is refused with a message for the editor.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: 'utf-8' | 'utf-8-bom' | 'gb18030' | 'utf-16le' | 'utf-16be' }
  | { ok: false; message: string };

/** Control characters that never occur in a text page (tab, LF, CR and FF are fine). */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F\uFFFD]/g;

export function decodeInput(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, message: '文件是空的，没有可导入的内容。' };

  let text: string | undefined;
  let encoding: Extract<DecodeResult, { ok: true }>['encoding'] = 'utf-8';

  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
    encoding = 'utf-16le';
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
    encoding = 'utf-16be';
  } else {
    // NUL bytes mean a binary file (Word, PDF, image …); GB18030 would happily "decode" them.
    if (bytes.includes(0)) {
      return { ok: false, message: '这不是纯文本文件（含有二进制内容），请从排版系统导出 .txt 纯文本后再导入。' };
    }
    const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    const body = hasBom ? bytes.subarray(3) : bytes;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(body);
      encoding = hasBom ? 'utf-8-bom' : 'utf-8';
    } catch {
      try {
        text = new TextDecoder('gb18030', { fatal: true }).decode(body);
        encoding = 'gb18030';
      } catch {
        return { ok: false, message: '无法识别文件编码（既不是 UTF-8 也不是 GB18030/GBK），请另存为 UTF-8 文本后再导入。' };
      }
    }
  }

  const controls = text.match(CONTROL)?.length ?? 0;
  if (controls > 0 && controls / text.length > 0.01) {
    return { ok: false, message: '文件里有大量控制字符，看起来不是文本文件，请检查是否选错了文件。' };
  }

  text = text.replace(/\r\n?/g, '\n');
  if (text.trim() === '') return { ok: false, message: '文件只有空白，没有可导入的内容。' };
  return { ok: true, text, encoding };
}
