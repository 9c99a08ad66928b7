/**
 * The 1200×630 share image of a case or an issue (og:image): masthead, headline group, organisation and region.
 * Every letter is drawn from its outline in the npm fonts (./fonts.ts) by a rasterizer of our own
 * (./rasterize.ts) onto a palette canvas that is written out as a PNG directly: no system font, no SVG renderer,
 * the same bytes on every machine, and about 2 ms a card, so thousands of cards add seconds, not minutes, to a
 * cold build.
 */
import sharp from 'sharp';
import { GlyphSource } from './fonts.ts';
import { IndexedCanvas, inkMask, type InkMask } from './indexed-canvas.ts';
import { wrapText } from './layout.ts';
import { encodeIndexedPng } from './png-encode.ts';
import { rasterize } from './rasterize.ts';

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
const inks = [colors.ink, colors.muted, colors.accent, colors.rule];
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

/** Pen positions are kept to a quarter pixel: each glyph is rasterized at most four times per size. */
const subpixelSteps = 4;

/** Glyph masks drawn so far in this process, by font, size, character and quarter-pixel offset. A card's
 * letters repeat across cards (the masthead, 劳模, 协会…), so most are drawn once per build. Bounded: at the
 * limit it starts again rather than grow with the number of distinct characters. */
const masks = new Map<string, InkMask | undefined>();
const maskLimit = 20_000;

function glyphMask(source: GlyphSource, char: string, size: number, offset: number): InkMask | undefined {
  const key = `${source.key}\0${size}\0${offset}\0${char}`;
  if (masks.has(key)) return masks.get(key);
  const glyph = source.glyph(char);
  const coverage = glyph && rasterize(glyph.commands, size / glyph.unitsPerEm, offset / subpixelSteps, 0);
  const mask = coverage && inkMask(coverage);
  if (masks.size >= maskLimit) masks.clear();
  masks.set(key, mask);
  return mask;
}

/** One line of text from (x, baseline); `align: 'end'` ends it at x. */
function drawText(canvas: IndexedCanvas, source: GlyphSource, text: string, size: number, x: number, baseline: number, color: string, align: 'start' | 'end' = 'start') {
  // An opening quote or bracket hangs into the margin by half a character, so the text itself lines up.
  const hang = align === 'start' && /^[“‘「『（《]/.test(text) ? size / 2 : 0;
  let pen = align === 'end' ? x - measure(source, size)(text) : x - hang;
  for (const char of text) {
    const quarters = Math.round(pen * subpixelSteps);
    const whole = Math.floor(quarters / subpixelSteps);
    const mask = glyphMask(source, char, size, quarters - whole * subpixelSteps);
    if (mask) canvas.paint(mask, whole, Math.round(baseline), color);
    pen += (source.glyph(char)?.advance ?? 0.5) * size;
  }
}

const blankCanvas = () => new IndexedCanvas(shareImageSize.width, shareImageSize.height, colors.paper, inks);

/** The card drawn on a palette canvas (`into`, cleared first, or a new one). */
export function shareCanvas(card: ShareCard, into?: IndexedCanvas): IndexedCanvas {
  const { serif, sans, sansBold } = loadFonts();
  const { width, height } = shareImageSize;
  const canvas = into ?? blankCanvas();
  canvas.clear();
  const text = (...args: Parameters<typeof drawText> extends [IndexedCanvas, ...infer Rest] ? Rest : never) => drawText(canvas, ...args);
  canvas.fillRect(0, 0, width, 12, colors.accent);
  text(serif, '浙江劳模工匠', 44, margin, 104, colors.accent);
  text(sans, '劳模工匠专版', 26, margin + measure(serif, 44)('浙江劳模工匠') + 20, 102, colors.muted);
  canvas.fillRect(margin, 132, textWidth, 3, colors.accent);
  canvas.fillRect(margin, 139, textWidth, 1, colors.accent);

  // Headline group: shrink the title until it fits in three lines.
  let y = 200;
  if (card.kicker) {
    const kicker = wrapText(card.kicker, measure(sansBold, 30), textWidth, 1).lines[0]!;
    y += 30;
    text(sansBold, kicker, 30, margin, y, colors.accent);
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
    text(serif, line, size, margin, y, colors.ink);
  }
  if (card.subtitle && y < 470) {
    const subtitle = wrapText(card.subtitle, measure(sans, 32), textWidth, 1).lines[0]!;
    y += 64;
    text(sans, subtitle, 32, margin, y, colors.muted);
  }

  canvas.fillRect(margin, height - 110, textWidth, 1, colors.rule);
  if (card.footer) {
    const footer = wrapText(card.footer, measure(sans, 28), textWidth - 160, 1).lines[0]!;
    text(sans, footer, 28, margin, height - 56, colors.ink);
  }
  text(sansBold, card.label, 28, width - margin, height - 56, colors.accent, 'end');
  return canvas;
}

/** One canvas for every card this process draws: a new 0.75 MB buffer per card made the garbage collector, not
 * the drawing, the largest cost of the share images in a cold build. */
let reusedCanvas: IndexedCanvas | undefined;

/**
 * The card as a 1200×630 PNG. No cache of its own: drawing takes about 2 ms, and a rebuild copies the images of
 * unchanged cards from the last build (the share routes' incremental-build keys, src/pages/share/).
 */
export function sharePng(card: ShareCard): Buffer {
  return encodeIndexedPng(shareCanvas(card, (reusedCanvas ??= blankCanvas())));
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
