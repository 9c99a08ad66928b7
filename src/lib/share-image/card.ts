/**
 * The 1200×630 share image of a case or an issue (og:image): masthead, headline group, organisation and region.
 * Every letter is drawn as an outline from the npm fonts (./fonts.ts), so the SVG needs no font to render and
 * holds only the glyphs it uses; sharp turns it into a PNG that is the same on every machine.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { GlyphSource, type Glyph } from './fonts.ts';
import { wrapText } from './layout.ts';

export const shareImageSize = { width: 1200, height: 630 } as const;

export interface ShareCard {
  /** 案例 / 专版: what the page is, at the bottom right. */
  label: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  /** “杭州市劳模工匠协会 · 杭州市” */
  footer?: string;
}

const colors = { paper: '#fffdf8', ink: '#1f1f1f', muted: '#595959', accent: '#a8141a', rule: '#e3dcd2' };
const margin = 80;
const textWidth = shareImageSize.width - 2 * margin;

let fonts: { serif: GlyphSource; sans: GlyphSource; sansBold: GlyphSource } | undefined;
const loadFonts = () => (fonts ??= {
  serif: new GlyphSource('noto-serif-sc', 700),
  sans: new GlyphSource('noto-sans-sc', 400),
  sansBold: new GlyphSource('noto-sans-sc', 700),
});

const measure = (source: GlyphSource, size: number) => (text: string) =>
  [...text].reduce((sum, char) => sum + (source.glyph(char)?.advance ?? 0.5) * size, 0);

/** Each glyph a card uses, defined once (`<path id>` in font units) and placed with `<use>`: a card's SVG is
 * about a fifth of the size, and the outlines are made once per build instead of once per letter drawn. */
class GlyphDefs {
  private readonly ids = new Map<string, string>();
  private readonly paths: string[] = [];
  id(source: GlyphSource, char: string, glyph: Glyph): string {
    const key = `${source.key}\0${char}`;
    let id = this.ids.get(key);
    if (!id) {
      id = `g${this.ids.size}`;
      this.ids.set(key, id);
      this.paths.push(`<path id="${id}" d="${glyph.outline()}"/>`);
    }
    return id;
  }
  toString() {
    return this.paths.length ? `<defs>${this.paths.join('')}</defs>` : '';
  }
}

const num = (value: number) => String(Math.round(value * 100) / 100);

/** One line of text as a group of glyphs, starting at (x, baseline); `align: 'end'` ends it at x. */
function drawText(defs: GlyphDefs, source: GlyphSource, text: string, size: number, x: number, baseline: number, fill: string, align: 'start' | 'end' = 'start'): string {
  // An opening quote or bracket hangs into the margin by half a character, so the text itself lines up.
  const hang = align === 'start' && /^[“‘「『（《]/.test(text) ? size / 2 : 0;
  let pen = align === 'end' ? x - measure(source, size)(text) : x - hang;
  const parts: string[] = [];
  for (const char of text) {
    const glyph = source.glyph(char);
    if (glyph) {
      const scale = String(Number((size / glyph.unitsPerEm).toPrecision(6)));
      parts.push(`<use href="#${defs.id(source, char, glyph)}" transform="matrix(${scale} 0 0 -${scale} ${num(pen)} ${num(baseline)})"/>`);
    }
    pen += (glyph?.advance ?? 0.5) * size;
  }
  return parts.length ? `<g fill="${fill}">${parts.join('')}</g>` : '';
}

type DrawArgs = Parameters<typeof drawText> extends [GlyphDefs, ...infer Rest] ? Rest : never;

