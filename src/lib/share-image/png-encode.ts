/**
 * A palette PNG (colour type 3, 8 bits a pixel) from an IndexedCanvas, written directly: no colour quantising and
 * no image library. Rows use filter 0 (none), as the PNG specification recommends for palette images, and deflate
 * looks only for runs (Z_RLE): a card is mostly runs of paper, so this is 1 ms a card against 4 ms at the default
 * level, for a file about a tenth larger (about 30 KB).
 */
import { constants, crc32, deflateSync } from 'node:zlib';
import type { IndexedCanvas } from './indexed-canvas.ts';

const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  out.set(data, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}

export function encodeIndexedPng(canvas: IndexedCanvas): Buffer {
  const { width, height } = canvas;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // bit depth 8, palette, deflate, adaptive filtering, no interlace
  return Buffer.concat([
    signature,
    chunk('IHDR', header),
    chunk('PLTE', canvas.palette()),
    chunk('IDAT', deflateSync(canvas.scanlines, { strategy: constants.Z_RLE })),
    chunk('IEND', new Uint8Array()),
  ]);
}
