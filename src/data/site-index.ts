/**
 * The site index of this build (src/lib/site-index.ts), shared by every page: the collections are read, filtered
 * and ordered once, not once per page. In `astro build` content cannot change, so the first index is kept. In
 * `astro dev` the collections are re-read on each call (cheap, one request at a time) and the index is rebuilt
 * only when an entry's id or digest changed, so a saved edit shows on the next request.
 */
import { getCollection } from 'astro:content';
import { isPublished } from '../lib/publishing.ts';
import { buildSiteIndex, collectionsKey, type SiteIndex as PureSiteIndex } from '../lib/site-index.ts';
import type { CaseEntry, IssueEntry, RegionEntry, TopicEntry } from './content.ts';

export type SiteIndex = PureSiteIndex<CaseEntry, IssueEntry, RegionEntry, TopicEntry>;

const dev = import.meta.env.DEV;
const publishing = { includeUnpublished: dev };

let memo: { key: string | undefined; index: Promise<SiteIndex> } | undefined;

async function readCollections() {
  const [cases, issues, regions, topics] = await Promise.all([
    getCollection('cases', ({ data }) => isPublished(data, publishing)),
    getCollection('issues', ({ data }) => isPublished(data, publishing)),
    getCollection('regions'),
    getCollection('topics'),
  ]);
  return { cases, issues, regions, topics };
}

export async function getSiteIndex(): Promise<SiteIndex> {
  if (!dev) {
    // One index per build: every page awaits the same promise.
    memo ??= { key: undefined, index: readCollections().then((collections) => buildSiteIndex(collections)) };
    return memo.index;
  }
  const collections = await readCollections();
  const key = collectionsKey([collections.cases, collections.issues, collections.regions, collections.topics]);
  if (memo?.key !== key) memo = { key, index: Promise.resolve(buildSiteIndex(collections)) };
  return memo.index;
}
