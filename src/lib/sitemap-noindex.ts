/**
 * Pages marked `<meta name="robots" content="noindex">` (regions without cases, redirect pages) do not belong in
 * the sitemap. @astrojs/sitemap lists every built page; these pure helpers take the marked ones out again.
 */

/** True when an HTML page asks not to be indexed. */
export function isNoindexPage(html: string): boolean {
  return /<meta\s+name=["']robots["']\s+content=["'][^"']*\bnoindex\b/i.test(html);
}

/** The sitemap XML without the <url> entries whose <loc> `drop` accepts; and how many were dropped. */
export function withoutUrls(xml: string, drop: (loc: string) => boolean): { xml: string; dropped: string[] } {
  const dropped: string[] = [];
  const kept = xml.replace(/<url>([\s\S]*?)<\/url>/g, (entry, inner: string) => {
    const loc = /<loc>([^<]*)<\/loc>/.exec(inner)?.[1];
    if (loc && drop(loc)) {
      dropped.push(loc);
      return '';
    }
    return entry;
  });
  return { xml: kept, dropped };
}

/** The built file for a page address: https://host/base/regions/x/ → regions/x/index.html (relative to the output). */
export function pageFileForUrl(loc: string, base: string): string | undefined {
  let path: string;
  try {
    path = decodeURIComponent(new URL(loc).pathname);
  } catch {
    return undefined;
  }
  const prefix = base.endsWith('/') ? base : `${base}/`;
  if (!path.startsWith(prefix)) return undefined;
  const rest = path.slice(prefix.length);
  return rest === '' || rest.endsWith('/') ? `${rest}index.html` : rest;
}
