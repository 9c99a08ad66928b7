/**
 * Glyph outlines from fonts that come from npm (@fontsource/noto-serif-sc, @fontsource/noto-sans-sc), so a share
 * image is the same on every machine: no system font is ever asked. Fontsource splits each weight into slices by
 * unicode-range (its CSS says which); a slice is opened only when a character needs it.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import * as fontkit from 'fontkit';
import type { PathCommand } from './rasterize.ts';
import { woffToSfnt } from './woff.ts';

export interface Glyph {
  /** SVG path data at `size` px, drawn with its baseline start at (x, y). */
  path: (size: number, x: number, y: number) => string;
  /** Advance in em. */
  advance: number;
  /** The outline in font units (y up, origin at the baseline start), for the share card's rasterizer. */
  commands: readonly PathCommand[];
  unitsPerEm: number;
}

export type FontFamily = 'noto-serif-sc' | 'noto-sans-sc';

interface Slice { file: string; ranges: [number, number][] }
type FontkitFont = { unitsPerEm: number; glyphForCodePoint: (cp: number) => { id: number; advanceWidth: number; path: { commands: PathCommand[]; toSVG: () => string; scale: (x: number, y?: number) => { translate: (x: number, y: number) => { toSVG: () => string } } } }; hasGlyphForCodePoint: (cp: number) => boolean };

const require = createRequire(import.meta.url);

/** `U+4e00-4e3f,U+3002` → [[0x4e00, 0x4e3f], [0x3002, 0x3002]]. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text.split(',').map((part) => {
    const [start, end] = part.trim().replace(/^U\+/i, '').split('-');
    return [parseInt(start!, 16), parseInt(end ?? start!, 16)] as [number, number];
  });
}

/** The slices of a Fontsource weight's CSS, with their .woff files (fontkit reads woff without a brotli step). */
export function parseFontsourceCss(css: string): { file: string; ranges: [number, number][] }[] {
  const slices: Slice[] = [];
  for (const [block] of css.matchAll(/@font-face\s*{[^}]*}/g)) {
    const file = /url\(\.\/files\/([^)]+?\.woff)\)\s*format\('woff'\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) slices.push({ file, ranges: parseUnicodeRange(range) });
  }
  return slices;
}

export class GlyphSource {
  private readonly slices: Slice[];
  private readonly opened = new Map<string, FontkitFont>();
  private readonly glyphs = new Map<string, Glyph | undefined>();
  private readonly dir: string;

  /** Which font this is (family and weight), e.g. `noto-sans-sc/400`. */
  readonly key: string;

  constructor(family: FontFamily, weight: number) {
    this.key = `${family}/${weight}`;
    this.dir = dirname(require.resolve(`@fontsource/${family}/${weight}.css`));
    this.slices = parseFontsourceCss(readFileSync(join(this.dir, `${weight}.css`), 'utf8'));
  }

  private font(file: string): FontkitFont {
    let font = this.opened.get(file);
    if (!font) {
      // Unpacked with Node's zlib: fontkit's own WOFF reader inflates in JavaScript, slowly, and fails on a few
      // slices (noto-sans-sc's slice 101, with 庐).
      font = fontkit.create(woffToSfnt(readFileSync(join(this.dir, 'files', file)))) as unknown as FontkitFont;
      this.opened.set(file, font);
    }
    return font;
  }

  /** The glyph for one character, or undefined when no slice has it. */
  glyph(char: string): Glyph | undefined {
    if (this.glyphs.has(char)) return this.glyphs.get(char);
    const cp = char.codePointAt(0)!;
    let found: Glyph | undefined;
    for (const slice of this.slices) {
      if (!slice.ranges.some(([start, end]) => cp >= start && cp <= end)) continue;
      const font = this.font(slice.file);
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const glyph = font.glyphForCodePoint(cp);
      const em = font.unitsPerEm;
      found = {
        advance: glyph.advanceWidth / em,
        path: (size, x, y) => glyph.path.scale(size / em, -size / em).translate(x, y).toSVG(),
        get commands() {
          return glyph.path.commands;
        },
        unitsPerEm: em,
      };
      break;
    }
    this.glyphs.set(char, found);
    return found;
  }
}
