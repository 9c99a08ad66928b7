/** content/redirects.yaml read from disk, for the pages at old addresses (Node only; the parsing is redirects.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { followRedirects, parseRedirects } from './redirects.ts';

/**
 * The redirects for the redirect pages (src/pages/[...old].astro): `{ '/cases/old/': '/cases/new/' }`, chains
 * followed to their end.
 * Astro serves the old address under the configured base but writes the target as given, so the target
 * gets the base here (`/laomo/cases/new/`).
 * Throws (failing the build) when the file cannot be read as a list of redirects, naming the file and line.
 */
export function loadAstroRedirects(file: string, base = '/'): Record<string, string> {
  const prefix = base.replace(/\/+$/, '');
  if (!existsSync(file)) return {};
  const { rules, problems } = parseRedirects(readFileSync(file, 'utf8'));
  if (problems.length) {
    const lines = problems.map((problem) => `${file}${problem.line ? `:${problem.line}` : ''}  ${problem.field}  ${problem.message}`);
    throw new Error(`跳转列表有误，请运行 npm run check 查看说明：\n${lines.join('\n')}`);
  }
  const result: Record<string, string> = {};
  for (const rule of rules) {
    const followed = followRedirects(rule.from, rules);
    if (followed === 'loop') throw new Error(`${file}:${rule.line}  跳转形成循环：${rule.from}`);
    result[rule.from] = prefix + followed.to;
  }
  return result;
}
