/**
 * The build's gram postings without a string or an array per gram: the grams are the nodes of a trie (a gram is
 * its one-shorter prefix plus one code point, looked up in one open-addressing hash table of typed arrays), and
 * each gram's page numbers sit in chunks of one pooled set of Int32Arrays. A gram's string is made once, when
 * its shard file is written. Same keys, postings, shards and key order as a Map<string, number[]> filled by
 * addPosting (build-sidecar.ts), several times cheaper on thousands of pages.
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

const segmentBits = 20;
const segmentSize = 1 << segmentBits;
const segmentMask = segmentSize - 1;
/** A postings chunk: [next chunk, capacity, used, …pages]. */
const chunkHeader = 3;
const firstChunk = 4;
const largestChunk = 256;

function grown(array: Int32Array, size: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(Math.max(size, array.length * 2));
  next.set(array);
  return next;
}

/** Whether a key is an array index: JSON.stringify puts those first, in numeric order, whatever the insertion order. */
const isIndexKey = (key: string) => /^(?:0|[1-9]\d*)$/.test(key) && Number(key) < 4294967295;
const plainKey = (cp: number) => cp !== 0x22 && cp !== 0x5c && cp >= 0x20 && (cp < 0xd800 || cp > 0xdfff);

export class GramPostings {
  private parentOf = new Int32Array(1 << 16);
  private codeOf = new Int32Array(1 << 16);
  /** The last page added under a gram (so a page is listed once), -1 for none. */
  private lastPage = new Int32Array(1 << 16).fill(-1);
  private countOf = new Int32Array(1 << 16);
  private headOf = new Int32Array(1 << 16);
  private tailOf = new Int32Array(1 << 16);
  private nodes = rootCount;
  /** Hash table of node ids (0: empty), keyed by (parent, code point). */
  private slots = new Int32Array(1 << 17);
  private caretNode = -1;
  private tildeNode = -1;
  /** Grams in the order they got their first page: the Map's insertion order. */
  private appearance = new Int32Array(1 << 16);
  /** Number of grams with at least one page. */
  size = 0;
  private segments: Int32Array[] = [new Int32Array(segmentSize)];
  private segmentUsed = 1; // offset 0 means "no chunk"

