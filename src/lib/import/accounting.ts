/**
 * The proof that nothing was lost. Reads the generated files back (not the importer's internal data) and
 * checks, with whitespace ignored and half/full-width punctuation treated as equal:
 * 1. as a multiset per character: every character of the input is in the article texts of the outputs or
 *    in the report's list of removed text (duplicates, layout echoes, `#` markers, labels moved into
 *    fields);
 * 2. in order: every output paragraph/heading/caption is made of contiguous runs of the input — exactly
 *    one run, or one more per join the report lists for it — and within each file the units follow the
 *    input order, except paragraphs the report lists as moved and captions (placed after a joined
 *    paragraph).
 */
import type { ImportReport } from './types.ts';
import { normalizeForCompare } from './text-shape.ts';
import { unescapeMdxText } from './render.ts';

export interface OutputFile {
  path: string;
  content: string;
}

export interface AccountingResult {
  ok: boolean;
  /** Input characters found neither in the outputs nor in the report. */
  missing: { char: string; count: number }[];
  orderProblems: { file: string; text: string; problem: string }[];
  inputChars: number;
}

interface TextUnit {
  file: string;
  text: string;
  kind: 'field' | 'para' | 'caption';
}

export function proveNothingLost(
  input: string,
  outputs: OutputFile[],
  report: Pick<ImportReport, 'removals' | 'joins' | 'moved'>,
): AccountingResult {
  const source = normalizeForCompare(input);
  const units = outputs.flatMap(extractUnits);

  const counts = new Map<string, number>();
  for (const c of source) counts.set(c, (counts.get(c) ?? 0) + 1);
  const consume = (text: string) => {
    for (const c of normalizeForCompare(text)) counts.set(c, (counts.get(c) ?? 0) - 1);
  };
  units.forEach((unit) => consume(unit.text));
  report.removals.forEach((removal) => consume(removal.text));
  const missing = [...counts].filter(([, n]) => n > 0).map(([char, count]) => ({ char, count }));

  const joined = report.joins.map((j) => ({ text: normalizeForCompare(j.pieces.join('')), extra: j.pieces.length - 1 }));
  const moved = new Set(report.moved.map((m) => normalizeForCompare(m.text)));
  const orderProblems: AccountingResult['orderProblems'] = [];

  const byFile = new Map<string, TextUnit[]>();
  for (const unit of units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  for (const [file, fileUnits] of byFile) {
    let cursor = 0;
    for (const unit of fileUnits) {
      const text = normalizeForCompare(unit.text);
      if (!text) continue;
      const runs = contiguousRuns(text, source);
      const allowed = 1 + joined.filter((j) => text.includes(j.text)).reduce((sum, j) => sum + j.extra, 0);
      if (runs.length > allowed) {
        orderProblems.push({ file, text: unit.text, problem: `由 ${runs.length} 段不相连的原文拼成，报告只记录了 ${allowed - 1} 处接续` });
      }
      if (unit.kind !== 'para' || moved.has(text)) continue;
      const at = source.indexOf(runs[0], cursor);
      if (at < 0) {
        orderProblems.push({ file, text: unit.text, problem: '顺序与原文不一致（出现在前一段之前）' });
        continue;
      }
      cursor = at + runs[0].length;
    }
  }

  return { ok: missing.length === 0 && orderProblems.length === 0, missing, orderProblems, inputChars: source.length };
}

/** Fewest contiguous input substrings that make up `text` (greedy longest match is optimal here). */
function contiguousRuns(text: string, source: string): string[] {
  const runs: string[] = [];
  let p = 0;
  while (p < text.length) {
    let low = 1;
    let high = text.length - p;
    if (!source.includes(text[p])) {
      runs.push(text[p]);
      p += 1;
      continue;
    }
    while (low < high) {
      const mid = Math.ceil((low + high) / 2);
      if (source.includes(text.slice(p, p + mid))) low = mid;
      else high = mid - 1;
    }
    runs.push(text.slice(p, p + low));
    p += low;
  }
  return runs;
}

const TEXT_FIELDS = ['kicker', 'title', 'subtitle', 'editorNote'];

function extractUnits(file: OutputFile): TextUnit[] {
  const units: TextUnit[] = [];
  let front = file.content;
  let body = '';
  if (file.path.endsWith('.mdx')) {
    const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(file.content);
    if (!m) return [{ file: file.path, text: file.content, kind: 'para' }];
    [, front, body] = m;
  }
  const fields = new Map<string, string>();
  for (const line of front.split('\n')) {
    const m = /^(\w+): ("(?:[^"\\]|\\.)*")/.exec(line);
    if (m) fields.set(m[1], JSON.parse(m[2]) as string);
  }
  for (const key of TEXT_FIELDS) {
    const value = fields.get(key);
    // A title the importer had to make up (titleNote set) is not printed text.
    if (!value || (key === 'title' && fields.has('titleNote'))) continue;
    for (const part of value.split(/\n{2,}/)) units.push({ file: file.path, text: part, kind: key === 'editorNote' ? 'para' : 'field' });
  }
  for (const chunk of body.split(/\n{2,}/)) {
    const text = chunk.trim();
    if (!text) continue;
    const figure = /^<Figure caption="([^"]*)"/.exec(text);
    if (figure) {
      units.push({ file: file.path, text: unescapeMdxText(figure[1]!), kind: 'caption' });
      continue;
    }
    const plain = unescapeMdxText(text.replace(/^#{1,6}\s+/, ''));
    units.push({ file: file.path, text: plain, kind: 'para' });
  }
  return units;
}
