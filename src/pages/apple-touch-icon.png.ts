/** The site icon as a 180×180 PNG, drawn at build time with the npm font (src/lib/share-image/card.ts). */
import { iconPng } from '../lib/share-image/card.ts';

export async function GET() {
  return new Response(new Uint8Array(await iconPng(180)), { headers: { 'Content-Type': 'image/png' } });
}