/** The SVG of the card: text as outlines, no <text>, no font reference. */
export function shareSvg(card: ShareCard): string {
  const { serif, sans, sansBold } = loadFonts();
  const { width, height } = shareImageSize;
  const defs = new GlyphDefs();
  const textPath = (...args: DrawArgs) => drawText(defs, ...args);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="${colors.paper}"/>`,
    `<rect x="0" y="0" width="${width}" height="12" fill="${colors.accent}"/>`,
    textPath(serif, '浙江劳模工匠', 44, margin, 104, colors.accent),
    textPath(sans, '劳模工匠专版', 26, margin + measure(serif, 44)('浙江劳模工匠') + 20, 102, colors.muted),
    `<rect x="${margin}" y="132" width="${textWidth}" height="3" fill="${colors.accent}"/>`,
    `<rect x="${margin}" y="139" width="${textWidth}" height="1" fill="${colors.accent}"/>`,
  ];

  // Headline group: shrink the title until it fits in three lines.
  let y = 200;
  if (card.kicker) {
    const kicker = wrapText(card.kicker, measure(sansBold, 30), textWidth, 1).lines[0]!;
    y += 30;
    out.push(textPath(sansBold, kicker, 30, margin, y, colors.accent));
    y += 24;
  }
  let size = 68;
  let title = wrapText(card.title, measure(serif, size), textWidth, 3);
  while (size > 48 && (title.truncated || title.lines.length > 2)) {
    size -= 4;
    title = wrapText(card.title, measure(serif, size), textWidth, 3);
    if (!title.truncated && title.lines.length <= 3 && size <= 56) break;
  }
  for (const line of title.lines) {
    y += size * 1.25;
    out.push(textPath(serif, line, size, margin, y, colors.ink));
  }
  if (card.subtitle && y < 470) {
    const subtitle = wrapText(card.subtitle, measure(sans, 32), textWidth, 1).lines[0]!;
    y += 64;
    out.push(textPath(sans, subtitle, 32, margin, y, colors.muted));
  }

  out.push(`<rect x="${margin}" y="${height - 110}" width="${textWidth}" height="1" fill="${colors.rule}"/>`);
  if (card.footer) {
    const footer = wrapText(card.footer, measure(sans, 28), textWidth - 160, 1).lines[0]!;
    out.push(textPath(sans, footer, 28, margin, height - 56, colors.ink));
  }
  out.push(textPath(sansBold, card.label, 28, width - margin, height - 56, colors.accent, 'end'));
  out.push(String(defs), '</svg>');
  return out.join('');
}

/** Bump when the drawing changes, so cached images are redrawn. */
const drawingVersion = 2;

/**
 * The card as a 1200×630 PNG. With `cacheDir`, a card drawn before (same text, same drawing) is read from there:
 * a rebuild of thousands of pages redraws only the cards whose text changed.
 */
export async function sharePng(card: ShareCard, { cacheDir }: { cacheDir?: string } = {}): Promise<Buffer> {
  const key = createHash('sha256').update(JSON.stringify([drawingVersion, card])).digest('hex').slice(0, 32);
  const cached = cacheDir && join(cacheDir, `${key}.png`);
  if (cached && existsSync(cached)) return readFileSync(cached);
  const png = await sharp(Buffer.from(shareSvg(card))).png({ compressionLevel: 6 }).toBuffer();
  if (cached) {
    mkdirSync(cacheDir, { recursive: true });
    // Written whole or not at all: a half-written cache file would be served as an image next time.
    writeFileSync(`${cached}.tmp`, png);
    renameSync(`${cached}.tmp`, cached);
  }
  return png;
}

/**
 * The site icon (the favicon's red square with 劳) as a PNG of `size` px, the character drawn from the npm font:
 * apple-touch-icon and PNG favicons. Full-bleed, as iOS rounds the corners itself.
 */
export async function iconPng(size: number): Promise<Buffer> {
  const { sansBold } = loadFonts();
  const fontSize = size * 0.66;
  const glyph = sansBold.glyph('劳')!;
  const x = (size - glyph.advance * fontSize) / 2;
  // Noto's ideographs sit about 0.12 em below the middle of the em box: put the box's middle at the icon's.
  const baseline = size / 2 + fontSize * 0.38;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="${size}" height="${size}" fill="${colors.accent}"/><path fill="#fff" d="${glyph.path(fontSize, x, baseline)}"/></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 9 }).toBuffer();
}
