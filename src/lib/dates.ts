import type { DatePrecision } from '../schemas/dates.ts';

/**
 * A date as Chinese readers expect it, never more precise than what is known:
 * 2022年1月11日 / 2022年1月 / 2022年. Dates from frontmatter are UTC midnight, so UTC fields are read.
 */
export function formatChineseDate(date: Date, precision: DatePrecision = 'day'): string {
  const year = `${date.getUTCFullYear()}年`;
  if (precision === 'year') return year;
  const month = `${year}${date.getUTCMonth() + 1}月`;
  if (precision === 'month') return month;
  return `${month}${date.getUTCDate()}日`;
}

/** Machine-readable form for `<time datetime>`, truncated to the known precision (2022, 2022-01, 2022-01-11). */
export function isoDateAtPrecision(date: Date, precision: DatePrecision = 'day'): string {
  const iso = date.toISOString().slice(0, 10);
  return precision === 'year' ? iso.slice(0, 4) : precision === 'month' ? iso.slice(0, 7) : iso;
}

/**
 * Reading the `date` an editor writes in frontmatter, strictly. Accepted: `2022`, `2022-01`, `2022-01-15`,
 * `2022年1月`, `2022年1月15日` (quoted or not); the form sets the precision. Impossible days (2022-02-30),
 * months (13) and anything else are refused, never rolled over or read as milliseconds (that published 1970).
 *
 * The two YAML readers differ: Astro's (js-yaml) turns `2022-01-15` into a Date — and `2022-13-45` into a
 * rolled-over Date, so the schema cannot see that mistake — while the content check's (`yaml`, YAML 1.2) keeps
 * it a string and refuses it. Both give `2022` and `20220101` as numbers. So the schema accepts a Date at UTC
 * midnight as a day, and the content check, run first in every build, sees the text the editor wrote.
 */
export const acceptedDateForms = '2022、2022-01、2022-01-15、2022年1月、2022年1月15日';
/** Years a newsletter date can plausibly have (the same range `npm run new` accepts). */
export const plausibleYears = { min: 1949, max: 2100 } as const;

export type ContentDate = { ok: true; date: Date; precision: DatePrecision } | { ok: false; message: string };

const formsHint = `日期请写成以下形式之一：${acceptedDateForms}（只知道年份或月份时，只写到年或月）。`;
const refuse = (what: string): ContentDate => ({ ok: false, message: `${what}。${formsHint}` });

const textForms: { pattern: RegExp; precision: DatePrecision }[] = [
  { pattern: /^(\d{4})年?$/, precision: 'year' },
  { pattern: /^(\d{4})-(\d{2})$/, precision: 'month' },
  { pattern: /^(\d{4})年(\d{1,2})月$/, precision: 'month' },
  { pattern: /^(\d{4})-(\d{2})-(\d{2})$/, precision: 'day' },
  { pattern: /^(\d{4})年(\d{1,2})月(\d{1,2})日$/, precision: 'day' },
];

function fromParts(year: number, month: number, day: number, precision: DatePrecision, written: string): ContentDate {
  if (year < plausibleYears.min || year > plausibleYears.max) {
    return refuse(`日期 “${written}” 的年份 ${year} 不合理（应在 ${plausibleYears.min}–${plausibleYears.max} 年之间）`);
  }
  if (month < 1 || month > 12) return refuse(`日期 “${written}” 中没有 ${month} 月`);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (day < 1 || date.getUTCMonth() !== month - 1) return refuse(`日期 “${written}” 不存在：${year}年${month}月没有 ${day} 日`);
  return { ok: true, date, precision };
}

/** The date and its precision from what the frontmatter holds (a string, a number, or a Date from js-yaml). */
export function parseContentDate(value: unknown): ContentDate {
  if (value === undefined || value === null || value === '') return refuse('缺少日期');
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return refuse('日期无效');
    const written = value.toISOString().slice(0, 10);
    if (value.getTime() !== Date.UTC(value.getUTCFullYear(), value.getUTCMonth(), value.getUTCDate())) {
      return refuse(`日期不能带时刻（${value.toISOString()}）`);
    }
    return fromParts(value.getUTCFullYear(), value.getUTCMonth() + 1, value.getUTCDate(), 'day', written);
  }
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 1000 || value > 9999) {
      const asDate = /^(\d{4})(\d{2})(\d{2})$/.exec(String(value));
      const example = asDate ? `，如 ${asDate[1]}-${asDate[2]}-${asDate[3]}` : '';
      return refuse(`日期 ${value} 不是年份，也不是可以识别的日期${example ? `（年月日之间要加 “-”${example}）` : ''}`);
    }
    return fromParts(value, 1, 1, 'year', String(value));
  }
  if (typeof value !== 'string') return refuse('日期的写法无法识别');
  const written = value.trim();
  for (const { pattern, precision } of textForms) {
    const match = pattern.exec(written);
    if (match) return fromParts(Number(match[1]), Number(match[2] ?? 1), Number(match[3] ?? 1), precision, written);
  }
  return refuse(`无法识别的日期 “${written}”`);
}

const precisionRank: Record<DatePrecision, number> = { year: 0, month: 1, day: 2 };
const precisionName: Record<DatePrecision, string> = { year: '年', month: '月', day: '日' };

/**
 * The precision of a parsed date, given the `datePrecision` the file may also state. Stating a coarser
 * precision is fine when the finer parts are the placeholder 1 (`2022-01-01` + `year`, how older files are
 * written); stating a finer one than the date shows, or a coarser one over a real month or day, contradicts it.
 */
export function resolveDatePrecision(parsed: { date: Date; precision: DatePrecision }, stated: DatePrecision | undefined): { ok: true; precision: DatePrecision } | { ok: false; message: string } {
  if (stated === undefined || stated === parsed.precision) return { ok: true, precision: parsed.precision };
  const shown = formatChineseDate(parsed.date, parsed.precision);
  if (precisionRank[stated] > precisionRank[parsed.precision]) {
    return { ok: false, message: `datePrecision 写的是精确到${precisionName[stated]}（${stated}），但日期 ${shown} 只写到${precisionName[parsed.precision]}。请补全日期，或删去 datePrecision 这一行（精度由日期的写法决定）` };
  }
  const placeholder = (stated === 'year' && parsed.date.getUTCMonth() === 0 && parsed.date.getUTCDate() === 1) || (stated === 'month' && parsed.date.getUTCDate() === 1);
  if (placeholder) return { ok: true, precision: stated };
  return { ok: false, message: `datePrecision 写的是只精确到${precisionName[stated]}（${stated}），但日期 ${shown} 写到了${precisionName[parsed.precision]}。只知道${precisionName[stated]}份时，日期写成 ${isoDateAtPrecision(parsed.date, stated)}；否则删去 datePrecision 这一行` };
}
