import rss from '@astrojs/rss';
import type { APIContext } from 'astro';
import { getSiteIndex } from '../data/site-index.ts';
import { feedItems } from '../lib/feed-items.ts';
import { urls } from '../lib/urls.ts';

/** The site feed: the newest published cases (drafts and scheduled entries never appear). */
export async function GET(context: APIContext) {
  const { cases, topics } = await getSiteIndex();
  return rss({
    title: '浙江劳模工匠 · 最新案例',
    description: '浙江省劳模工匠专版与各地劳模协会工作案例',
    site: context.site!,
    items: feedItems(cases, new Map(topics.map((topic) => [topic.id, topic.data.name]))),
    customData: '<language>zh-cn</language>',
    trailingSlash: true,
    // Opened in a browser, the feed is a Chinese page that explains subscribing (public/rss.xsl).
    stylesheet: urls.asset('rss.xsl'),
  });
}
