/** One thing wrong (or worth a look) in the content, pointing at the file, line and field. */
export interface Problem {
  file: string;
  line?: number;
  field: string;
  message: string;
  hint?: string;
  /** `error` blocks publishing; `warning` and `info` are shown but do not. */
  severity: 'error' | 'warning' | 'info';
}

const severityLabel: Record<Problem['severity'], string> = { error: '错误', warning: '提醒', info: '说明' };

/** `file:line  field  message` — the format editors' terminals and CI logs show. */
export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const hint = problem.hint ? `\n    提示：${problem.hint}` : '';
  return `${where}  ${problem.field}  [${severityLabel[problem.severity]}] ${problem.message}${hint}`;
}

export const blocksPublishing = (problems: Problem[]) => problems.some((problem) => problem.severity === 'error');
