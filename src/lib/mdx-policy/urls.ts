/**
 * URL values as a browser would read them, and whether the allow-list accepts them. Decoding is deliberately
 * generous (character references decoded until nothing changes, controls and whitespace dropped), and the
 * test is an allow-list of prefixes, so an obfuscated `javascript:` either decodes to itself and is refused,
 * or stays obfuscated and starts with something no allowed form starts with.
 */
import { decodeHTML } from 'entities';
import { allowedRelativeUrl, allowedUrlSchemes, imageExtensions, imageFolder } from './allow-list.ts';

/**
 * What the browser's URL parser sees: HTML character references decoded (`&#106;` → `j`, `&colon;` → `:`),
 * leading and trailing C0 controls and spaces stripped, and tabs and newlines removed anywhere (WHATWG URL).
 */
export function normalizeUrl(value: string): string {
  let decoded = value;
  for (let round = 0; round < 5; round++) {
    const next = decodeHTML(decoded);
    if (next === decoded) break;
    decoded = next;
  }
  // eslint-disable-next-line no-control-regex
  return decoded.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** The scheme of a normalized URL, lowercased, or undefined for a relative one. */
export function urlScheme(url: string): string | undefined {
  return /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
}

/** True when a link / image / attribute URL is in the allowed forms. */
export function isAllowedUrl(value: string): boolean {
  const url = normalizeUrl(value);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(url)) return false;
  const scheme = urlScheme(url);
  if (scheme) return allowedUrlSchemes.has(scheme) && (scheme === 'mailto' || scheme === 'tel' || /^https?:\/\/[^/]/i.test(url));
  return allowedRelativeUrl.test(url);
}

const imageFile = new RegExp(`\\.(?:${imageExtensions.join('|')})$`, 'i');

/**
 * True for `./images/name.jpg` (sub-folders allowed): no `..` or `.` segments, no query or fragment (Vite
 * reads `?raw`, `?url`), no percent-escapes or backslashes, and one of the image extensions.
 */
export function isImagePath(spec: string): boolean {
  if (!spec.startsWith(imageFolder)) return false;
  const rest = spec.slice(imageFolder.length);
  // eslint-disable-next-line no-control-regex
  if (/[?#%\\\u0000-\u001f\u007f]/.test(rest)) return false;
  const segments = rest.split('/');
  if (segments.some((segment) => segment === '' || segment === '.' || segment === '..')) return false;
  return imageFile.test(rest);
}
