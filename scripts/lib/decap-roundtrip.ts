/**
 * Open and save a file the way the desk does, with Decap's own code: parse with the collection's format, turn
 * the body into the rich-text editor's document and back (what happens once an editor clicks into it), and
 * write with the field order of the generated config.
 */
import { bodyComponents } from '../../src/lib/cms/body-components.ts';
import { baseFormat, withoutNewEntryId } from '../../src/lib/cms/new-entry-id.ts';
import { loadDecap, type DecapNode } from './decap-node.ts';

export interface DeskCollection {
  name: string;
  format: string;
  fields: { name: string }[];
}

let decap: Promise<DecapNode> | undefined;

export function loadDesk(): Promise<DecapNode> {
  decap ??= loadDecap().then((loaded) => {
    for (const component of bodyComponents()) loaded.registerEditorComponent(component);
    return loaded;
  });
  return decap;
}

export async function openAndSave(text: string, collection: DeskCollection): Promise<string> {
  const desk = await loadDesk();
  const order = collection.fields.map((field) => field.name);
  let saved: string;
  // The desk's own formats are Decap's, leaving out the working field of a new entry's id (new-entry-id.ts).
  if (baseFormat(collection.format) === 'frontmatter') {
    const format = withoutNewEntryId(desk.frontmatterYAML());
    const data = format.fromFile(text);
    const body = typeof data.body === 'string' ? desk.slateToMarkdown(desk.markdownToSlate(data.body)) : data.body;
    saved = format.toFile({ ...data, ...(body === undefined ? {} : { body }) }, order);
  } else {
    const format = withoutNewEntryId(desk.yamlFormatter);
    saved = format.toFile(format.fromFile(text), order);
  }
  // Decap's backend adds the final newline when it is missing (backend.ts entryToRaw).
  return saved.endsWith('\n') ? saved : `${saved}\n`;
}
