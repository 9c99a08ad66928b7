/**
 * A WOFF 1.0 font unpacked to the plain OpenType (sfnt) file it wraps, with Node's own zlib. fontkit can read WOFF
 * itself, but inflates it in JavaScript (tiny-inflate), which was a third of the share images' cost in a cold
 * build: each character set slice of the Noto fonts is unpacked once, the first time one of its letters is drawn.
 */
import { inflateSync } from 'node:zlib';

const woffSignature = 0x774f4646; // 'wOFF'

export function isWoff(data: Uint8Array): boolean {
  return data.length >= 44 && Buffer.from(data.buffer, data.byteOffset, 4).readUInt32BE(0) === woffSignature;
}

/** The sfnt inside a WOFF file (the WOFF specification, section 5); throws on a file that is not WOFF. */
export function woffToSfnt(data: Uint8Array): Buffer {
  const woff = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (!isWoff(woff)) throw new Error('不是 WOFF 字体文件');
  const flavor = woff.readUInt32BE(4);
  const tableCount = woff.readUInt16BE(12);
  const tables = Array.from({ length: tableCount }, (_, at) => {
    const entry = 44 + at * 20;
    const offset = woff.readUInt32BE(entry + 4);
    const compressedLength = woff.readUInt32BE(entry + 8);
    const length = woff.readUInt32BE(entry + 12);
    const stored = woff.subarray(offset, offset + compressedLength);
    const body = compressedLength < length ? inflateSync(stored) : stored;
    if (body.length !== length) throw new Error('WOFF 字体文件已损坏（表的长度不符）');
    return { tag: woff.readUInt32BE(entry), checksum: woff.readUInt32BE(entry + 16), body };
  });

  // Offset table and table records, then each table padded to four bytes (OpenType's layout).
  const headerLength = 12 + 16 * tableCount;
  const total = tables.reduce((sum, table) => sum + ((table.body.length + 3) & ~3), headerLength);
  const out = Buffer.alloc(total);
  const entrySelector = Math.floor(Math.log2(tableCount));
  const searchRange = 2 ** entrySelector * 16;
  out.writeUInt32BE(flavor, 0);
  out.writeUInt16BE(tableCount, 4);
  out.writeUInt16BE(searchRange, 6);
  out.writeUInt16BE(entrySelector, 8);
  out.writeUInt16BE(tableCount * 16 - searchRange, 10);
  let offset = headerLength;
  tables.forEach((table, at) => {
    const record = 12 + at * 16;
    out.writeUInt32BE(table.tag, record);
    out.writeUInt32BE(table.checksum, record + 4);
    out.writeUInt32BE(offset, record + 8);
    out.writeUInt32BE(table.body.length, record + 12);
    out.set(table.body, offset);
    offset += (table.body.length + 3) & ~3;
  });
  return out;
}
