/**
 * The build's gram postings without a string or an array per gram: the grams are the nodes of a trie (a gram is
 * its one-shorter prefix plus one code point, looked up in one open-addressing hash table of typed arrays), and
 * the (page, gram) pairs are logged as they come, inverted into each gram's pages only when the files are written. A gram's string is made once, when
 * its shard file is written. Same keys, postings, shards and key order as a Map<string, number[]> filled by
 * addPosting (build-sidecar.ts), several times cheaper on thousands of pages.
 *
 * A gram also knows its suffix (itself without the first code point), so sliding a 4-character window along a
 * run costs one lookup per position.
 *
 * Keys are the Map's strings: a title gram is `^gram`, a lead gram `~gram`. '^' and '~' (also ＾ ～ folded) are
 * kept in page text, so a body gram can be the very string of a title or lead gram (`~5年` in 3～5年): the body
 * gram `^` / `~` leads into the title / lead trie, and such grams share one node, as they shared one Map entry.
 */
export const titleRoot = 0;
export const leadRoot = 1;
export const bodyRoot = 2;
const rootCount = 3;
const caret = 0x5e;
const tilde = 0x7e;

const stride = 8;
const parentField = 0;
const codeField = 1;
const lastField = 2;
const countField = 3;
/** While the files are written: where the gram's pages start in the inverted log, and the next free place. */
const startField = 4;
const cursorField = 5;
/** The gram without its first code point (-1: not yet known), in the same root: the next window of a run. */
const suffixField = 6;

const segmentBits = 20;
const segmentSize = 1 << segmentBits;
const segmentMask = segmentSize - 1;

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

const plainKey = (cp: number) => cp !== 0x22 && cp !== 0x5c && cp >= 0x20 && (cp < 0xd800 || cp > 0xdfff);

export class GramPostings {
  /** Each gram's record, `stride` numbers: parent gram, last code point, last page (-1: none), count, start and cursor (while inverting), suffix. */
  private data = grown(new Int32Array(0), stride << 16);
  private nodes = rootCount;
  /** The 1-grams of each root by BMP code point (0: none), so the commonest lookup needs no hashing. */
  private rootChildren = new Int32Array(rootCount << 16);
  /** Hash table of gram ids (0: empty), keyed by (parent, code point). */
  private slots = new Int32Array(1 << 17);
  private caretNode = -1;
  private tildeNode = -1;
  /** Grams in the order they got their first page: the Map's insertion order. */
  private appearance = new Int32Array(1 << 16);
  /** Number of grams with at least one page. */
  size = 0;
  /**
   * Every (page, gram) pair, as the gram, page after page (sequential writes while pages are added; inverted
   * into each gram's pages when the files are written). In segments, so growing never copies it.
   */
  private log: Int32Array[] = [];
  private logLength = 0;
  /** Where each page's grams start in the log; pageStarts[n + 1] is set when page n + 1 begins. */
  private pageStarts = new Int32Array(1 << 12);
  private pages = 0;

