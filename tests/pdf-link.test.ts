import { describe, expect, it } from 'vitest';
import { formatBytes, insertPdfLink } from '../scripts/lib/pdf-link.ts';

const page = '<ul><li><a href="/issues/x/print/">打印版</a></li><li><span class="pdf-slot" data-pdf-href="/laomo/issues/x.pdf"></span></li></ul>';

describe('insertPdfLink', () => {
  it('fills the empty slot with a link to the PDF, its pages and size', () => {
    expect(insertPdfLink(page, 250_000, 3)).toBe(
      '<ul><li><a href="/issues/x/print/">打印版</a></li><li><a class="button button-quiet pdf-link" href="/laomo/issues/x.pdf" type="application/pdf" data-pdf-href="/laomo/issues/x.pdf">下载 PDF（A4，3 页，244 KB）</a></li></ul>',
    );
  });

  it('updates an earlier link instead of adding a second one', () => {
    const once = insertPdfLink(page, 250_000, 3);
    const twice = insertPdfLink(once, 2_500_000, 4);
    expect(twice.match(/pdf-link/g)).toHaveLength(1);
    expect(twice).toContain('下载 PDF（A4，4 页，2.4 MB）');
  });

  it('leaves a page without a slot alone', () => {
    expect(insertPdfLink('<p>无</p>', 1000)).toBe('<p>无</p>');
  });

  it('formats sizes', () => {
    expect(formatBytes(10)).toBe('1 KB');
    expect(formatBytes(1536)).toBe('2 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});