  /** The gram `parent` + code point `code`, made if new. */
  child(parent: number, code: number): number {
    if (parent === this.caretNode) parent = titleRoot;
    else if (parent === this.tildeNode) parent = leadRoot;
    const slots = this.slots;
    const mask = slots.length - 1;
    let hash = Math.imul(parent ^ Math.imul(code, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const node = slots[at]!;
      if (node === 0) break;
      if (this.parentOf[node] === parent && this.codeOf[node] === code) return node;
    }
    return this.add(parent, code);
  }

  private add(parent: number, code: number): number {
    const node = this.nodes++;
    if (node >= this.parentOf.length) {
      this.parentOf = grown(this.parentOf, node + 1);
      this.codeOf = grown(this.codeOf, node + 1);
      const last = grown(this.lastPage, node + 1);
      last.fill(-1, this.lastPage.length);
      this.lastPage = last;
      this.countOf = grown(this.countOf, node + 1);
      this.headOf = grown(this.headOf, node + 1);
      this.tailOf = grown(this.tailOf, node + 1);
    }
    this.parentOf[node] = parent;
    this.codeOf[node] = code;
    if (parent === bodyRoot && code === caret) this.caretNode = node;
    if (parent === bodyRoot && code === tilde) this.tildeNode = node;
    if (this.nodes * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(node);
    return node;
  }

  private place(node: number) {
    const slots = this.slots;
    const mask = slots.length - 1;
    let hash = Math.imul(this.parentOf[node]! ^ Math.imul(this.codeOf[node]!, 0x9e3779b1), 0x85ebca6b);
    hash ^= hash >>> 15;
    let at = hash & mask;
    while (slots[at] !== 0) at = (at + 1) & mask;
    slots[at] = node;
  }

  private rehash(size: number) {
    this.slots = new Int32Array(size);
    for (let node = rootCount; node < this.nodes; node++) this.place(node);
  }

  private allocate(capacity: number): number {
    const length = chunkHeader + capacity;
    if (this.segmentUsed + length > segmentSize) {
      this.segments.push(new Int32Array(segmentSize));
      this.segmentUsed = 0;
    }
    const offset = ((this.segments.length - 1) << segmentBits) | this.segmentUsed;
    this.segmentUsed += length;
    const segment = this.segments[this.segments.length - 1]!;
    const at = offset & segmentMask;
    segment[at + 1] = capacity;
    return offset;
  }

  private append(chunk: number, page: number) {
    const segment = this.segments[chunk >>> segmentBits]!;
    const at = chunk & segmentMask;
    segment[at + chunkHeader + segment[at + 2]!] = page;
    segment[at + 2] = segment[at + 2]! + 1;
  }

  /** Adds page `n` to a gram's postings; pages are added in ascending order, each once (again is a no-op). */
  addPage(node: number, n: number): void {
    const last = this.lastPage[node]!;
    if (last === n) return;
    this.lastPage[node] = n;
    const count = this.countOf[node]!;
    this.countOf[node] = count + 1;
    if (count === 0) {
      if (this.size === this.appearance.length) this.appearance = grown(this.appearance, this.size + 1);
      this.appearance[this.size++] = node;
      return;
    }
    if (count === 1) {
      const chunk = this.allocate(firstChunk);
      this.headOf[node] = chunk;
      this.tailOf[node] = chunk;
      this.append(chunk, last);
      this.append(chunk, n);
      return;
    }
    let tail = this.tailOf[node]!;
    const segment = this.segments[tail >>> segmentBits]!;
    const at = tail & segmentMask;
    const capacity = segment[at + 1]!;
    if (segment[at + 2] === capacity) {
      const next = this.allocate(Math.min(capacity * 2, largestChunk));
      segment[at] = next;
      this.tailOf[node] = tail = next;
    }
    this.append(tail, n);
  }

  /** Adds page `n` under a gram given as its Map key (`^gram`, `~gram` or `gram`). */
  addKey(key: string, n: number): void {
    let node = bodyRoot;
    for (const char of key) node = this.child(node, char.codePointAt(0)!);
    if (node !== bodyRoot) this.addPage(node, n);
  }

  /** Writes a gram's code points, first to last, into `into`; returns (their number << 2) | its root. */
  private codesOf(node: number, into: Int32Array): number {
    let length = 0;
    while (node >= rootCount) {
      into[length++] = this.codeOf[node]!;
      node = this.parentOf[node]!;
    }
    into.subarray(0, length).reverse();
    return (length << 2) | node;
  }

  /** The Map key of a gram. */
  keyOf(node: number): string {
    const codes = new Int32Array(8);
    const packed = this.codesOf(node, codes);
    const length = packed >> 2;
    const root = packed & 3;
    let key = root === titleRoot ? '^' : root === leadRoot ? '~' : '';
    for (let i = 0; i < length; i++) key += String.fromCodePoint(codes[i]!);
    return key;
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
      totalBytes += units * 3 + this.countOf[node]! * 2 + 6;
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

  /** encodePostings of a gram's page numbers. */
  private encoded(node: number, base36: string[]): string {
    const count = this.countOf[node]!;
    if (count === 1) return base36[this.lastPage[node]!]!;
    let out = '';
    let last = -1;
    for (let chunk = this.headOf[node]!; chunk !== 0; ) {
      const segment = this.segments[chunk >>> segmentBits]!;
      const at = chunk & segmentMask;
      const used = segment[at + 2]!;
      for (let k = 0; k < used; k++) {
        const page = segment[at + chunkHeader + k]!;
        out += (last < 0 ? '' : ',') + base36[page - last - 1]!;
        last = page;
      }
      chunk = segment[at]!;
    }
    return out;
  }

  /**
   * The shard files' texts, shard 0 first: JSON.stringify of { key: encodePostings(pages) } with the keys in the
   * Map's insertion order, as the Map-based builder wrote them. `pages` is the number of pages (base-36 table).
   */
  *shardTexts(shards: number, pages: number): Generator<string> {
    const base36 = Array.from({ length: Math.max(1, pages) }, (_, n) => n.toString(36));
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
    for (let shard = 0; shard < shards; shard++) {
      let rest = '';
      let indexed: [number, string][] | undefined;
      for (let k = starts[shard]!; k < starts[shard + 1]!; k++) {
        const node = byShard[k]!;
        const packed = this.codesOf(node, codes);
        const length = packed >> 2;
        const root = packed & 3;
        let key = root === titleRoot ? '^' : root === leadRoot ? '~' : '';
        let plain = true;
        for (let i = 0; i < length; i++) {
          const code = codes[i]!;
          key += code > 0xffff ? String.fromCodePoint(code) : String.fromCharCode(code);
          if (!plainKey(code)) plain = false;
        }
        const entry = `${plain ? `"${key}"` : JSON.stringify(key)}:"${this.encoded(node, base36)}"`;
        if (root === bodyRoot && codes[0]! >= 0x30 && codes[0]! <= 0x39 && isIndexKey(key)) (indexed ??= []).push([Number(key), entry]);
        else rest += (rest ? ',' : '') + entry;
      }
      if (indexed) {
        const first = indexed.sort((a, b) => a[0] - b[0]).map(([, entry]) => entry).join(',');
        rest = rest ? `${first},${rest}` : first;
      }
      yield `{${rest}}`;
    }
  }
}
