/**
 * `astro check` speaks English; `npm run check -- --code` shows its output to people who read Chinese.
 * Its diagnostics (file:line:column - error …) pass through unchanged, since they are for maintainers and
 * must stay searchable; the progress lines and the summary block are put into Chinese, and the telemetry
 * notice is dropped.
 */

export interface AstroCheckSummary {
  files: number;
  errors: number;
  warnings: number;
  hints: number;
}

const noise = [
  /Astro collects anonymous usage data/,
  /This information helps us improve Astro/,
  /astro telemetry disable/,
  /astro\.build\/telemetry/,
  /\[content\] Sync(ing|ed) content/,
  /\[types\] Generated/,
  /\[check\] Getting diagnostics/,
];

/** Strip terminal colours: astro check colours its output when it thinks it writes to a terminal. */
const plain = (line: string) => line.replace(/\u001b\[[0-9;]*m/g, '');

/** The lines to show, and the summary if the output had one. */
export function translateAstroCheckOutput(output: string): { lines: string[]; summary?: AstroCheckSummary } {
  const lines: string[] = [];
  let summary: AstroCheckSummary | undefined;
  const input = output.split(/\r?\n/);
  for (let index = 0; index < input.length; index += 1) {
    const line = plain(input[index]!);
    const result = /^Result \((\d+) files?\):\s*$/.exec(line.trim());
    if (result) {
      summary = { files: Number(result[1]), errors: 0, warnings: 0, hints: 0 };
      for (; index + 1 < input.length; index += 1) {
        const count = /^-\s*(\d+)\s+(error|warning|hint)s?\s*$/.exec(plain(input[index + 1]!).trim());
        if (!count) break;
        summary[`${count[2] as 'error' | 'warning' | 'hint'}s`] = Number(count[1]);
      }
      continue;
    }
    if (noise.some((pattern) => pattern.test(line))) continue;
    if (!line.trim() && (!lines.length || !lines.at(-1)!.trim())) continue;
    lines.push(line);
  }
  while (lines.length && !lines.at(-1)!.trim()) lines.pop();
  return { lines, summary };
}

export function describeAstroCheckSummary({ files, errors, warnings, hints }: AstroCheckSummary): string {
  const counts = `检查了 ${files} 个文件：${errors} 个错误，${warnings} 个警告，${hints} 个提示`;
  return errors ? `代码检查未通过（astro check）：${counts}。请把上面的错误交给网站维护人员。` : `代码检查通过（astro check）：${counts}。`;
}
