/**
 * The MDX compile cache (src/integrations/mdx-cache.ts, src/lib/transform-cache.ts): a second build reuses an
 * article's compiled output only for the same text and path, never caches a refused article, and prunes what a
 * build no longer uses.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import mdxCompileCache from '../src/integrations/mdx-cache.ts';
import { createTransformCache } from '../src/lib/transform-cache.ts';

const root = mkdtempSync(join(tmpdir(), 'laomo-mdx-cache-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('createTransformCache', () => {
  it('returns what was stored for the same id and text only, and prunes the unused entries', () => {
    const dir = join(root, 'plain');
    const first = createTransformCache<{ code: string }>(dir, 'v1');
    expect(first.get('a.mdx', '正文')).toBeUndefined();
    first.set('a.mdx', '正文', { code: 'A' });
    first.set('b.mdx', '正文', { code: 'B' });
    expect(first.get('a.mdx', '正文')).toEqual({ code: 'A' });
    const second = createTransformCache<{ code: string }>(dir, 'v1');
    expect(second.get('a.mdx', '正文')).toEqual({ code: 'A' });
    expect(second.get('a.mdx', '改过的正文')).toBeUndefined();
    expect(createTransformCache(dir, 'v2').get('a.mdx', '正文')).toBeUndefined();
    expect(second.prune()).toBe(1); // b.mdx was not used by the second run
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(createTransformCache<{ code: string }>(dir, 'v1').get('b.mdx', '正文')).toBeUndefined();
  });

  it('treats an unreadable entry as a miss', () => {
    const dir = join(root, 'broken');
    const cache = createTransformCache<{ code: string }>(dir, 'v1');
    cache.set('a.mdx', '正文', { code: 'A' });
    for (const name of readdirSync(dir)) writeFileSync(join(dir, name), '{"code":');
    expect(createTransformCache(dir, 'v1').get('a.mdx', '正文')).toBeUndefined();
  });
});

describe('mdxCompileCache', () => {
  /** One `astro build` as the integration sees it, with a stand-in for @astrojs/mdx's compile. */
  function build(compile: (code: string, id: string) => Promise<{ code: string; map: null; meta: object }>) {
    const integration = mdxCompileCache();
    const plugins: { configResolved: (config: unknown) => void }[] = [];
    const config = { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(join(root, 'astro-cache/')) };
    (integration.hooks['astro:config:setup'] as (options: unknown) => void)({
      command: 'build',
      config,
      updateConfig: ({ vite }: { vite: { plugins: typeof plugins } }) => plugins.push(...vite.plugins),
    });
    const mdx = { name: '@mdx-js/rolldown', transform: { handler: compile } };
    plugins[0]!.configResolved({ plugins: [mdx], build: { sourcemap: false } });
    const messages: string[] = [];
    return {
      transform: (code: string, id: string) => mdx.transform.handler(code, id),
      done: () => {
        (integration.hooks['astro:build:done'] as (options: unknown) => void)({ logger: { info: (text: string) => messages.push(text) } });
        return messages;
      },
    };
  }

  it('compiles an unchanged article once across builds, an edited one again, and a refused one every time', async () => {
    const compiled: string[] = [];
    const compile = async (code: string, id: string) => {
      compiled.push(id);
      if (code.includes('<script')) throw new Error('MDX 允许清单：不允许 <script>');
      return { code: `compiled(${code})`, map: null, meta: { astro: { propagation: 'none' }, vite: { lang: 'ts' } } };
    };
    const first = build(compile);
    expect(await first.transform('甲', '/c/a.mdx')).toMatchObject({ code: 'compiled(甲)' });
    await expect(first.transform('<script>', '/c/bad.mdx')).rejects.toThrow('允许清单');
    first.done();

    const second = build(compile);
    expect(await second.transform('甲', '/c/a.mdx')).toEqual({ code: 'compiled(甲)', map: null, meta: { astro: { propagation: 'none' }, vite: { lang: 'ts' } } });
    expect(await second.transform('乙', '/c/b.mdx')).toMatchObject({ code: 'compiled(乙)' });
    await expect(second.transform('<script>', '/c/bad.mdx')).rejects.toThrow('允许清单');
    expect(second.done().join('')).toContain('复用 1 篇，重新编译 2 篇');
    expect(compiled).toEqual(['/c/a.mdx', '/c/bad.mdx', '/c/b.mdx', '/c/bad.mdx']);
    expect(existsSync(join(root, 'astro-cache/mdx-compile'))).toBe(true);
  });
});
