/** What decides whether an entry is on the public site. */
export interface Publishable {
  draft?: boolean;
  date: Date;
}

export interface PublishingOptions {
  /** Drafts and scheduled entries are shown while editors preview with `npm run dev`. */
  includeUnpublished: boolean;
  now?: Date;
}

/** Why an entry is kept off the public site, or null when it is published. */
export function unpublishedReason(entry: Publishable, now: Date = new Date()): 'draft' | 'scheduled' | null {
  if (entry.draft) return 'draft';
  if (entry.date.getTime() > now.getTime()) return 'scheduled';
  return null;
}

export function isPublished(entry: Publishable, { includeUnpublished, now }: PublishingOptions): boolean {
  return includeUnpublished || unpublishedReason(entry, now) === null;
}
