/**
 * `npm run check`: an issue too long for one A3 sheet even at 六号 (7.5 pt) is reported, from an estimate by
 * character counts (src/lib/print-estimate.ts; the check runs no browser, `npm run pdf` measures). A warning: the
 * issue still publishes, its A3 print runs onto a second page.
 */
import { estimateA3Sheet } from '../print-estimate.ts';
import type { ParsedSource } from './parse-source.ts';
import type { Problem } from './problem.ts';

interface Entry {
  file: string;
  id: string;
  source: ParsedSource;
  data: Record<string, unknown>;
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

export function a3LengthProblems(issues: readonly Entry[], cases: readonly Entry[]): Problem[] {
  const casesById = new Map(cases.map((entry) => [entry.id, entry]));
  const problems: Problem[] = [];
  for (const issue of issues) {
    const listed = Array.isArray(issue.data.cases) ? issue.data.cases : [];
    const articles = listed.flatMap((id) => {
      const entry = typeof id === 'string' ? casesById.get(id) : undefined;
      if (!entry || typeof entry.source.body !== 'string') return [];
      const { data } = entry;
      return [{
        title: text(data.title) ?? '',
        subtitle: text(data.subtitle),
        kicker: text(data.kicker),
        byline: [text(data.organisation), text(data.byline)].filter(Boolean).join(' '),
        editorNote: text(data.editorNote),
        body: entry.source.body,
      }];
    });
    if (!articles.length) continue;
    const estimate = estimateA3Sheet({ title: text(issue.data.title) ?? '', subtitle: text(issue.data.subtitle), kicker: text(issue.data.kicker), editorNote: text(issue.data.editorNote), articles });
    if (estimate.overflow <= 0) continue;
    const percent = Math.max(1, Math.round(estimate.overflow * 100));
    problems.push({
      file: issue.file,
      line: issue.source.lineOf(['cases']),
      field: 'cases（文章列表）',
      message: `专版 ${issue.id} 可能排不进一张 A3：按字数估计（正文约 ${estimate.chars} 字），即使正文用最小字号六号（7.5 磅），也超出一版约 ${percent}%（约 ${Math.round(estimate.heightMm - estimate.availableMm)} 毫米），A3 打印版会多出第 2 页`,
      hint: '这是偏保守的估计；npm run pdf 会在浏览器中实测并给出准确数字。要排进一张 A3，请删减文字，或把文章分到两期专版。',
      severity: 'warning',
    });
  }
  return problems;
}
