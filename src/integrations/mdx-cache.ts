/**
 * Keeps each article's MDX compile between builds (src/lib/transform-cache.ts, under Astro's cache folder,
 * node_modules/.astro/mdx-compile/): `astro build` compiles every .mdx on every run, which is most of the bundling
 * time, while a rebuild after one edit needs only that one. The compiled output is reused only when the file's
 * text, its path and the source version (src/, config, package-lock: src/lib/source-version.ts) are unchanged;
 * a file that fails to compile (refused by the MDX allow-list, a syntax error) is never cached, so it fails again.
 * Wraps the transform of @astrojs/mdx's Vite plugin; must come after mdx() in astro.config.mjs.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { createTransformCache } from '../lib/transform-cache.ts';
import { sourceVersion } from '../lib/source-version.ts';

const mdxPluginName = '@mdx-js/rolldown';
/** Bump when what is stored changes shape. */
const cacheFormat = 'mdx-compile-1';

interface Compiled {
  code: string;
  map: unknown;
  meta: unknown;
}

type TransformHandler = (this: unknown, code: string, id: string, ...rest: unknown[]) => Promise<Compiled | null | undefined>;

export default function mdxCompileCache(): AstroIntegration {
  let cache: ReturnType<typeof createTransformCache<Compiled>> | undefined;
  return {
    name: 'laomo-mdx-compile-cache',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        if (command !== 'build') return;
        const root = fileURLToPath(config.root);
        cache = createTransformCache<Compiled>(fileURLToPath(new URL('mdx-compile/', config.cacheDir)), `${cacheFormat}\u0000${sourceVersion(root)}`);
        const wrapped = new WeakSet<object>();
        const plugin: Plugin = {
          name: 'laomo-mdx-compile-cache',
          configResolved(resolved) {
            const mdx = resolved.plugins.find((candidate) => candidate.name === mdxPluginName);
            const transform = mdx?.transform as { handler?: TransformHandler } | undefined;
            if (!mdx || !transform?.handler) throw new Error(`mdx-compile-cache：找不到 ${mdxPluginName} 的 transform（@astrojs/mdx 升级后需要更新 src/integrations/mdx-cache.ts）`);
            if (wrapped.has(transform)) return;
            wrapped.add(transform);
            const compile = transform.handler;
            const sourcemap = String(!!resolved.build.sourcemap);
            transform.handler = async function (code, id, ...rest) {
              const known = cache!.get(`${sourcemap}\u0000${id}`, code);
              if (known) return known;
              const compiled = await compile.call(this, code, id, ...rest);
              if (compiled) cache!.set(`${sourcemap}\u0000${id}`, code, { code: compiled.code, map: compiled.map ?? null, meta: compiled.meta });
              return compiled;
            };
          },
        };
        updateConfig({ vite: { plugins: [plugin] } });
      },
      'astro:build:done': ({ logger }) => {
        if (!cache) return;
        const pruned = cache.prune();
        logger.info(`MDX 编译缓存：复用 ${cache.stats.hits} 篇，重新编译 ${cache.stats.misses} 篇${pruned ? `，清除 ${pruned} 条旧缓存` : ''}。`);
      },
    },
  };
}
