/**
 * The editors' desk in the built site: /admin/ and its generated config are there, and no reader page loads the
 * desk's bundle (Decap is several megabytes and only editors need it).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import YAML from 'yaml';
import { describe, expect, inject, it } from 'vitest';

const dist = inject('distDir');

function htmlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? htmlFiles(path) : name.endsWith('.html') ? [path] : [];
  });
}

describe('the desk in the build', () => {
  const adminHtml = readFileSync(join(dist, 'admin/index.html'), 'utf8');
  const deskScript = /<script type="module" src="([^"]+)"/.exec(adminHtml)?.[1];

  it('serves /admin/ with its bundled script and the generated config', () => {
    // Linked relatively (any BASE_PATH): admin/desk/desk.js, bundled outside Astro (src/integrations/desk-bundle.ts).
    expect(deskScript).toBe('desk/desk.js');
    expect(readFileSync(join(dist, 'admin', deskScript!), 'utf8')).toMatch(/decap|Decap/);
    const config = YAML.parse(readFileSync(join(dist, 'admin/config.yml'), 'utf8'));
    expect(config.locale).toBe('zh_Hans');
    expect(config.collections.map((collection: { name: string }) => collection.name)).toEqual(['cases', 'issues']);
  });

  it('loads the desk bundle on /admin/ only', () => {
    const name = deskScript!.split('/').pop()!;
    const readers = htmlFiles(dist).filter((file) => !relative(dist, file).startsWith('admin/'));
    expect(readers.length).toBeGreaterThan(50);
    expect(readers.filter((file) => readFileSync(file, 'utf8').includes(name))).toEqual([]);
  });
});
