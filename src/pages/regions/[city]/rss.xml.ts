import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { RegionEntry } from '../../../data/content.ts';
import { getSiteIndex } from '../../../data/site-index.ts';
import { feedItems } from '../../../lib/feed-items.ts';

export async function getStaticPaths() {
  const { regions } = await getSiteIndex();
  return regions.filter((region) => region.data.kind === 'city').map((city) => ({ params: { city: city.id }, props: { city } }));
}

/** A city's feed: its published cases and those of its counties. */
export async function GET(context: APIContext<{ city: RegionEntry }>) {
  const { city } = context.props;
  const lookup = await getSiteIndex();
  return rss({
    title: `浙江劳模工匠 · ${city.data.name}`,
    description: `${city.data.name}劳模协会、工会的劳模工匠工作案例`,
    site: context.site!,
    items: feedItems(lookup.casesUnder(city.id), new Map(lookup.topics.map((topic) => [topic.id, topic.data.name]))),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
  });
}
