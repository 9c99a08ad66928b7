import { globEntryId } from './entry-id.ts';
import { parseMdxSource, parseYamlSource } from './parse-source.ts';
import { readContentSources } from './read-sources.ts';

/** An entry straight from its file: Astro's id and the unvalidated frontmatter or YAML data. */
export interface RawEntry {
  id: string;
  file: string;
  data: Record<string, any>;
}

/**
 * The content as files say it, without Astro: for tests and tools that must know what the site
 * should contain independently of the build they check.
 */
export async function readRawEntries(root: string) {
  const sources = await readContentSources(root);
  const cases: RawEntry[] = sources.cases.map((file) => {
    const data = parseMdxSource(file.text).data as Record<string, any>;
    return { id: globEntryId(file.relativePath!, data), file: file.file, data };
  });
  const issues: RawEntry[] = sources.issues.map((file) => {
    const data = parseYamlSource(file.text).data as Record<string, any>;
    return { id: globEntryId(file.relativePath!, data), file: file.file, data };
  });
  const regions = parseYamlSource(sources.regions.text).data as { id: string; kind: string; parent?: string }[];
  return { sources, cases, issues, regions };
}
