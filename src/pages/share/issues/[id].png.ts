/** The share image (og:image) of each special issue, drawn at build time: src/lib/share-image/. */
import type { APIContext } from 'astro';
import { join } from 'node:path';
import type { IssueEntry } from '../../../data/content.ts';
import { getSiteIndex } from '../../../data/site-index.ts';
import { sharePng } from '../../../lib/share-image/card.ts';
import { issueCard } from '../../../lib/share-image/cards.ts';

export async function getStaticPaths() {
  const { issues } = await getSiteIndex();
  return issues.map((issue) => ({ params: { id: issue.id }, props: { issue } }));
}

export async function GET({ props }: APIContext<{ issue: IssueEntry }>) {
  const site = await getSiteIndex();
  const png = await sharePng(issueCard(props.issue.data, site.casesOfIssue(props.issue).length), { cacheDir: join(process.cwd(), '.cache/share-images') });
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
}
