/**
 * `npm run desk:normalise`: writes every case and issue the way the editors' desk saves it (Decap's own YAML and
 * Markdown serializers, the desk's field order and body components), so that opening and saving in the desk
 * changes nothing. Run it once after content arrives from elsewhere (the importer, `npm run new`, a merge);
 * `-- --check` only lists the files that would change and exits 1 if any would.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { contentPaths } from '../src/lib/content-paths.ts';
import { replaceFileAtomically } from './lib/atomic-write.ts';
import { deskCollections, saveAsDesk } from './lib/desk-format.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const root = process.cwd();
const collections = deskCollections(root);

const changed: string[] = [];
for (const [dir, extension] of [[contentPaths.cases, '.mdx'], [contentPaths.issues, '.yaml']] as const) {
  for (const name of readdirSync(join(root, dir)).filter((file) => file.endsWith(extension)).sort()) {
    const file = join(root, dir, name);
    const text = readFileSync(file, 'utf8');
    const saved = await saveAsDesk(collections, name, text);
    if (saved === text) continue;
    changed.push(join(dir, name));
    if (!values.check) replaceFileAtomically(file, saved); // never a half-written file
  }
}

if (changed.length === 0) console.log('全部案例和专版已是编辑台保存的格式，无需改动。');
else if (values.check) {
  console.log(`以下 ${changed.length} 个文件经编辑台打开再保存会改变格式：\n${changed.map((file) => `  ${file}`).join('\n')}\n运行 npm run desk:normalise 统一格式（内容不变）。`);
  process.exitCode = 1;
} else console.log(`已按编辑台的格式重写 ${changed.length} 个文件（内容不变）：\n${changed.map((file) => `  ${file}`).join('\n')}`);
