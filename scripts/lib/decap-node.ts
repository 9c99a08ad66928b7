/**
 * Decap's own config validation and serializers, loaded in Node: esbuild bundles the ESM sources shipped in
 * node_modules (decap-cms-core, decap-cms-widget-markdown) into one file, replacing only the markdown widget's
 * React control by the registry it reads editor components from. What the tests run is the code the desk runs.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '../..');
const widgetsWithSchema = ['code', 'datetime', 'file', 'image', 'list', 'map', 'markdown', 'number', 'object', 'relation', 'richtext', 'select'];
const plainWidgets = ['string', 'text', 'boolean', 'hidden', 'colorstring', 'uuid'];

const entry = `
import { registerWidget, registerEditorComponent, getEditorComponents } from 'decap-cms-core/dist/esm/lib/registry';
${widgetsWithSchema.map((name) => `import ${name}Schema from 'decap-cms-widget-${name}/dist/esm/schema';`).join('\n')}
${widgetsWithSchema.map((name) => `registerWidget('${name}', () => null, null, ${name}Schema);`).join('\n')}
${plainWidgets.map((name) => `registerWidget('${name}', () => null, null, {});`).join('\n')}
export { validateConfig } from 'decap-cms-core/dist/esm/constants/configSchema';
export { registerEditorComponent, getEditorComponents };
export { FrontmatterFormatter, frontmatterYAML } from 'decap-cms-core/dist/esm/formats/frontmatter';
export { default as yamlFormatter } from 'decap-cms-core/dist/esm/formats/yaml';
export { markdownToSlate, slateToMarkdown } from 'decap-cms-widget-markdown/dist/esm/serializers';
export { slugFormatter } from 'decap-cms-core/dist/esm/lib/formatters';
export { summaryFormatter } from 'decap-cms-core/dist/esm/lib/formatters';
export { fromJS } from 'immutable';
`;

export interface DecapNode {
  validateConfig(config: unknown): void;
  registerEditorComponent(component: unknown): void;
  frontmatterYAML(): { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string };
  yamlFormatter: { fromFile(text: string): Record<string, unknown>; toFile(data: Record<string, unknown>, sortedKeys?: string[]): string };
  markdownToSlate(markdown: string, options?: Record<string, unknown>): unknown;
  slateToMarkdown(slate: unknown, options?: Record<string, unknown>): string;
  /** Decap's slug from the collection's template and the entry's data (Immutable maps, made with `fromJS`). */
  slugFormatter(collection: unknown, entryData: unknown, slugConfig: unknown): string;
  /** The title of an entry in a collection's list (the `summary` template), with Immutable's `fromJS`. */
  summaryFormatter(template: string, entry: unknown, collection: unknown): string;
  fromJS(value: unknown): unknown;
}

let loaded: Promise<DecapNode> | undefined;

export function loadDecap(): Promise<DecapNode> {
  loaded ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'decap-node-'));
    const outfile = join(dir, 'decap.mjs');
    await build({
      stdin: { contents: entry, resolveDir: root, loader: 'js' },
      bundle: true,
      platform: 'node',
      mainFields: ['module', 'main'],
      format: 'esm',
      outfile,
      logLevel: 'error',
      define: { 'process.env.NODE_ENV': '"production"' },
      // Some modules touch \`window\` when loaded (an empty placeholder image made with URL.createObjectURL).
      // Decap's draft backup (localforage) looks for browser storage: an in-memory one keeps it quiet.
      banner: {
        js: [
          "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
          'globalThis.window ??= globalThis;',
          'if (!globalThis.__decapStorage) { const items = new Map(); globalThis.__decapStorage = { getItem: (k) => (items.has(k) ? items.get(k) : null), setItem: (k, v) => void items.set(k, String(v)), removeItem: (k) => void items.delete(k), clear: () => items.clear(), key: (i) => [...items.keys()][i] ?? null, get length() { return items.size; } };',
          "  Object.defineProperty(globalThis, 'localStorage', { value: globalThis.__decapStorage, configurable: true, writable: true }); }",
        ].join('\n'),
      },
      plugins: [
        {
          name: 'markdown-control-registry',
          setup(build) {
            build.onResolve({ filter: /^\.\.\/MarkdownControl$/ }, () => ({ path: 'markdown-control', namespace: 'decap-shim' }));
            // The browser history of the app, created when its module loads: not needed to serialize.
            build.onResolve({ filter: /^history$/ }, () => ({ path: 'history', namespace: 'decap-shim' }));
            build.onLoad({ filter: /.*/, namespace: 'decap-shim' }, (args) => ({
              contents:
                args.path === 'history'
                  ? 'export const createHashHistory = () => ({ push() {}, replace() {}, listen() {} }); export const createBrowserHistory = createHashHistory;'
                  : "export { getEditorComponents } from 'decap-cms-core/dist/esm/lib/registry';",
              resolveDir: root,
              loader: 'js',
            }));
          },
        },
      ],
    });
    try {
      return (await import(pathToFileURL(outfile).href)) as DecapNode;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return loaded;
}
