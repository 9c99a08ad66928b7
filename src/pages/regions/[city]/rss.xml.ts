import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import type { RegionEntry } from '../../../data/content.ts';
import { getSiteIndex } from '../../../data/site-index.ts';
import { feedItems } from '../../../lib/feed-items.ts';
import { urls } from '../../../lib/urls.ts';

export async function getStaticPaths() {
  // Only cities with cases: an empty feed is not worth subscribing to (and nothing links to one).
  const { cities, casesUnder } = await getSiteIndex();
  return cities.filter((city) => casesUnder(city.id).length > 0).map((city) => ({ params: { city: city.id }, props: { city } }));
}

/** A city's feed: its published cases and those of its counties. */
export async function GET(context: APIContext<{ city: RegionEntry }>) {
  const { city } = context.props;
  const lookup = await getSiteIndex();
  return rss({
    title: `浙江劳模工匠 · ${city.data.name}`,
    description: `${city.data.name}劳模协会、工会的劳模工匠工作案例`,
    // The channel's <link> is the city page (item links are site paths, so they resolve the same).
    site: new URL(urls.city(city.id), context.site!).href,
    items: feedItems(lookup.casesUnder(city.id), new Map(lookup.topics.map((topic) => [topic.id, topic.data.name]))),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
    stylesheet: urls.asset('rss.xsl'),
  });
}
