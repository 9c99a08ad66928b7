/**
 * Old addresses that must keep working after an article is renamed or moved: `content/redirects.yaml`.
 *
 *     - from: /cases/jiu-mingzi/
 *       to: /cases/xin-mingzi/
 *
 * Pure parsing and validation, used by `npm run check` and by the desk's check in the browser; reading the file
 * for the redirect pages is in redirects-file.ts (Node only).
 * Paths are site paths without the deployment base: `/cases/x/`, not `https://…/laomo/cases/x/`.
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { redirectFieldName } from './content-check/field-labels.ts';
import { explainYamlError } from './content-check/yaml-errors.ts';

export interface RedirectRule {
  from: string;
  to: string;
  /** 1-based line of the rule's `from` (or of the item) in the file. */
  line?: number;
  /** Line of the `to` value. */
  toLine?: number;
}

export interface RedirectProblem {
  line?: number;
  field: string;
  message: string;
  hint?: string;
}

/** `cases/x` / `/cases/x` / `/cases/x/index.html` → `/cases/x/`; undefined for something that is not a site path. */
export function normalizeSitePath(value: string): string | undefined {
  let path = value.trim();
  if (!path || /^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('//')) return undefined;
  if (/[?#\s\\]/.test(path)) return undefined;
  path = path.replace(/\/index\.html$/, '/');
  if (!path.startsWith('/')) path = `/${path}`;
  if (!path.endsWith('/')) path = `${path}/`;
  if (path.split('/').some((segment) => segment === '.' || segment === '..')) return undefined;
  return path.replace(/\/{2,}/g, '/');
}

const formatHint = '每一项写两行：from: /cases/旧编号/ 和 to: /cases/新编号/（参见 docs/编辑指南.md “给文章改名”）。';

/** Parse the YAML text of `content/redirects.yaml`. An empty file (or only comments) is an empty list. */
export function parseRedirects(text: string): { rules: RedirectRule[]; problems: RedirectProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  if (doc.errors.length) {
    return {
      rules: [],
      problems: doc.errors.map((error) => {
        const { line, col } = lineCounter.linePos(Math.min(error.pos[0], text.length));
        const { message, hint } = explainYamlError({ code: error.code, message: error.message, lineText: text.split('\n')[line - 1] });
        return { line, field: '(格式)', message: `格式错误（第 ${line} 行第 ${col} 列）：${message}`, hint };
      }),
    };
  }
  const root = doc.contents as Node | null;
  if (root == null) return { rules: [], problems: [] };
  if (!isSeq(root)) return { rules: [], problems: [{ line: lineAt(root), field: '(整个文件)', message: '应为一个列表', hint: formatHint }] };

  const rules: RedirectRule[] = [];
  const problems: RedirectProblem[] = [];
  root.items.forEach((item, index) => {
    const node = item as Node;
    const itemLine = lineAt(node);
    if (!isMap(node)) {
      problems.push({ line: itemLine, field: `第 ${index + 1} 条跳转`, message: '每一项应含 from 和 to 两行', hint: formatHint });
      return;
    }
    const pairs = new Map(node.items.map((pair) => [String((pair.key as { value?: unknown } | null)?.value), pair]));
    for (const key of pairs.keys()) {
      if (key !== 'from' && key !== 'to') problems.push({ line: lineAt(pairs.get(key)!.key as Node), field: redirectFieldName(index, key), message: `无法识别的字段：${key}`, hint: formatHint });
    }
    const read = (key: 'from' | 'to') => {
      const pair = pairs.get(key);
      const line = lineAt((pair?.value ?? pair?.key ?? node) as Node);
      const raw = (pair?.value as { value?: unknown } | null | undefined)?.value;
      if (typeof raw !== 'string' || !raw.trim()) {
        problems.push({ line, field: redirectFieldName(index, key), message: '缺少必填字段', hint: formatHint });
        return undefined;
      }
      const path = normalizeSitePath(raw);
      if (!path) {
        problems.push({ line, field: redirectFieldName(index, key), message: `“${raw}” 不是本站的网址路径`, hint: '只写路径部分，如 /cases/pingyang-xian/，不要带 https:// 和域名。' });
        return undefined;
      }
      return { path, line };
    };
    const from = read('from');
    const to = read('to');
    if (from && to) rules.push({ from: from.path, to: to.path, line: from.line ?? itemLine, toLine: to.line });
  });
  return { rules, problems };
}

/** Where a path finally leads after following the redirects, or `loop` when it never settles. */
export function followRedirects(path: string, rules: readonly RedirectRule[]): { to: string; steps: string[] } | 'loop' {
  const byFrom = new Map(rules.map((rule) => [rule.from, rule.to]));
  const steps = [path];
  let current = path;
  while (byFrom.has(current)) {
    current = byFrom.get(current)!;
    if (steps.includes(current)) return 'loop';
    steps.push(current);
  }
  return { to: current, steps };
}

export interface SitePages {
  /** Every path the production build will have, `/cases/x/` style. */
  pages: ReadonlySet<string>;
  /** Paths of entries that exist but are not published (drafts, scheduled), with the reason. */
  unpublished?: ReadonlyMap<string, string>;
  /** Dynamic routes the check cannot enumerate, as patterns; a target matching one is accepted. */
  patterns?: readonly RegExp[];
}

/** Every problem of the rules against the site: duplicates, old paths that are live pages, missing targets, loops. */
export function validateRedirects(rules: readonly RedirectRule[], site: SitePages): RedirectProblem[] {
  const problems: RedirectProblem[] = [];
  const firstLine = new Map<string, number | undefined>();
  for (const [index, rule] of rules.entries()) {
    const from = redirectFieldName(index, 'from');
    const to = redirectFieldName(index, 'to');
    if (firstLine.has(rule.from)) {
      problems.push({ line: rule.line, field: from, message: `旧网址 ${rule.from} 重复，第 ${firstLine.get(rule.from)} 行已写过`, hint: '删去其中一项。' });
      continue;
    }
    firstLine.set(rule.from, rule.line);
    if (rule.from === rule.to) {
      problems.push({ line: rule.line, field: from, message: `旧网址和新网址相同：${rule.from}`, hint: '删去这一项。' });
      continue;
    }
    if (site.pages.has(rule.from) || site.unpublished?.has(rule.from)) {
      problems.push({
        line: rule.line,
        field: from,
        message: `旧网址 ${rule.from} 仍是一个现有的页面，跳转不会生效`,
        hint: '只有改名或删除后不再存在的网址才需要跳转；若文章确已改名，请确认旧文件已删除。',
      });
    }
    const followed = followRedirects(rule.from, rules);
    if (followed === 'loop') {
      problems.push({ line: rule.line, field: to, message: `跳转形成循环：${rule.from} 最终又跳回自己`, hint: '检查这几项的 to，让它们指向一个真实的页面。' });
      continue;
    }
    const target = followed.to;
    const reason = site.unpublished?.get(target);
    if (reason) {
      problems.push({ line: rule.toLine ?? rule.line, field: to, message: `目标 ${target} ${reason}，读者会看到“页面未找到”`, hint: '等目标文章发布后再加这条跳转，或改指向已发布的页面。' });
    } else if (!site.pages.has(target) && !site.patterns?.some((pattern) => pattern.test(target))) {
      problems.push({ line: rule.toLine ?? rule.line, field: to, message: `目标 ${target} 不存在`, hint: '新网址应为本站现有的页面，如 /cases/文件名/（文件名不含 .mdx）。' });
    }
  }
  return problems;
}
