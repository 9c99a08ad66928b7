/**
 * Keys for Astro's incremental build (experimental.incrementalBuild, astro.config.mjs): a page whose key and code
 * are unchanged since the last build is copied from it instead of rendered. A key is a hash of the build's source
 * version (src/lib/source-version.ts: code, config, site settings, regions, topics, SITE_URL …) and of the
 * page's view: the one object the page renders from (e.g. src/lib/case-page.ts). Content entries in the view
 * count by id and content digest (the digest covers their whole file); everything else by value.
 */
import { createHash } from 'node:crypto';

const isEntry = (value: object): value is { id: string; digest: string | number; collection?: string } =>
  typeof (value as { id?: unknown }).id === 'string' && ['string', 'number'].includes(typeof (value as { digest?: unknown }).digest) && 'data' in value;

/** Text of each Map and Set already written: pages share the site index's (all regions, all topics), and
 * the index does not change during a build, so each is written out once, not once per page. */
const collectionText = new WeakMap<object, string>();

const replacer = (_key: string, value: unknown) => {
  if (value instanceof Map || value instanceof Set) {
    let text = collectionText.get(value);
    if (text === undefined) collectionText.set(value, (text = viewText([...value])));
    return { __collection: text };
  }
  if (value && typeof value === 'object' && isEntry(value)) return `${value.collection ?? ''}/${value.id}@${value.digest}`;
  return value;
};

/** The view as stable text: Maps and Sets as lists, dates as ISO strings, entries as `collection/id@digest`. */
export function viewText(view: unknown): string {
  return JSON.stringify(view, replacer) ?? '';
}

export function pageKey(sourceVersion: string, view: unknown): string {
  return createHash('sha256').update(sourceVersion).update('\u0000').update(viewText(view)).digest('hex');
}
