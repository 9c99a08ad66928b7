/**
 * Reads every built HTML page and checks its internal links and images against the files of the build:
 * what a link checker would find, without a server. `base` is the site's base path (`/` or `/laomo/`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

export interface BuiltPage { path: string; url: string; html: string }

export function listFiles(dir: string, ext: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(ext))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** Every HTML page with the URL it is served at. */
export function builtPages(distDir: string, base = '/'): BuiltPage[] {
  return listFiles(distDir, '.html').map((file) => {
    const rel = relative(distDir, file).split(sep).join('/');
    const url = base + (rel === 'index.html' ? '' : rel.endsWith('/index.html') ? rel.slice(0, -'index.html'.length) : rel);
    return { path: file, url, html: readFileSync(file, 'utf8') };
  });
}

const decode = (value: string) => value.replaceAll('&amp;', '&').replaceAll('&quot;', '"').replaceAll('&#39;', "'");

/** href/src/srcset/poster values of a page, with the attribute and tag they came from. */
export function references(html: string): { tag: string; attribute: string; value: string }[] {
  const found: { tag: string; attribute: string; value: string }[] = [];
  for (const tag of html.matchAll(/<([a-z][a-z0-9-]*)\b([^>]*)>/gi)) {
    const [, name, attributes] = tag;
    for (const attribute of attributes!.matchAll(/\s(href|src|srcset|poster|action)="([^"]*)"/gi)) {
      const key = attribute[1]!.toLowerCase();
      const value = decode(attribute[2]!);
      if (key === 'srcset') for (const candidate of value.split(',')) found.push({ tag: name!.toLowerCase(), attribute: key, value: candidate.trim().split(/\s+/)[0]! });
      else found.push({ tag: name!.toLowerCase(), attribute: key, value });
    }
  }
  return found;
}

/** The file a site URL path resolves to, like the static server does (clean URLs), or undefined. */
export function resolveBuilt(distDir: string, base: string, pathname: string): string | undefined {
  if (!pathname.startsWith(base)) return undefined;
  const rest = decodeURIComponent(pathname.slice(base.length));
  for (const candidate of [join(distDir, rest), join(distDir, rest, 'index.html')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return undefined;
}

export interface LinkProblem { page: string; reference: string; problem: string }

/**
 * Broken internal links, images and fragments; any resource loaded from another host. Links to other sites
 * (`<a href="https://…">`) are allowed but listed in `external`.
 */
export function checkLinks(distDir: string, base = '/', site = 'https://laomo.example.org') {
  const pages = builtPages(distDir, base);
  const idsByFile = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    if (!idsByFile.has(file)) idsByFile.set(file, new Set([...readFileSync(file, 'utf8').matchAll(/\sid="([^"]+)"/g)].map((m) => decode(m[1]!))));
    return idsByFile.get(file)!;
  };
  const problems: LinkProblem[] = [];
  const external: string[] = [];
  let checked = 0;
  // Redirect pages (Astro `redirects`, content/redirects.yaml) belong to the redirect feature and its tests.
  const redirects = pages.filter((page) => /<meta http-equiv="refresh"/i.test(page.html));
  for (const page of pages) {
    if (redirects.includes(page)) continue;
    const pageUrl = new URL(page.url, site);
    for (const ref of references(page.html)) {
      if (/^(mailto|tel|data|javascript):/i.test(ref.value)) continue;
      const target = new URL(ref.value, pageUrl);
      if (target.origin !== new URL(site).origin) {
        if (ref.tag === 'a') external.push(`${page.url} → ${ref.value}`);
        else problems.push({ page: page.url, reference: ref.value, problem: `${ref.tag} ${ref.attribute} 指向外站资源` });
        continue;
      }
      checked += 1;
      const file = resolveBuilt(distDir, base, target.pathname);
      if (!file) {
        problems.push({ page: page.url, reference: ref.value, problem: '目标不存在' });
        continue;
      }
      if (!target.pathname.endsWith('/') && file.endsWith('index.html') && ref.tag === 'a') {
        problems.push({ page: page.url, reference: ref.value, problem: '缺少结尾斜杠（trailingSlash: always）' });
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && file.endsWith('.html') && !idsOf(file).has(fragment)) {
        problems.push({ page: page.url, reference: ref.value, problem: `页面中没有 id="${fragment}"` });
      }
    }
  }
  return { pages, problems, external, checked, redirects: redirects.map((page) => page.url) };
}
