import sharp from 'sharp';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrSvg } from '../src/lib/qr.ts';

async function decode(svg: string): Promise<string | undefined> {
  const { data, info } = await sharp(Buffer.from(svg), { density: 300 }).resize(400, 400, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data;
}

describe('qrSvg', () => {
  it('makes an inline SVG that reads back as the URL', async () => {
    const url = 'https://laomo.example.org/laomo/issues/wenzhou-2023/';
    const svg = await qrSvg(url, { label: '本专版网页版二维码' });
    expect(svg).toMatch(/^<svg role="img" aria-label="本专版网页版二维码" class="qr-code" xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).not.toContain('\n');
    expect(await decode(svg)).toBe(url);
  });

  it('reads back any address: digits, capitals and percent-escapes', async () => {
    for (const url of ['https://LAOMO.EXAMPLE.ORG/CASES/12345/', 'https://laomo.example.org/cases/bench-00042/', 'https://example.org/%E5%8A%B3/?q=1&x=2']) {
      expect(await decode(await qrSvg(url))).toBe(url);
    }
  });

  it('is hidden from assistive technology without a label, and deterministic', async () => {
    const svg = await qrSvg('https://example.org/');
    expect(svg).toContain('aria-hidden="true"');
    expect(await qrSvg('https://example.org/')).toBe(svg);
  });
});
