/**
 * The problem list as editors see it, shared by `npm run check` and the build (src/integrations/content-check.ts):
 * grouped by severity under Chinese headings, each problem as `file:line  field  message`.
 */
import { formatProblem, type Problem } from './problem.ts';

const order: Problem['severity'][] = ['error', 'warning', 'info'];
const headings: Record<Problem['severity'], string> = { error: '错误（必须改正才能发布）', warning: '提醒（不影响发布）', info: '未发布的内容' };

/** Errors first, then by file and line. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort((a, b) => order.indexOf(a.severity) - order.indexOf(b.severity) || a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** The lines to print: a heading per severity, then its problems. */
export function formatProblemList(problems: Problem[]): string[] {
  const lines: string[] = [];
  let heading: string | undefined;
  for (const problem of sortProblems(problems)) {
    const title = headings[problem.severity];
    if (title !== heading) {
      lines.push(`${heading ? '\n' : ''}== ${title} ==`);
      heading = title;
    }
    lines.push(formatProblem(problem));
  }
  return lines;
}

export const countOf = (problems: Problem[], severity: Problem['severity']) => problems.filter((problem) => problem.severity === severity).length;

/** `23 条提醒，3 项未发布`, or '' when there are none. */
export function otherFindings(problems: Problem[]): string {
  return [countOf(problems, 'warning') && `${countOf(problems, 'warning')} 条提醒`, countOf(problems, 'info') && `${countOf(problems, 'info')} 项未发布`].filter(Boolean).join('，');
}
