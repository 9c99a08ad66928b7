/**
 * What the built site should contain, read from the content files themselves (never hard-coded counts):
 * the published cases and issues with their titles and the issues' article order.
 */
import { resolve } from 'node:path';
import { readRawEntries } from '../../src/lib/content-check/raw-entries.ts';
import { unpublishedReason } from '../../src/lib/publishing.ts';

export const projectRoot = resolve(import.meta.dirname, '../..');

export interface ExpectedCase { id: string; title: string; kicker?: string; subtitle?: string; published: boolean }
export interface ExpectedIssue { id: string; title: string; caseIds: string[]; published: boolean }

const isPublished = (data: Record<string, unknown>) =>
  unpublishedReason({ draft: data.draft as boolean | undefined, date: new Date(data.date as string) }) === null;

export async function readExpectedContent() {
  const entries = await readRawEntries(projectRoot);
  const cases: ExpectedCase[] = entries.cases.map(({ id, data }) => ({
    id,
    title: String(data.title),
    kicker: data.kicker as string | undefined,
    subtitle: data.subtitle as string | undefined,
    published: isPublished(data),
  }));
  const issues: ExpectedIssue[] = entries.issues.map(({ id, data }) => ({
    id,
    title: String(data.title),
    caseIds: (data.cases as string[]).map(String),
    published: isPublished(data),
  }));
  return { cases, issues, publishedCases: cases.filter((c) => c.published), publishedIssues: issues.filter((i) => i.published) };
}
