/**
 * A published case (or issue) whose file was renamed or deleted takes its address with it: links printed in
 * the newspaper or shared on WeChat stop working. Compared with the last committed state (see
 * scripts/lib/git-state.ts), every published entry that is gone needs a redirect in content/redirects.yaml.
 */
import type { RedirectRule } from '../redirects.ts';
import type { Problem } from './problem.ts';

export interface PublishedCase {
  id: string;
  /** Its file in the committed state: `content/cases/x.mdx`. */
  file: string;
  title?: string;
}

export interface PublishedBefore {
  /** What it was compared with, for messages: `origin/main`, `HEAD`. */
  ref: string;
  /** Cases that were published there (not drafts, not scheduled for later); may be only those whose files changed since. */
  cases: PublishedCase[];
  /** The same for issues. */
  issues?: PublishedCase[];
}

export interface CurrentCases {
  caseIds: ReadonlySet<string>;
  cases: { id: string; title?: unknown }[];
  issueIds?: ReadonlySet<string>;
  issues?: { id: string; title?: unknown }[];
  rules: readonly RedirectRule[];
  redirectsFile?: { file: string; text: string };
}

export function missingRedirectProblems(before: PublishedBefore, current: CurrentCases): Problem[] {
  return [
    ...missingIn('cases', '文章', before.cases, current.caseIds, current.cases, before, current),
    ...missingIn('issues', '专版', before.issues ?? [], current.issueIds ?? new Set(), current.issues ?? [], before, current),
  ];
}

function missingIn(collection: string, kind: string, previous: PublishedCase[], ids: ReadonlySet<string>, entries: { id: string; title?: unknown }[], before: PublishedBefore, current: CurrentCases): Problem[] {
  const redirected = new Set(current.rules.map((rule) => rule.from));
  const previousIds = new Set(previous.map((item) => item.id));
  const file = current.redirectsFile?.file ?? 'content/redirects.yaml';
  const endLine = current.redirectsFile ? current.redirectsFile.text.replace(/\n$/, '').split('\n').length : undefined;
  const problems: Problem[] = [];
  for (const gone of previous) {
    const from = `/${collection}/${gone.id}/`;
    if (ids.has(gone.id) || redirected.has(from)) continue;
    // Renamed: a new entry with the same title.
    const renamed = entries.find((item) => !previousIds.has(item.id) && typeof item.title === 'string' && item.title.trim() === gone.title?.trim());
    const to = renamed ? `/${collection}/${renamed.id}/` : '/issues/';
    const what = renamed ? `已改名为 ${renamed.id}` : '已删除';
    problems.push({
      file,
      line: endLine,
      field: '跳转表',
      message: `已发布的${kind} ${gone.file}（网址 ${from}）${what}，但没有登记跳转：报纸、微信里印过的旧网址会打不开（与 ${before.ref} 比较）`,
      hint: `在 ${file} 末尾加上这两行：\n      - from: ${from}\n        to: ${to}\n    ${renamed ? '' : '（删除的内容可以跳到专版列表 /issues/，也可以换成更合适的页面。）'}若是误删，请用 git restore ${gone.file} 找回。`,
      severity: 'error',
    });
  }
  return problems;
}
