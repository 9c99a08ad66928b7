/**
 * Content files must be UTF-8: the build (Vite) refuses anything else with an opaque UNLOADABLE_DEPENDENCY.
 * Editors' Windows tools sometimes save GBK (GB18030) instead; say so, and where the first bad byte is.
 */

export interface EncodingProblem {
  /** 1-based line and column of the first byte that is not valid UTF-8. */
  line: number;
  column: number;
  /** The bytes read cleanly as GB18030 (GBK): the file was most likely saved in that encoding. */
  looksLikeGbk: boolean;
}

/** Undefined when `bytes` are valid UTF-8 (with or without a byte-order mark). */
export function utf8Problem(bytes: Uint8Array): EncodingProblem | undefined {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return undefined;
  } catch {
    // The first invalid byte: after the longest prefix that decodes (a cut multi-byte character does not count).
    let good = 0;
    let bad = bytes.length;
    while (good < bad) {
      const middle = (good + bad + 1) >> 1;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, middle), { stream: true });
        good = middle;
      } catch {
        bad = middle - 1;
      }
    }
    const before = new TextDecoder('utf-8').decode(bytes.subarray(0, good));
    const lines = before.split('\n');
    let looksLikeGbk = false;
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(bytes);
      looksLikeGbk = true;
    } catch {
      looksLikeGbk = false;
    }
    return { line: lines.length, column: lines.at(-1)!.length + 1, looksLikeGbk };
  }
}
