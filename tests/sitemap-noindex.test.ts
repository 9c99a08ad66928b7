import { describe, expect, it } from 'vitest';
import { isNoindexPage, pageFileForUrl, withoutUrls } from '../src/lib/sitemap-noindex.ts';

describe('sitemap without noindex pages', () => {
  it('recognises a page that asks not to be indexed', () => {
    expect(isNoindexPage('<head><meta name="robots" content="noindex"></head>')).toBe(true);
    expect(isNoindexPage('<head><meta name="robots" content="noindex, follow"></head>')).toBe(true);
    expect(isNoindexPage('<head><meta name="description" content="noindex"></head>')).toBe(false);
  });

  it('drops the chosen <url> entries and keeps the others', () => {
    const xml = '<urlset><url><loc>https://a.org/regions/jiaxing/</loc></url><url><loc>https://a.org/cases/x/</loc></url></urlset>';
    const { xml: kept, dropped } = withoutUrls(xml, (loc) => loc.includes('jiaxing'));
    expect(kept).toBe('<urlset><url><loc>https://a.org/cases/x/</loc></url></urlset>');
    expect(dropped).toEqual(['https://a.org/regions/jiaxing/']);
  });

  it('maps an address to its built file under the base path', () => {
    expect(pageFileForUrl('https://a.org/regions/jiaxing/', '/')).toBe('regions/jiaxing/index.html');
    expect(pageFileForUrl('https://a.org/laomo/regions/jiaxing/', '/laomo/')).toBe('regions/jiaxing/index.html');
    expect(pageFileForUrl('https://a.org/laomo/', '/laomo')).toBe('index.html');
    expect(pageFileForUrl('https://a.org/other/', '/laomo/')).toBeUndefined();
  });
});
