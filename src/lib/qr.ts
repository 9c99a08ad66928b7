/**
 * QR codes for the printed special issues, made at build time as inline SVG (npm package `qrcode`, no network).
 */
import QRCode from 'qrcode';

// A page draws its own address twice (the print footer and the “手机扫码阅读” box): the last few codes are kept so
// the same text is encoded once. Few, so memory stays flat however many pages a build renders.
const recent = new Map<string, Promise<string>>();
const recentLimit = 16;

function encode(text: string): Promise<string> {
  let svg = recent.get(text);
  if (!svg) {
    // One byte-mode segment: an address is mostly lower-case letters anyway, and letting the package look for
    // numeric and alphanumeric runs (its regular expressions) cost about a quarter of each code.
    svg = QRCode.toString([{ data: new TextEncoder().encode(text), mode: 'byte' }], { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
    recent.set(text, svg);
    if (recent.size > recentLimit) recent.delete(recent.keys().next().value!);
  }
  return svg;
}

/** An SVG QR code for `text` (a URL), black on white with the standard quiet zone, sized by its container. */
export async function qrSvg(text: string, { label }: { label?: string } = {}): Promise<string> {
  const svg = await encode(text);
  const accessible = label ? ` role="img" aria-label="${escapeAttribute(label)}"` : ' aria-hidden="true"';
  return svg.replace(/<svg /, `<svg${accessible} class="qr-code" `).replace(/\s*\n\s*/g, '');
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
