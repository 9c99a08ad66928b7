/**
 * QR codes for the printed special issues, made at build time as inline SVG (npm package `qrcode`, no network).
 */
import QRCode from 'qrcode';

/** An SVG QR code for `text` (a URL), black on white with the standard quiet zone, sized by its container. */
export async function qrSvg(text: string, { label }: { label?: string } = {}): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 4, color: { dark: '#000000', light: '#ffffff' } });
  const accessible = label ? ` role="img" aria-label="${escapeAttribute(label)}"` : ' aria-hidden="true"';
  return svg.replace(/<svg /, `<svg${accessible} class="qr-code" `).replace(/\s*\n\s*/g, '');
}

function escapeAttribute(value: string): string {
  return value.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;');
}
