/**
 * The entry types pages and components share. Published content itself (drafts and scheduled entries left out
 * of the production build, included in `astro dev`) comes from the per-build site index, src/data/site-index.ts.
 */
import type { CollectionEntry } from 'astro:content';

export type CaseEntry = CollectionEntry<'cases'>;
export type IssueEntry = CollectionEntry<'issues'>;
export type RegionEntry = CollectionEntry<'regions'>;
export type TopicEntry = CollectionEntry<'topics'>;
