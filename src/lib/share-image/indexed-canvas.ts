/**
 * A picture in a few colours on a plain background, kept as palette indices (one byte a pixel), which is what the
 * share card is: text and rules in four inks on paper. Each ink has `levels` shades towards the paper for the
 * anti-aliased edges of letters, so a PNG of it needs no colour quantising and compresses to a few tens of KB.
 */
import type { CoverageMask } from './rasterize.ts';

/** Shades per ink; 32 steps of coverage are finer than the eye can tell at letter edges. */
const levels = 32;

type Rgb = [number, number, number];

const parseHex = (hex: string): Rgb => [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)) as Rgb;

export class IndexedCanvas {
  /**
   * The pixels as PNG scanlines: each row is a filter byte (0, none) and then the palette index of each pixel,
   * so the PNG encoder deflates this buffer as it is. Index 0 is the paper; ink i at level l (1…levels) is
   * 1 + i·levels + l − 1.
   */
  readonly scanlines: Uint8Array;
  readonly width: number;
  readonly height: number;
  private readonly inks: string[];
  private readonly paper: Rgb;

  constructor(width: number, height: number, paper: string, inks: readonly string[]) {
    this.width = width;
    this.height = height;
    if (1 + inks.length * levels > 256) throw new Error(`一张图最多 ${Math.floor(255 / levels)} 种颜色`);
    this.scanlines = new Uint8Array((width + 1) * height);
    this.inks = [...inks];
    this.paper = parseHex(paper);
  }

  /** The palette index of the pixel at (x, y). */
  index(x: number, y: number): number {
    return this.scanlines[y * (this.width + 1) + 1 + x]!;
  }

  /** Back to blank paper, to draw the next picture without allocating another buffer. */
  clear() {
    this.scanlines.fill(0);
  }

  private ink(color: string): number {
    const at = this.inks.indexOf(color);
    if (at < 0) throw new Error(`颜色 ${color} 不在这张图的调色板里`);
    return at;
  }

  /** The palette as RGB triplets, in index order. */
  palette(): Uint8Array {
    const out = new Uint8Array(3 * (1 + this.inks.length * levels));
    out.set(this.paper, 0);
    this.inks.forEach((hex, ink) => {
      const rgb = parseHex(hex);
      for (let level = 1; level <= levels; level += 1) {
        const a = level / levels;
        const at = 3 * (1 + ink * levels + level - 1);
        for (let c = 0; c < 3; c += 1) out[at + c] = Math.round(this.paper[c]! * (1 - a) + rgb[c]! * a);
      }
    });
    return out;
  }

  fillRect(x: number, y: number, width: number, height: number, color: string) {
    const index = 1 + this.ink(color) * levels + levels - 1;
    for (let row = Math.max(0, y); row < Math.min(this.height, y + height); row += 1) {
      const start = row * (this.width + 1) + 1;
      this.scanlines.fill(index, start + Math.max(0, x), start + Math.min(this.width, x + width));
    }
  }

  /** Paints `color` through an ink mask placed at (x, y): over the same ink, coverages add up as paint does
   * (a + b·(1 − a)); over another ink, the stronger one stays. Pixels off the canvas are left out. */
  paint(mask: InkMask, x: number, y: number, color: string) {
    const base = 1 + this.ink(color) * levels;
    const stride = this.width + 1;
    const { rows, cols, shades } = mask;
    for (let at = 0; at < shades.length; at += 1) {
      const px = x + mask.left + cols[at]!;
      const py = y + mask.top + rows[at]!;
      if (px < 0 || py < 0 || px >= this.width || py >= this.height) continue;
      const offset = py * stride + 1 + px;
      const old = this.scanlines[offset]!;
      let level = shades[at]!;
      if (old !== 0) {
        const oldLevel = ((old - 1) % levels) + 1;
        if (old >= base && old < base + levels) level = Math.min(levels, Math.round(oldLevel + level - (oldLevel * level) / levels));
        else if (oldLevel >= level) continue;
      }
      this.scanlines[offset] = base + level - 1;
    }
  }
}

/** A coverage mask as the canvas paints it: only its inked pixels (row, column, shade 1…levels), so painting a
 * letter touches its strokes and not the empty part of its box. */
export interface InkMask {
  left: number;
  top: number;
  rows: Uint16Array;
  cols: Uint16Array;
  shades: Uint8Array;
}

export function inkMask(mask: CoverageMask): InkMask {
  const shadeOf = (cover: number) => Math.round((cover * levels) / 255);
  let count = 0;
  for (const cover of mask.coverage) if (shadeOf(cover) > 0) count += 1;
  const rows = new Uint16Array(count);
  const cols = new Uint16Array(count);
  const shades = new Uint8Array(count);
  let at = 0;
  mask.coverage.forEach((cover, index) => {
    const shade = shadeOf(cover);
    if (shade === 0) return;
    rows[at] = Math.floor(index / mask.width);
    cols[at] = index % mask.width;
    shades[at] = shade;
    at += 1;
  });
  return { left: mask.left, top: mask.top, rows, cols, shades };
}
