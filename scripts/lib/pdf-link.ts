/**
 * How the issue page learns that its PDF exists: the page carries an empty `<span class="pdf-slot"
 * data-pdf-href="…/issues/<id>.pdf">` (hidden while empty); after rendering, `npm run pdf` fills it with the link.
 */
const slotPattern = /<span class="pdf-slot" data-pdf-href="([^"]+)"><\/span>/;
const filledPattern = /<a class="button button-quiet pdf-link"[^>]*>[^<]*<\/a>/;

export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The issue page with its PDF link filled in (idempotent: a second run updates the size). Unchanged without a slot. */
export function insertPdfLink(html: string, bytes: number, pages?: number): string {
  const label = `下载 PDF（A4${pages ? `，${pages} 页` : ''}，${formatBytes(bytes)}）`;
  const link = (href: string) => `<a class="button button-quiet pdf-link" href="${href}" type="application/pdf" data-pdf-href="${href}">${label}</a>`;
  if (slotPattern.test(html)) return html.replace(slotPattern, (_, href: string) => link(href));
  return html.replace(filledPattern, (existing) => link(/data-pdf-href="([^"]+)"/.exec(existing)![1]!));
}
