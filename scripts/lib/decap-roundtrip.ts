/**
 * Open and save a file the way the desk does, with Decap's own code: parse with the collection's format, turn
 * the body into the rich-text editor's document and back (what happens once an editor clicks into it), and
 * write with the field order of the generated config.
 */
import { bodyComponents } from '../../src/lib/cms/body-components.ts';
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
  if (collection.format === 'frontmatter') {
    const format = desk.frontmatterYAML();
    const data = format.fromFile(text);
    const body = typeof data.body === 'string' ? desk.slateToMarkdown(desk.markdownToSlate(data.body)) : data.body;
    saved = format.toFile({ ...data, ...(body === undefined ? {} : { body }) }, order);
  } else {
    saved = desk.yamlFormatter.toFile(desk.yamlFormatter.fromFile(text), order);
  }
  // Decap's backend adds the final newline when it is missing (backend.ts entryToRaw).
  return saved.endsWith('\n') ? saved : `${saved}\n`;
}
