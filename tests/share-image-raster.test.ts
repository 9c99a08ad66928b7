import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GlyphSource } from '../src/lib/share-image/fonts.ts';
import { IndexedCanvas, inkMask } from '../src/lib/share-image/indexed-canvas.ts';
import { encodeIndexedPng } from '../src/lib/share-image/png-encode.ts';
import { rasterize, type PathCommand } from '../src/lib/share-image/rasterize.ts';

const polygon = (points: [number, number][]): PathCommand[] => [
  { command: 'moveTo', args: points[0]! },
  ...points.slice(1).map((point) => ({ command: 'lineTo' as const, args: point })),
  { command: 'closePath', args: [] },
];

/** Coverage (0–1) of the pixel at (x, y) in page coordinates. */
const at = (mask: NonNullable<ReturnType<typeof rasterize>>, x: number, y: number) => {
  const col = x - mask.left;
  const row = y - mask.top;
  if (col < 0 || row < 0 || col >= mask.width || row >= mask.height) return 0;
  return mask.coverage[row * mask.width + col]! / 255;
};
const total = (mask: NonNullable<ReturnType<typeof rasterize>>) => mask.coverage.reduce((sum, value) => sum + value / 255, 0);

describe('rasterize', () => {
  // Font units with y up; scale 1 and origin y = 10 puts font y = 10 − pixel y.
  it('covers a square exactly: whole pixels inside, halves on its edges, quarters at its corners', () => {
    const mask = rasterize(polygon([[1.5, 10 - 1.5], [4.5, 10 - 1.5], [4.5, 10 - 4.5], [1.5, 10 - 4.5]]), 1, 0, 10)!;
    expect(at(mask, 2, 2)).toBe(1);
    expect(at(mask, 3, 3)).toBe(1);
    expect(at(mask, 1, 2)).toBeCloseTo(0.5, 2);
    expect(at(mask, 4, 3)).toBeCloseTo(0.5, 2);
    expect(at(mask, 2, 4)).toBeCloseTo(0.5, 2);
    expect(at(mask, 1, 1)).toBeCloseTo(0.25, 2);
    expect(at(mask, 4, 4)).toBeCloseTo(0.25, 2);
    expect(at(mask, 0, 0)).toBe(0);
    expect(at(mask, 5, 3)).toBe(0);
    expect(total(mask)).toBeCloseTo(9, 1);
  });

  it('gives a slanted shape its area, whichever way its outline runs', () => {
    const triangle: [number, number][] = [[0.3, 0], [17.7, 0], [6.2, 13.9]];
    const area = (17.7 - 0.3) * 13.9 / 2;
    expect(total(rasterize(polygon(triangle), 1, 0, 20)!)).toBeCloseTo(area, 0);
    expect(total(rasterize(polygon([...triangle].reverse()), 1, 0, 20)!)).toBeCloseTo(area, 0);
  });

  it('leaves a hole (a contour running the other way) empty', () => {
    const commands = [...polygon([[0, 0], [10, 0], [10, 10], [0, 10]]), ...polygon([[3, 3], [3, 7], [7, 7], [7, 3]])];
    const mask = rasterize(commands, 1, 0, 10)!;
    expect(at(mask, 5, 5)).toBe(0);
    expect(at(mask, 1, 5)).toBe(1);
    expect(total(mask)).toBeCloseTo(100 - 16, 1);
  });

  it('draws curves: circles of cubic and of quadratic arcs have the area of a circle', () => {
    // Four cubic quarter-arcs (the usual 0.5523 control distance) of radius 20 around (25, 25).
    const k = 0.5523 * 20;
    const commands: PathCommand[] = [
      { command: 'moveTo', args: [45, 25] },
      { command: 'bezierCurveTo', args: [45, 25 + k, 25 + k, 45, 25, 45] },
      { command: 'bezierCurveTo', args: [25 - k, 45, 5, 25 + k, 5, 25] },
      { command: 'bezierCurveTo', args: [5, 25 - k, 25 - k, 5, 25, 5] },
      { command: 'bezierCurveTo', args: [25 + k, 5, 45, 25 - k, 45, 25] },
      { command: 'closePath', args: [] },
    ];
    expect(total(rasterize(commands, 1, 0, 50)!) / (Math.PI * 400)).toBeCloseTo(1, 2);
    // Eight quadratic arcs: control points at the tangent intersections, radius 20 / cos(22.5°).
    const quadratic: PathCommand[] = [{ command: 'moveTo', args: [45, 25] }];
    for (let part = 0; part < 8; part += 1) {
      const middle = ((part + 0.5) * Math.PI) / 4;
      const end = ((part + 1) * Math.PI) / 4;
      const reach = 20 / Math.cos(Math.PI / 8);
      quadratic.push({ command: 'quadraticCurveTo', args: [25 + reach * Math.cos(middle), 25 + reach * Math.sin(middle), 25 + 20 * Math.cos(end), 25 + 20 * Math.sin(end)] });
    }
    // Quadratic arcs bulge a little beyond the circle (about 0.2% of its area at eight arcs).
    expect(total(rasterize(quadratic, 1, 0, 50)!) / (Math.PI * 400)).toBeCloseTo(1, 2);
  });

  it('draws a glyph as an SVG renderer does (librsvg through sharp)', async () => {
    const source = new GlyphSource('noto-serif-sc', 700);
    for (const char of ['劳', '模', '2', '“']) {
      const glyph = source.glyph(char)!;
      const size = 68;
      const mask = rasterize(glyph.commands, size / glyph.unitsPerEm, 10.25, 80)!;
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100"><rect width="100" height="100" fill="#fff"/><path d="${glyph.path(size, 10.25, 80)}"/></svg>`;
      const { data, info } = await sharp(Buffer.from(svg)).greyscale().raw().toBuffer({ resolveWithObject: true });
      let difference = 0;
      let inked = 0;
      for (let y = 0; y < 100; y += 1) {
        for (let x = 0; x < 100; x += 1) {
          const theirs = 1 - data[(y * info.width + x) * info.channels]! / 255;
          difference += Math.abs(theirs - at(mask, x, y));
          inked += theirs;
        }
      }
      expect(inked, char).toBeGreaterThan(30);
      // The two differ only in how edge pixels are rounded: about 0.5% of the ink.
      expect(difference / inked, char).toBeLessThan(0.02);
    }
  });
});

