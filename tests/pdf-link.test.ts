import { describe, expect, it } from 'vitest';
import { a3PdfHref, formatBytes, insertCasePdfLinks, insertPdfLinks, insertThumbnail } from '../scripts/lib/pdf-link.ts';
import { issuePdfDownloadName } from '../src/lib/pdf-name.ts';

const page = '<ul><li><a href="/issues/x/print/">打印版</a></li><li><span class="pdf-slot" data-pdf-href="/laomo/issues/x.pdf"></span></li></ul>';

describe('insertPdfLinks', () => {
  it('fills the empty slot with download links to the A4 PDF and the A3 sheet, their pages and sizes', () => {
    const html = insertPdfLinks(page, [
      { size: 'a3', bytes: 300_000, pages: 1, downloadName: '劳模工匠专版-温州篇-2023-A3.pdf' },
      { size: 'a4', bytes: 250_000, pages: 3, downloadName: '劳模工匠专版-温州篇-2023.pdf' },
    ]);
    expect(html).toBe(
      '<ul><li><a href="/issues/x/print/">打印版</a></li><li><span class="pdf-links" data-pdf-href="/laomo/issues/x.pdf">' +
        '<a class="button button-quiet pdf-link" href="/laomo/issues/x.pdf" type="application/pdf" download="劳模工匠专版-温州篇-2023.pdf">下载 PDF（A4，3 页，244 KB）</a> ' +
        '<a class="button button-quiet pdf-link" href="/laomo/issues/x-a3.pdf" type="application/pdf" download="劳模工匠专版-温州篇-2023-A3.pdf">A3 单张 PDF（1 页，293 KB）</a>' +
        '</span></li></ul>',
    );
  });

  it('updates earlier links instead of adding more', () => {
    const once = insertPdfLinks(page, [{ size: 'a4', bytes: 250_000, pages: 3, downloadName: 'a.pdf' }]);
    const twice = insertPdfLinks(once, [
      { size: 'a4', bytes: 2_500_000, pages: 4, downloadName: 'a.pdf' },
      { size: 'a3', bytes: 100_000, pages: 1, downloadName: 'a-A3.pdf' },
    ]);
    expect(twice.match(/class="button button-quiet pdf-link"/g)).toHaveLength(2);
    expect(twice).toContain('下载 PDF（A4，4 页，2.4 MB）');
    expect(twice).toContain('href="/laomo/issues/x-a3.pdf"');
  });

  it('keeps the link of the size a later run did not render', () => {
    const both = insertPdfLinks(page, [
      { size: 'a4', bytes: 250_000, pages: 3, downloadName: 'a.pdf' },
      { size: 'a3', bytes: 100_000, pages: 1, downloadName: 'a-A3.pdf' },
    ]);
    const a3Again = insertPdfLinks(both, [{ size: 'a3', bytes: 200_000, pages: 1, downloadName: 'a-A3.pdf' }]);
    expect(a3Again.match(/class="button button-quiet pdf-link"/g)).toHaveLength(2);
    expect(a3Again).toContain('下载 PDF（A4，3 页，244 KB）');
    expect(a3Again).toContain('A3 单张 PDF（1 页，195 KB）');
    expect(a3Again.indexOf('A4，')).toBeLessThan(a3Again.indexOf('A3 单张'));
  });

  it('leaves a page without a slot, or without PDFs, alone', () => {
    expect(insertPdfLinks('<p>无</p>', [{ size: 'a4', bytes: 1000 }])).toBe('<p>无</p>');
    expect(insertPdfLinks(page, [])).toBe(page);
  });

  it('escapes the download name as an attribute', () => {
    expect(insertPdfLinks(page, [{ size: 'a4', bytes: 1000, downloadName: 'a&"b.pdf' }])).toContain('download="a&amp;&quot;b.pdf"');
  });

  it('formats sizes and the A3 address', () => {
    expect(formatBytes(10)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
    expect(a3PdfHref('/issues/x.pdf')).toBe('/issues/x-a3.pdf');
  });
});

describe('the Chinese download name of an issue PDF', () => {
  const date = new Date('2023-01-01T00:00:00Z');
  it('is 劳模工匠专版-<part of the series>-<year>.pdf, -A3 for the sheet', () => {
    const issue = { title: '打造金字招牌 助力共同富裕', series: { name: '全省各市劳模协会工作交流', part: '温州篇' }, date };
    expect(issuePdfDownloadName(issue)).toBe('劳模工匠专版-温州篇-2023.pdf');
    expect(issuePdfDownloadName(issue, 'a3')).toBe('劳模工匠专版-温州篇-2023-A3.pdf');
  });

  it('falls back to the title, without quotes, slashes or spaces', () => {
    expect(issuePdfDownloadName({ title: '“红马甲”来了 “老大难”解了', date: new Date('2021-05-01T00:00:00Z') })).toBe('劳模工匠专版-红马甲来了-老大难解了-2021.pdf');
    expect(issuePdfDownloadName({ title: 'A/B: 《C》?', date })).toBe('劳模工匠专版-AB-C-2023.pdf');
  });
});

describe('insertCasePdfLinks', () => {
  const bar = '<nav class="issue-bar">刊于<a href="/issues/x/">《甲》</a>第 2 篇<span class="issue-bar-links"><a href="/issues/x/print/">打印版</a><span class="pdf-slot" data-case-pdf-href="/issues/x.pdf"></span></span></nav>';
  it('fills the slot of an issue whose PDF exists with a download link under the Chinese name, and keeps it once', () => {
    const names = new Map([['x', '劳模工匠专版-温州篇-2023.pdf']]);
    const once = insertCasePdfLinks(bar, names);
    expect(once).toContain('<a class="pdf-link" href="/issues/x.pdf" type="application/pdf" download="劳模工匠专版-温州篇-2023.pdf">下载 PDF</a>');
    expect(insertCasePdfLinks(once, names)).toBe(once);
  });
  it('leaves the slot empty when that PDF was not rendered', () => {
    expect(insertCasePdfLinks(bar, new Map([['y', 'y.pdf']]))).toBe(bar);
  });
  it('keeps the base path of the page’s own link', () => {
    const based = bar.replaceAll('"/issues/', '"/laomo/issues/');
    expect(insertCasePdfLinks(based, new Map([['x', 'x.pdf']]))).toContain('<a class="pdf-link" href="/laomo/issues/x.pdf"');
  });
});

describe('insertThumbnail', () => {
  const html = '<div><span class="pdf-thumb-slot" data-thumb-href="/issues/x.pdf"></span><ul></ul></div>';
  it('puts a picture of page 1 with its size into the slot, linking the PDF, once', () => {
    const once = insertThumbnail(html, { fileName: 'x-page1.webp', width: 240, height: 339 });
    expect(once).toContain('<a class="pdf-thumb" href="/issues/x.pdf" type="application/pdf"><img src="/issues/x-page1.webp" width="240" height="339"');
    const twice = insertThumbnail(once, { fileName: 'x-page1.webp', width: 200, height: 283 });
    expect(twice.match(/<img /g)).toHaveLength(1);
    expect(twice).toContain('width="200"');
  });
  it('leaves a page without a slot alone', () => {
    expect(insertThumbnail('<p>x</p>', { fileName: 'a.webp', width: 1, height: 1 })).toBe('<p>x</p>');
  });
  it('addresses the picture next to the PDF, under the site’s base path', () => {
    const based = html.replace('"/issues/', '"/laomo/issues/');
    expect(insertThumbnail(based, { fileName: 'x-page1.webp', width: 1, height: 1 })).toContain('<img src="/laomo/issues/x-page1.webp"');
  });
});
