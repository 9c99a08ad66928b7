/**
 * Half-width punctuation in Chinese text → full-width, via zhlint 0.8.2.
 *
 * zhlint's defaults would also add spaces between Chinese and Latin letters/digits, change quotes and
 * convert `.` to `。` (damaging `2.0版`). We switch every rule off except `fullwidthPunctuation`, limited
 * to `，：；？！（）`. Even so zhlint decides by the whole text, not by neighbours: it turns
 * `Hello, world.` into `Hello， world。` inside a Chinese sentence. So every change it proposes is checked
 * here and kept only when it stands in Chinese context:
 * - `, : ; ? !` when the character before is Chinese (or Chinese punctuation), or the character after is
 *   Chinese and the one before is not a Latin letter — so `12:30`, `3:2` and Latin sentences stay;
 * - `( )` only as a pair, and only when the text inside contains Chinese (`(市、区)` → `（市、区）`).
 * zhlint must keep the text length (it only swaps characters with these rules); if it ever does not, the
 * text is left unchanged and the caller reports it.
 */
import { run } from 'zhlint';
import type { PunctuationChange } from './types.ts';
import { HAN } from './text-shape.ts';

const TO_FULL: Record<string, string> = { ',': '，', ':': '：', ';': '；', '?': '？', '!': '！', '(': '（', ')': '）' };
const ZHLINT_OPTIONS = { rules: { fullwidthPunctuation: '，：；？！（）' } };

const CHINESE_CONTEXT = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef“”‘’…—·《》]/;

export interface PunctuationResult {
  text: string;
  changes: PunctuationChange[];
  /** zhlint changed more than punctuation; nothing was applied. */
  rejected: boolean;
}

export function fixPunctuation(text: string): PunctuationResult {
  const marks = fixMarks(text);
  const stops = fixStopsAndQuotes(marks.text);
  return { text: stops.text, changes: [...marks.changes, ...stops.changes], rejected: marks.rejected };
}

/** `, : ; ? ! ( )` through zhlint, each change kept only in Chinese context. */
function fixMarks(text: string): PunctuationResult {
  if (!/[,:;?!()]/.test(text)) return { text, changes: [], rejected: false };
  const proposed = run(text, ZHLINT_OPTIONS).result as string;
  if (proposed.length !== text.length) return { text, changes: [], rejected: true };

  const pairs = matchBrackets(text);
  const out = text.split('');
  const changed: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    const from = text[i];
    const to = proposed[i];
    if (from === to) continue;
    if (TO_FULL[from] !== to) continue; // anything else zhlint might touch is left alone
    if (!inChineseContext(text, i, pairs)) continue;
    out[i] = to;
    changed.push(i);
  }
  const fixed = out.join('');
  const changes = changed.map((i) => ({ mark: text[i], before: context(text, i), after: context(fixed, i) }));
  return { text: fixed, changes, rejected: false };
}

function inChineseContext(text: string, i: number, pairs: Map<number, number>): boolean {
  const c = text[i];
  if (c === '(' || c === ')') {
    const partner = pairs.get(i);
    if (partner === undefined) return false;
    const [open, close] = c === '(' ? [i, partner] : [partner, i];
    return HAN.test(text.slice(open + 1, close));
  }
  const before = neighbour(text, i, -1);
  const after = neighbour(text, i, 1);
  if (before && CHINESE_CONTEXT.test(before)) return true;
  return Boolean(after && CHINESE_CONTEXT.test(after) && !/[A-Za-z]/.test(before ?? ''));
}

function neighbour(text: string, i: number, step: 1 | -1): string | undefined {
  for (let j = i + step; j >= 0 && j < text.length; j += step) if (!/\s/.test(text[j])) return text[j];
  return undefined;
}

function matchBrackets(text: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: number[] = [];
  for (let i = 0; i < text.length; i += 1) {
    if (text[i] === '(') stack.push(i);
    else if (text[i] === ')' && stack.length > 0) {
      const open = stack.pop()!;
      pairs.set(open, i);
      pairs.set(i, open);
    }
  }
  return pairs;
}

function context(text: string, i: number): string {
  return text.slice(Math.max(0, i - 4), i + 5);
}

const HAN_BEFORE = '[\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff]';
/**
 * What zhlint leaves alone, fixed only where the text around is Chinese: `...` after Chinese → `……`; a single
 * `.` right after a Han character → `。` (a decimal point or a Latin abbreviation never has one before it);
 * a pair of straight quotes around Chinese text → `“”`.
 */
const STOP_RULES: { mark: string; pattern: RegExp; replace: (match: string) => string }[] = [
  { mark: '...', pattern: new RegExp(`(?<=${HAN_BEFORE}|[，。；：！？”）])\\.{3,}`, 'g'), replace: () => '……' },
  { mark: '.', pattern: new RegExp(`(?<=${HAN_BEFORE})\\.(?!\\.)`, 'g'), replace: () => '。' },
  { mark: '"', pattern: /"([^"\n]*)"/g, replace: (match) => (HAN.test(match) ? `“${match.slice(1, -1)}”` : match) },
];

function fixStopsAndQuotes(text: string): { text: string; changes: PunctuationChange[] } {
  const changes: PunctuationChange[] = [];
  let out = text;
  for (const rule of STOP_RULES) {
    out = out.replace(rule.pattern, (match: string, ...rest: unknown[]) => {
      const offset = rest.find((item) => typeof item === 'number') as number;
      const source = rest.find((item) => typeof item === 'string' && item.length >= match.length && (item as string).slice(offset, offset + match.length) === match) as string;
      const replacement = rule.replace(match);
      if (replacement !== match) {
        const left = source.slice(Math.max(0, offset - 4), offset);
        const right = source.slice(offset + match.length, offset + match.length + 4);
        const shown = (middle: string) => (middle.length > 12 ? `${middle.slice(0, 4)}…${middle.slice(-4)}` : middle);
        changes.push({ mark: rule.mark, before: `${left}${shown(match)}${right}`, after: `${left}${shown(replacement)}${right}` });
      }
      return replacement;
    });
  }
  return { text: out, changes };
}
