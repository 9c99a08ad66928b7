/**
 * How the issue page learns that its PDFs exist: the page carries an empty `<span class="pdf-slot"
 * data-pdf-href="…/issues/<id>.pdf">` (hidden while empty); after rendering, `npm run pdf` fills it with links to
 * the A4 PDF and the A3 sheet (`…/issues/<id>-a3.pdf`), each with a `download` attribute that gives the saved file a
 * Chinese name (src/lib/pdf-name.ts), while the stored files keep their ASCII names.
 */
const slotPattern = /<span class="pdf-slot" data-pdf-href="([^"]+)"><\/span>/;
const filledPattern = /<span class="pdf-links" data-pdf-href="([^"]+)">[\s\S]*?<\/span>/;

export interface PdfLinkInfo {
  size: 'a4' | 'a3';
  bytes: number;
  pages?: number;
  /** The file name a download gets, e.g. 劳模工匠专版-温州篇-2023.pdf. */
  downloadName?: string;
}

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

const attribute = (text: string) => text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');

/** `…/x.pdf` → `…/x-a3.pdf`. */
export const a3PdfHref = (a4Href: string) => a4Href.replace(/\.pdf$/, '-a3.pdf');

function link(a4Href: string, pdf: PdfLinkInfo): string {
  const href = pdf.size === 'a3' ? a3PdfHref(a4Href) : a4Href;
  const pages = pdf.pages ? `${pdf.pages} 页，` : '';
  const label = pdf.size === 'a3' ? `A3 单张 PDF（${pages}${formatBytes(pdf.bytes)}）` : `下载 PDF（A4，${pages}${formatBytes(pdf.bytes)}）`;
  const download = pdf.downloadName ? ` download="${attribute(pdf.downloadName)}"` : ' download';
  return `<a class="button button-quiet pdf-link" href="${href}" type="application/pdf"${download}>${label}</a>`;
}

/**
 * The issue page with its PDF links filled in, A4 first (idempotent: a second run replaces the links of the sizes
 * it rendered and keeps the other's). Unchanged without a slot, or without PDFs.
 */
export function insertPdfLinks(html: string, pdfs: readonly PdfLinkInfo[]): string {
  if (!pdfs.length) return html;
  const filled = (href: string, kept: string[]) => {
    const links = [...kept, ...pdfs.map((pdf) => link(href, pdf))];
    const ordered = links.sort((a, b) => Number(a.includes('-a3.pdf"')) - Number(b.includes('-a3.pdf"')));
    return `<span class="pdf-links" data-pdf-href="${href}">${ordered.join(' ')}</span>`;
  };
  if (slotPattern.test(html)) return html.replace(slotPattern, (_, href: string) => filled(href, []));
  return html.replace(filledPattern, (existing, href: string) => {
    const rendered = new Set(pdfs.map((pdf) => pdf.size));
    const kept = (existing.match(/<a [^>]*>[^<]*<\/a>/g) ?? []).filter((anchor) => !rendered.has(anchor.includes('-a3.pdf"') ? 'a3' : 'a4'));
    return filled(href, kept);
  });
}

/**
 * A case page's bar “刊于《…》第 n 篇 · 打印版 · 下载 PDF”: the page carries `<span class="pdf-slot"
 * data-case-pdf-href="…/issues/<id>.pdf">` for each issue it appears in; this fills the slots whose A4 PDF was
 * rendered (`names`: issue id → Chinese download name) with a download link. The href is the page's own (it
 * already carries the site's base path). Idempotent.
 */
const caseSlotPattern = /<span class="(?:pdf-slot|pdf-links)" data-case-pdf-href="([^"]+)">(?:<a [^>]*>[^<]*<\/a>)?<\/span>/g;

export function insertCasePdfLinks(html: string, names: ReadonlyMap<string, string>): string {
  return html.replace(caseSlotPattern, (slot, href: string) => {
    const name = names.get(/issues\/([^/]+)\.pdf$/.exec(href)?.[1] ?? '');
    if (!name) return slot;
    return `<span class="pdf-links" data-case-pdf-href="${href}"><a class="pdf-link" href="${href}" type="application/pdf" download="${attribute(name)}">下载 PDF</a></span>`;
  });
}

export interface ThumbnailInfo {
  /** The picture's file name next to the PDF, e.g. `x-page1.webp` (its address follows the slot's PDF href). */
  fileName: string;
  width: number;
  height: number;
}

const thumbSlotPattern = /<span class="pdf-thumb-slot" data-thumb-href="([^"]+)">[\s\S]*?<\/span><!--\/thumb-->|<span class="pdf-thumb-slot" data-thumb-href="([^"]+)"><\/span>/;

/**
 * The issue page with a picture of PDF page 1 in its `.pdf-thumb-slot`, linking to the PDF. Only called when the
 * picture was written, so a page never points at a missing file. Idempotent.
 */
export function insertThumbnail(html: string, thumb: ThumbnailInfo): string {
  return html.replace(thumbSlotPattern, (_, filledHref: string | undefined, emptyHref: string | undefined) => {
    const href = filledHref ?? emptyHref!;
    const src = href.replace(/[^/]*$/, encodeURIComponent(thumb.fileName));
    const image = `<img src="${attribute(src)}" width="${thumb.width}" height="${thumb.height}" alt="本期 PDF 第 1 页缩略图" decoding="async">`;
    return `<span class="pdf-thumb-slot" data-thumb-href="${href}"><a class="pdf-thumb" href="${href}" type="application/pdf">${image}</a></span><!--/thumb-->`;
  });
}
