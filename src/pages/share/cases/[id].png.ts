/** The share image (og:image) of each case, drawn at build time: src/lib/share-image/. */
import type { APIContext } from 'astro';
import { getSiteIndex } from '../../../data/site-index.ts';
import { buildPageKey } from '../../../data/page-keys.ts';
import { sharePng, type ShareCard } from '../../../lib/share-image/card.ts';
import { caseCard } from '../../../lib/share-image/cards.ts';

export async function getStaticPaths() {
  const site = await getSiteIndex();
  return site.cases.map((entry) => {
    // The image is drawn from the card only: an unchanged card (and code) lets the next build copy the PNG.
    const card = caseCard(entry.data, site.trail(entry.data.region.id).slice(1).map((region) => region.data.name));
    return { params: { id: entry.id }, props: { card }, cacheKey: buildPageKey({ card }) };
  });
}

export async function GET({ props }: APIContext<{ card: ShareCard }>) {
  const png = sharePng(props.card);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