describe('palette canvas and PNG', () => {
  it('writes a PNG that decodes to the painted colours, letter edges shaded towards the paper', async () => {
    const canvas = new IndexedCanvas(40, 20, '#ffffff', ['#000000', '#ff0000']);
    canvas.fillRect(0, 0, 40, 2, '#ff0000');
    const mask = rasterize(polygon([[4.5, 0], [14.5, 0], [14.5, 10], [4.5, 10]]), 1, 0, 15)!;
    canvas.paint(inkMask(mask), 0, 0, '#000000');
    const png = encodeIndexedPng(canvas);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect(info).toMatchObject({ width: 40, height: 20 });
    const rgb = (x: number, y: number) => [...data.subarray((y * 40 + x) * info.channels, (y * 40 + x) * info.channels + 3)];
    expect(rgb(30, 1)).toEqual([255, 0, 0]);
    expect(rgb(30, 10)).toEqual([255, 255, 255]);
    expect(rgb(8, 10)).toEqual([0, 0, 0]);
    // The square's left edge runs through the middle of column 4.
    const edge = rgb(4, 10);
    expect(edge[0]).toBeGreaterThan(110);
    expect(edge[0]).toBeLessThan(145);
  });

  it('adds coverage of the same ink (two halves make a whole) and keeps the stronger of two inks', () => {
    const canvas = new IndexedCanvas(4, 1, '#ffffff', ['#000000', '#ff0000']);
    const half = inkMask({ left: 0, top: 0, width: 2, height: 1, coverage: new Uint8Array([128, 255]) });
    canvas.paint(half, 0, 0, '#000000');
    canvas.paint(half, 0, 0, '#000000');
    const [first, second] = [canvas.index(0, 0), canvas.index(1, 0)];
    const level = (index: number) => ((index - 1) % 32) + 1;
    expect(level(first!)).toBe(24); // 16 + 16 − 16·16/32
    expect(level(second!)).toBe(32);
    canvas.paint(inkMask({ left: 0, top: 0, width: 1, height: 1, coverage: new Uint8Array([64]) }), 1, 0, '#ff0000');
    expect(canvas.index(1, 0)).toBe(second);
  });

  it('refuses a colour it has no shades for', () => {
    expect(() => new IndexedCanvas(2, 2, '#ffffff', ['#000000']).fillRect(0, 0, 1, 1, '#00ff00')).toThrow(/调色板/);
  });
});

describe('ink masks', () => {
  it('keep only the inked pixels, and paint clips them at the canvas edge', () => {
    const mask = inkMask({ left: -1, top: 0, width: 3, height: 2, coverage: new Uint8Array([255, 0, 3, 0, 128, 255]) });
    // 3/255 is below half a shade: not ink.
    expect([...mask.shades]).toEqual([32, 16, 32]);
    expect([...mask.rows]).toEqual([0, 1, 1]);
    expect([...mask.cols]).toEqual([0, 1, 2]);
    const canvas = new IndexedCanvas(2, 2, '#ffffff', ['#000000']);
    canvas.paint(mask, 0, 0, '#000000');
    // (−1, 0) is off the canvas; (0, 1) half; (1, 1) whole.
    expect([canvas.index(0, 0), canvas.index(1, 0), canvas.index(0, 1), canvas.index(1, 1)]).toEqual([0, 0, 16, 32]);
  });
});
