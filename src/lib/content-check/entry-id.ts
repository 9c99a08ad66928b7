import { slug } from 'github-slugger';

/** The id Astro's glob loader gives a file: its `slug` field, else the slugified path without extension. */
export function globEntryId(relativePath: string, data: unknown): string {
  const explicit = (data as { slug?: unknown } | undefined)?.slug;
  if (explicit) return String(explicit);
  const withoutExtension = relativePath.replace(/\.[^./]+$/, '');
  return withoutExtension
    .split('/')
    .map((segment) => slug(segment))
    .join('/')
    .replace(/\/index$/, '');
}
