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
