/**
 * Files written the way the editors' desk saves them: the desk's collections (the generated Decap config) and
 * Decap's own serializers (decap-roundtrip.ts). `npm run new`, `npm run import` and `npm run desk:normalise` all
 * write through here, so a file they write opens and saves in the desk without a diff.
 */
import { loadDeskConfig } from '../../src/lib/cms/desk-config.ts';
import { openAndSave, type DeskCollection } from './decap-roundtrip.ts';

export interface DeskCollections {
  cases: DeskCollection;
  issues: DeskCollection;
}

/** The cases and issues collections of the desk's configuration for this repository. */
export function deskCollections(root: string): DeskCollections {
  const config = loadDeskConfig(root, {}) as { collections: DeskCollection[] };
  const named = (name: string) => config.collections.find((item) => item.name === name)!;
  return { cases: named('cases'), issues: named('issues') };
}

/** `text` as the desk would save it: a case (`.mdx`) or an issue (`.yaml`). */
export function saveAsDesk(collections: DeskCollections, path: string, text: string): Promise<string> {
  if (path.endsWith('.mdx')) return openAndSave(text, collections.cases);
  if (path.endsWith('.yaml')) return openAndSave(text, collections.issues);
  throw new Error(`saveAsDesk: not a case or an issue: ${path}`);
}
