import { describe, expect, it } from 'vitest';
import { isPublished, unpublishedReason } from '../src/lib/publishing.ts';

const now = new Date('2026-01-01T00:00:00Z');

describe('publishing rules', () => {
  it('keeps drafts and future-dated entries off the public site', () => {
    expect(unpublishedReason({ draft: true, date: new Date('2020-01-01') }, now)).toBe('draft');
    expect(unpublishedReason({ date: new Date('2027-01-01') }, now)).toBe('scheduled');
    expect(unpublishedReason({ draft: false, date: new Date('2022-01-01') }, now)).toBeNull();
  });
  it('shows everything while previewing', () => {
    const scheduled = { date: new Date('2027-01-01') };
    expect(isPublished(scheduled, { includeUnpublished: false, now })).toBe(false);
    expect(isPublished(scheduled, { includeUnpublished: true, now })).toBe(true);
  });
});
