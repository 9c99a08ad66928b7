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

  /** Paints `color` through a coverage mask placed at (x, y): over the same ink, coverages add up as paint
   * does (a + b·(1 − a)); over another ink, the stronger one stays. */
  paint(mask: CoverageMask, x: number, y: number, color: string) {
    const base = 1 + this.ink(color) * levels;
    const left = x + mask.left;
    const top = y + mask.top;
    for (let row = Math.max(0, -top); row < mask.height && top + row < this.height; row += 1) {
      const line = (top + row) * (this.width + 1) + 1;
      for (let col = Math.max(0, -left); col < mask.width && left + col < this.width; col += 1) {
        const cover = mask.coverage[row * mask.width + col]!;
        if (cover === 0) continue;
        const at = line + left + col;
        const old = this.scanlines[at]!;
        let level = Math.round((cover * levels) / 255);
        if (old !== 0) {
          const oldLevel = ((old - 1) % levels) + 1;
          if (old >= base && old < base + levels) level = Math.round(oldLevel + level - (oldLevel * level) / levels);
          else if (oldLevel >= level) continue;
        }
        if (level > 0) this.scanlines[at] = base + Math.min(levels, level) - 1;
      }
    }
  }
}
