/**
 * In `astro dev`, an entry that fails its schema is left out of the preview instead of stopping the server:
 * Astro's loaders throw on the first invalid entry, and at start-up that ends `astro dev` (withastro/astro#13595).
 * The content check (src/integrations/content-check.ts) already shows the error in the terminal and in the
 * browser, and runs again when the file is saved. Builds keep Astro's behaviour — and stop earlier anyway, at
 * the content check.
 */
import { isAbsolute, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { glob } from 'astro/loaders';

type Loader = ReturnType<typeof glob>;
type LoaderContext = Parameters<Loader['load']>[0];

/** Marks an entry whose data failed the schema, so that storing it is skipped. */
const invalid = Symbol('invalid entry');

export function devTolerant(loader: Loader, isDev: boolean): Loader {
  if (!isDev) return loader;
  return {
    ...loader,
    load: (context: LoaderContext) => {
      const parseData: LoaderContext['parseData'] = async (props) => {
        try {
          return await context.parseData(props);
        } catch {
          const file = props.filePath ? (isAbsolute(props.filePath) ? relative(fileURLToPath(context.config.root), props.filePath) : props.filePath) : `${context.collection} ${props.id}`;
          context.logger.warn(`本机预览暂不显示 ${file}：内容有误，见内容检查列出的错误。`);
          return { [invalid]: true } as never;
        }
      };
      const store = new Proxy(context.store, {
        get(target, key) {
          if (key === 'set') {
            return (entry: Parameters<LoaderContext['store']['set']>[0]) => {
              if (!(invalid in (entry.data as object))) return target.set(entry);
              target.delete(entry.id); // no stale copy of the entry in the preview
              return false;
            };
          }
          const value = Reflect.get(target, key, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      return loader.load({ ...context, parseData, store });
    },
  };
}
