/** The share image (og:image) of each case, drawn at build time: src/lib/share-image/. */
import type { APIContext } from 'astro';
import { join } from 'node:path';
import type { CaseEntry } from '../../../data/content.ts';
import { getSiteIndex } from '../../../data/site-index.ts';
import { sharePng } from '../../../lib/share-image/card.ts';
import { caseCard } from '../../../lib/share-image/cards.ts';

export async function getStaticPaths() {
  const { cases } = await getSiteIndex();
  return cases.map((entry) => ({ params: { id: entry.id }, props: { entry } }));
}

export async function GET({ props }: APIContext<{ entry: CaseEntry }>) {
  const site = await getSiteIndex();
  const { data } = props.entry;
  const trail = site.trail(data.region.id).slice(1).map((region) => region.data.name);
  const png = await sharePng(caseCard(data, trail), { cacheDir: join(process.cwd(), '.cache/share-images') });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
