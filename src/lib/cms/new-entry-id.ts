/**
 * The desk names a new entry's file by the same rule as `npm run new` (src/lib/entry-id.ts): region + the title's
 * pinyin for a case, the title's pinyin (+ series part) for an issue. Decap builds file names only from a slug
 * template over the entry's fields and cannot transliterate Chinese, so the desk's preSave handler puts the id in
 * a working field `newEntryId` of a new entry, the collections' slug template is `{{fields.newEntryId}}`, and the
 * collections' formats (registered by the admin page) leave that field out of the file. Existing entries keep
 * their file name: Decap makes the slug only when an entry is first saved, so the address stays stable.
 */
import { caseIdFor, issueIdFor } from '../entry-id.ts';

export const newEntryIdField = 'newEntryId';
export const newEntrySlug = `{{fields.${newEntryIdField}}}`;

/** The desk's formats: Decap's frontmatter and YAML formats, without the working field. */
export const deskFormats = { cases: { name: 'desk-frontmatter', base: 'frontmatter', extension: 'mdx' }, issues: { name: 'desk-yaml', base: 'yaml', extension: 'yaml' } } as const;

/** `desk-frontmatter` → `frontmatter`: the Decap format a collection's format wraps. */
export function baseFormat(name: string): string {
  return Object.values(deskFormats).find((format) => format.name === name)?.base ?? name;
}

export function newEntryId(collection: string, data: Record<string, unknown>): string {
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
  if (collection === 'issues') {
    const series = data.series && typeof data.series === 'object' ? (data.series as Record<string, unknown>) : {};
    return issueIdFor({ title: text(data.title), series: { part: text(series.part) } });
  }
  return caseIdFor({ region: text(data.region), title: text(data.title) });
}

interface Formatter {
  fromFile(content: string): Record<string, unknown>;
  toFile(data: Record<string, unknown>, sortedKeys?: string[], comments?: Record<string, string>): string;
}

/** A Decap formatter that never writes the working field. */
export function withoutNewEntryId(formatter: Formatter): Formatter {
  return {
    fromFile: (content) => formatter.fromFile(content),
    toFile: (data, sortedKeys, comments) => {
      const { [newEntryIdField]: _working, ...rest } = data;
      return formatter.toFile(rest, sortedKeys, comments);
    },
  };
}
