/** RSS items for cases, shared by the site feed and the city feeds. Pure: pages pass the entries in. */
import { formatChineseDate } from './dates.ts';
import type { DatePrecision } from '../schemas/dates.ts';
import { urls } from './urls.ts';

export interface FeedCase {
  id: string;
  data: {
    kicker?: string;
    title: string;
    subtitle?: string;
    editorNote?: string;
    organisation: string;
    date: Date;
    datePrecision?: DatePrecision;
    topics: { id: string }[];
  };
}

export interface FeedItem {
  title: string;
  link: string;
  pubDate: Date;
  description: string;
  categories: string[];
}

/** One item per case, newest first, at most `limit`. The description says how precise the date is. */
export function feedItems(cases: readonly FeedCase[], topicNames: ReadonlyMap<string, string>, { limit = 50 } = {}): FeedItem[] {
  return [...cases]
    .sort((a, b) => b.data.date.getTime() - a.data.date.getTime() || a.id.localeCompare(b.id))
    .slice(0, limit)
    .map(({ id, data }) => ({
      title: data.title,
      link: urls.case(id),
      pubDate: data.date,
      description: [data.subtitle, data.editorNote, `${data.organisation} · ${formatChineseDate(data.date, data.datePrecision)}`]
        .filter(Boolean)
        .join('\n'),
      categories: data.topics.map((topic) => topicNames.get(topic.id) ?? topic.id),
    }));
}
