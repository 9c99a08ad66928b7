/**
 * What a reader (and a link preview) gets: descriptions, honest placeholders, no links to empty region pages,
 * Chinese redirect pages, feeds that open as a page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { describe, expect, inject, it } from 'vitest';
import { loadAstroRedirects } from '../../src/lib/redirects-file.ts';
import { contentPaths } from '../../src/lib/content-paths.ts';
import { projectRoot } from './site-content.ts';

const dist = inject('distDir');

function files(dir: string, ending: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? files(path, ending) : entry.name.endsWith(ending) ? [path] : [];
  });
}
const htmlPages = () => files(dist, '.html');
const sitePath = (file: string) => `/${relative(dist, file).replace(/index\.html$/, '')}`;
const meta = (html: string, key: string) => new RegExp(`<meta (?:name|property)="${key}" content="([^"]*)"`).exec(html)?.[1];
const noindex = (html: string) => /<meta name="robots" content="noindex">/.test(html);

describe('descriptions', () => {
  it('every case page has a description of at least 40 characters that ends at a sentence end or with …', () => {
    const pages = files(join(dist, 'cases'), 'index.html');
    expect(pages.length).toBeGreaterThan(0);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const description = meta(html, 'description') ?? '';
      const title = /<h1>([^<]*)<\/h1>/.exec(html)?.[1] ?? '';
      expect(description.length, file).toBeGreaterThanOrEqual(40);
      expect(description.length, file).toBeLessThanOrEqual(120);
      expect(description, file).toMatch(/[。！？…][”’」』）]*$/);
      expect(description, file).not.toMatch(new RegExp(`：${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      expect(meta(html, 'og:description'), file).toBe(description);
    }
  });
});

describe('honest placeholders', () => {
  it('has no figure element without an image', () => {
    for (const file of htmlPages()) {
      for (const [figure] of readFileSync(file, 'utf8').matchAll(/<figure\b[\s\S]*?<\/figure>/g)) {
        expect(figure, file).toMatch(/<(img|picture|svg)\b/);
      }
    }
  });

  it('shows a photo not supplied yet as a note that the printed page had one', () => {
    const source = readFileSync(join(projectRoot, 'content/cases/hangzhou-laomo-gongjiang-xiehui.mdx'), 'utf8');
    // A caption without quotes (CjkText may wrap opening quotes for hanging punctuation).
    const caption = [...source.matchAll(/<Figure caption="([^"“”]+)" awaitingPhoto/g)][0]?.[1];
    const html = readFileSync(join(dist, 'cases/hangzhou-laomo-gongjiang-xiehui/index.html'), 'utf8');
    if (caption) expect(html).toContain(`<p class="photo-note"><span class="photo-note-label">原版配图：</span>${caption}</p>`);
    expect(html).toContain('探索和努<span class="text-gap">（原版此处文字不全）</span>');
    expect(html).not.toContain('待核实');
  });
});

describe('regions without cases', () => {
  const regionPages = files(join(dist, 'regions'), 'index.html').map((file) => ({ path: sitePath(file), html: readFileSync(file, 'utf8') }));
  const empty = new Set(regionPages.filter(({ html }) => /共 <strong>0<\/strong> 篇/.test(html)).map(({ path }) => path));

  it('are built, marked noindex, and only they are', () => {
    expect(empty.size).toBeGreaterThan(0);
    for (const { path, html } of regionPages) expect(noindex(html), path).toBe(empty.has(path));
  });

  it('are linked from nowhere, and left out of the sitemap and the feeds', () => {
    for (const file of [...htmlPages(), ...files(dist, '.xml')]) {
      const html = readFileSync(file, 'utf8');
      for (const [, href] of html.matchAll(/href="([^"]+)"/g)) expect(empty.has(href!), `${file} → ${href}`).toBe(false);
    }
    const sitemap = files(dist, '.xml').filter((file) => /sitemap-\d+\.xml$/.test(file)).map((file) => readFileSync(file, 'utf8')).join('');
    expect(sitemap).toContain('/regions/');
    for (const path of empty) expect(sitemap, path).not.toContain(`${path}</loc>`);
    for (const path of empty) expect(existsSync(join(dist, path, 'rss.xml')), path).toBe(false);
  });
});

describe('redirect pages', () => {
  it('are in Chinese, in the site’s style, not indexed and not in the sitemap', (context) => {
    const redirects = Object.entries(loadAstroRedirects(join(projectRoot, contentPaths.redirects)));
    if (!redirects.length) context.skip();
    const sitemap = files(dist, '.xml').filter((file) => /sitemap-\d+\.xml$/.test(file)).map((file) => readFileSync(file, 'utf8')).join('');
    for (const [from, to] of redirects) {
      const html = readFileSync(join(dist, from, 'index.html'), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0;url=${to}">`);
      expect(html).toContain('<html lang="zh-CN">');
      expect(html).toContain('页面已搬到新地址');
      expect(html).toContain('class="site-header"');
      expect(html).not.toMatch(/Redirecting/i);
      expect(noindex(html)).toBe(true);
      expect(sitemap).not.toContain(`${from}</loc>`);
    }
  });
});

describe('feeds', () => {
  it('every feed names a stylesheet that exists; a city feed’s channel link is the city page', () => {
    const feeds = files(dist, 'rss.xml');
    expect(feeds.length).toBeGreaterThan(1);
    for (const file of feeds) {
      const xml = readFileSync(file, 'utf8');
      const href = /<\?xml-stylesheet href="([^"]+)" type="text\/xsl"\?>/.exec(xml)?.[1];
      expect(href, file).toBeTruthy();
      expect(existsSync(join(dist, href!)), href).toBe(true);
      const city = /regions\/([^/]+)\/rss\.xml$/.exec(file)?.[1];
      if (city) expect(/<channel>[\s\S]*?<link>([^<]+)<\/link>/.exec(xml)?.[1], file).toMatch(new RegExp(`/regions/${city}/$`));
    }
    const xsl = readFileSync(join(dist, 'rss.xsl'), 'utf8');
    expect(xsl).toContain('这是一个 RSS 订阅源');
  });
});

describe('share images and icons', () => {
  const pngSize = (file: string) => {
    const bytes = readFileSync(file);
    expect(bytes.subarray(1, 4).toString()).toBe('PNG');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
  };
  const origin = (html: string) => new URL(/<link rel="canonical" href="([^"]+)"/.exec(html)![1]!).origin;

  it('every case and issue page has a 1200×630 PNG og:image that exists, a large-image card and a touch icon', () => {
    const pages = [...files(join(dist, 'cases'), 'index.html'), ...readdirSync(join(dist, 'issues')).map((id) => join(dist, 'issues', id, 'index.html')).filter(existsSync)];
    expect(pages.length).toBeGreaterThan(5);
    for (const file of pages) {
      const html = readFileSync(file, 'utf8');
      const image = meta(html, 'og:image');
      expect(image, file).toBeTruthy();
      expect(meta(html, 'twitter:image'), file).toBe(image);
      expect(meta(html, 'twitter:card'), file).toBe('summary_large_image');
      const url = new URL(image!);
      expect(url.origin).toBe(origin(html));
      expect(pngSize(join(dist, url.pathname)), image).toEqual({ width: 1200, height: 630 });
      const touch = /<link rel="apple-touch-icon" href="([^"]+)">/.exec(html)?.[1];
      expect(touch, file).toBeTruthy();
      expect(pngSize(join(dist, touch!))).toEqual({ width: 180, height: 180 });
    }
  });
});

describe('手机扫码阅读', () => {
  it('every case page carries a QR code of its own canonical address', async () => {
    for (const file of files(join(dist, 'cases'), 'index.html')) {
      const html = readFileSync(file, 'utf8');
      const canonical = /<link rel="canonical" href="([^"]+)">/.exec(html)![1]!;
      const svg = /<figure class="page-qr"[^>]*>(<svg[\s\S]*?<\/svg>)<figcaption>手机扫码阅读<\/figcaption>/.exec(html)?.[1];
      expect(svg, file).toBeTruthy();
      const { data, info } = await sharp(Buffer.from(svg!), { density: 300 }).resize(400, 400, { kernel: 'nearest' }).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
      expect(jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.byteLength), info.width, info.height)?.data, file).toBe(canonical);
    }
  });
});