  /** The gram `parent` + code point `code`, made if new. */
  child(parent: number, code: number): number {
    if (parent < rootCount) {
      if (code < 0x10000) return this.rootChildren[(parent << 16) | code] || this.add(parent, code);
    } else if (parent === this.caretNode) return this.child(titleRoot, code);
    else if (parent === this.tildeNode) return this.child(leadRoot, code);
    const slots = this.slots;
    const data = this.data;
    const mask = slots.length - 1;
    let hash = Math.imul(parent ^ Math.imul(code, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const node = slots[at]!;
      if (node === 0) break;
      const record = node * stride;
      if (data[record + parentField] === parent && data[record + codeField] === code) return node;
    }
    return this.add(parent, code);
  }

  /** The gram without its first code point, in the same root (the root itself for a 1-gram). */
  suffix(node: number): number {
    const record = node * stride;
    let suffix = this.data[record + suffixField]!;
    if (suffix >= 0) return suffix;
    const parent = this.data[record + parentField]!;
    suffix = parent < rootCount ? parent : this.child(this.suffix(parent), this.data[record + codeField]!);
    this.data[record + suffixField] = suffix;
    return suffix;
  }

  private chain = new Int32Array(8);

  /**
   * Adds page `n` to a gram and its prefixes, shortest first (the order gramsOf lists them). A gram already on
   * page n has its prefixes there too, so the walk up stops at the first one.
   */
  addChain(node: number, n: number): void {
    const data = this.data;
    const chain = this.chain;
    let depth = 0;
    while (node >= rootCount && data[node * stride + lastField] !== n) {
      chain[depth++] = node;
      node = data[node * stride + parentField]!;
    }
    while (depth > 0) this.addPage(chain[--depth]!, n);
  }

  private add(parent: number, code: number): number {
    const node = this.nodes++;
    if ((node + 1) * stride > this.data.length) this.data = grown(this.data, (node + 1) * stride);
    const record = node * stride;
    this.data[record + parentField] = parent;
    this.data[record + codeField] = code;
    this.data[record + lastField] = -1;
    this.data[record + suffixField] = -1;
    if (parent === bodyRoot && code === caret) this.caretNode = node;
    if (parent === bodyRoot && code === tilde) this.tildeNode = node;
    if (parent < rootCount && code < 0x10000) this.rootChildren[(parent << 16) | code] = node;
    else if (this.nodes * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(node);
    return node;
  }

  private place(node: number) {
    const slots = this.slots;
    const mask = slots.length - 1;
    const record = node * stride;
    let hash = Math.imul(this.data[record + parentField]! ^ Math.imul(this.data[record + codeField]!, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    let at = hash & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = node;
  }

  private rehash(size: number) {
    this.slots = new Int32Array(size);
    for (let node = rootCount; node < this.nodes; node++) {
      const record = node * stride;
      if (this.data[record + parentField]! >= rootCount || this.data[record + codeField]! >= 0x10000) this.place(node);
    }
  }

  private beginPage(n: number) {
    if (n + 2 > this.pageStarts.length) this.pageStarts = grown(this.pageStarts, n + 2);
    for (; this.pages <= n; this.pages++) this.pageStarts[this.pages] = this.logLength;
  }

  /** Adds page `n` to a gram's postings; pages are added in ascending order, each once (again is a no-op). */
  addPage(node: number, n: number): void {
    const data = this.data;
    const record = node * stride;
    if (data[record + lastField] === n) return;
    if (n >= this.pages) this.beginPage(n);
    data[record + lastField] = n;
    const count = data[record + countField]!;
    data[record + countField] = count + 1;
    if (count === 0) {
      if (this.size === this.appearance.length) this.appearance = grown(this.appearance, this.size + 1);
      this.appearance[this.size++] = node;
    }
    const at = this.logLength & segmentMask;
    if (at === 0) this.log.push(new Int32Array(segmentSize));
    this.log[this.logLength >>> segmentBits]![at] = node;
    this.logLength++;
  }

  /**
   * Each gram's pages, ascending, in one array: a gram's start is set in its record. The log is read page by
   * page, so each gram's places fill in page order.
   */
  private invert(): Int32Array {
    const data = this.data;
    const pages = new Int32Array(this.logLength);
    let start = 0;
    for (let i = 0; i < this.size; i++) {
      const record = this.appearance[i]! * stride;
      data[record + startField] = start;
      data[record + cursorField] = start;
      start += data[record + countField]!;
    }
    this.pageStarts[this.pages] = this.logLength;
    for (let n = 0; n < this.pages; n++) {
      for (let k = this.pageStarts[n]!, end = this.pageStarts[n + 1]!; k < end; k++) {
        const record = this.log[k >>> segmentBits]![k & segmentMask]! * stride;
        pages[data[record + cursorField]!++] = n;
      }
    }
    return pages;
  }

  /** Writes a gram's code points, first to last, into `into`; returns (their number << 2) | its root. */
  private codesOf(node: number, into: Int32Array): number {
    let length = 0;
    while (node >= rootCount) {
      into[length++] = this.data[node * stride + codeField]!;
      node = this.data[node * stride + parentField]!;
    }
    into.subarray(0, length).reverse();
    return (length << 2) | node;
  }

  /** The number of shards: the estimated raw size of all postings (as shardCount computes it) over shardBytes. */
  shardCount(shardBytes: number): number {
    let totalBytes = 0;
    const codes = new Int32Array(8);
    for (let i = 0; i < this.size; i++) {
      const node = this.appearance[i]!;
      const packed = this.codesOf(node, codes);
      const length = packed >> 2;
      let units = (packed & 3) === bodyRoot ? 0 : 1;
      for (let k = 0; k < length; k++) units += codes[k]! > 0xffff ? 2 : 1;
      totalBytes += units * 3 + this.data[node * stride + countField]! * 2 + 6;
    }
    return Math.max(1, Math.ceil(totalBytes / shardBytes));
  }

  /** shardOf(bareGram(key)): FNV-1a over the UTF-16 code units of the key without its title or lead prefix. */
  private shardOfNode(node: number, shards: number, codes: Int32Array): number {
    const packed = this.codesOf(node, codes);
    const length = packed >> 2;
    let from = 0;
    if ((packed & 3) === bodyRoot && length > 0 && (codes[0] === caret || codes[0] === tilde)) from = 1;
    let hash = 0x811c9dc5;
    for (let k = from; k < length; k++) {
      const code = codes[k]!;
      if (code > 0xffff) {
        hash ^= ((code - 0x10000) >> 10) + 0xd800;
        hash = Math.imul(hash, 0x01000193);
        hash ^= ((code - 0x10000) & 0x3ff) + 0xdc00;
      } else hash ^= code;
      hash = Math.imul(hash, 0x01000193);
    }
    return (hash >>> 0) % shards;
  }

  /** The shard text being written, as UTF-16 code units. */
  private text = new Uint16Array(1 << 16);
  private textLength = 0;

  private reserve(units: number) {
    if (this.textLength + units <= this.text.length) return;
    const next = new Uint16Array(Math.max(this.textLength + units, this.text.length * 2));
    next.set(this.text.subarray(0, this.textLength));
    this.text = next;
  }

  /** Writes a number in base 36 (as Number.prototype.toString(36)). */
  private writeBase36(value: number) {
    const text = this.text;
    if (value < 36) {
      text[this.textLength++] = value < 10 ? 0x30 + value : 0x57 + value;
      return;
    }
    let digits = 0;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 36)) digits++;
    let at = this.textLength + digits;
    this.textLength = at;
    for (let rest = value; rest > 0; rest = Math.floor(rest / 36)) {
      const digit = rest % 36;
      text[--at] = digit < 10 ? 0x30 + digit : 0x57 + digit;
    }
  }

  /** Writes `"key":"postings"` (JSON.stringify of the key, encodePostings of its pages). */
  private writeEntry(node: number, codes: Int32Array, length: number, root: number, pages: Int32Array) {
    const count = this.data[node * stride + countField]!;
    this.reserve(length * 12 + 8 + count * 8);
    const text = this.text;
    let plain = true;
    for (let i = 0; i < length; i++) if (!plainKey(codes[i]!)) plain = false;
    if (plain) {
      text[this.textLength++] = 0x22;
      if (root === titleRoot) text[this.textLength++] = caret;
      else if (root === leadRoot) text[this.textLength++] = tilde;
      for (let i = 0; i < length; i++) {
        const code = codes[i]!;
        if (code > 0xffff) {
          text[this.textLength++] = ((code - 0x10000) >> 10) + 0xd800;
          text[this.textLength++] = ((code - 0x10000) & 0x3ff) + 0xdc00;
        } else text[this.textLength++] = code;
      }
      text[this.textLength++] = 0x22;
    } else {
      let key = root === titleRoot ? '^' : root === leadRoot ? '~' : '';
      for (let i = 0; i < length; i++) key += String.fromCodePoint(codes[i]!);
      const json = JSON.stringify(key);
      for (let i = 0; i < json.length; i++) text[this.textLength++] = json.charCodeAt(i);
    }
    text[this.textLength++] = 0x3a;
    text[this.textLength++] = 0x22;
    let last = -1;
    for (let k = this.data[node * stride + startField]!, end = k + count; k < end; k++) {
      const page = pages[k]!;
      if (last >= 0) this.text[this.textLength++] = 0x2c;
      this.writeBase36(page - last - 1);
      last = page;
    }
    this.text[this.textLength++] = 0x22;
  }

  /**
   * The shard files' texts, shard 0 first: JSON.stringify of { key: encodePostings(pages) } with the keys in the
   * Map's insertion order, as the Map-based builder wrote them (array-index keys first, as JSON.stringify puts
   * them). Lone surrogates are escaped in keys, so the code units decode to the same string.
   */
  *shardTexts(shards: number): Generator<string> {
    const codes = new Int32Array(8);
    const shardOfGram = new Int32Array(this.size);
    const starts = new Int32Array(shards + 1);
    for (let i = 0; i < this.size; i++) {
      const shard = this.shardOfNode(this.appearance[i]!, shards, codes);
      shardOfGram[i] = shard;
      starts[shard + 1] = starts[shard + 1]! + 1;
    }
    for (let shard = 0; shard < shards; shard++) starts[shard + 1] = starts[shard + 1]! + starts[shard]!;
    const byShard = new Int32Array(this.size);
    const filled = starts.slice(0, shards);
    for (let i = 0; i < this.size; i++) byShard[filled[shardOfGram[i]!]!++] = this.appearance[i]!;
    const decoder = new TextDecoder('utf-16le');
    const pages = this.invert();
    for (let shard = 0; shard < shards; shard++) {
      this.textLength = 0;
      this.reserve(2);
      this.text[this.textLength++] = 0x7b;
      // Array-index keys (digits only, no leading zero): first, in numeric order.
      let indexed: [number, number][] | undefined;
      for (let k = starts[shard]!; k < starts[shard + 1]!; k++) {
        const node = byShard[k]!;
        const value = this.indexValue(node, codes);
        if (value >= 0) (indexed ??= []).push([value, node]);
      }
      if (indexed) {
        for (const [, node] of indexed.sort((a, b) => a[0] - b[0])) {
          const packed = this.codesOf(node, codes);
          if (this.textLength > 1) this.text[this.textLength++] = 0x2c;
          this.writeEntry(node, codes, packed >> 2, packed & 3, pages);
        }
      }
      for (let k = starts[shard]!; k < starts[shard + 1]!; k++) {
        const node = byShard[k]!;
        if (indexed && this.indexValue(node, codes) >= 0) continue;
        const packed = this.codesOf(node, codes);
        if (this.textLength > 1) this.text[this.textLength++] = 0x2c;
        this.writeEntry(node, codes, packed >> 2, packed & 3, pages);
      }
      this.reserve(1);
      this.text[this.textLength++] = 0x7d;
      yield decoder.decode(this.text.subarray(0, this.textLength));
    }
  }

  /** The number a key stands for if JSON.stringify treats it as an array index (canonical digits), else -1. */
  private indexValue(node: number, codes: Int32Array): number {
    const last = this.data[node * stride + codeField]!;
    if (node < rootCount || last < 0x30 || last > 0x39) return -1;
    const packed = this.codesOf(node, codes);
    const length = packed >> 2;
    if ((packed & 3) !== bodyRoot || length === 0 || (codes[0] === 0x30 && length > 1)) return -1;
    let value = 0;
    for (let i = 0; i < length; i++) {
      const code = codes[i]!;
      if (code < 0x30 || code > 0x39) return -1;
      value = value * 10 + (code - 0x30);
    }
    return value < 4294967295 ? value : -1;
  }
}
