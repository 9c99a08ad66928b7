/**
 * The year/month archive: pure grouping of dated entries. An entry whose date is only known to the year is
 * listed under its year as “月份不详”, never under a month it may not belong to.
 */
import type { DatePrecision } from '../schemas/dates.ts';

export interface DatedFields {
  date: Date;
  datePrecision?: DatePrecision;
}

export interface ArchiveMonth<T> {
  /** 1–12, or null for entries known only to the year. */
  month: number | null;
  items: T[];
}

export interface ArchiveYear<T> {
  year: number;
  count: number;
  /** Newest month first; the “month unknown” group last. */
  months: ArchiveMonth<T>[];
}

/** Groups entries by year and month, newest first, keeping the given order inside each month. */
export function groupByYearMonth<T>(items: readonly T[], dated: (item: T) => DatedFields): ArchiveYear<T>[] {
  const years = new Map<number, Map<number | null, T[]>>();
  for (const item of items) {
    const { date, datePrecision = 'day' } = dated(item);
    const year = date.getUTCFullYear();
    const month = datePrecision === 'year' ? null : date.getUTCMonth() + 1;
    const months = years.get(year) ?? new Map<number | null, T[]>();
    months.set(month, [...(months.get(month) ?? []), item]);
    years.set(year, months);
  }
  return [...years.entries()]
    .sort(([a], [b]) => b - a)
    .map(([year, months]) => ({
      year,
      count: [...months.values()].reduce((sum, list) => sum + list.length, 0),
      months: [...months.entries()]
        .sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : b - a))
        .map(([month, list]) => ({ month, items: list })),
    }));
}

/** “2022年3月”, or “2022年（月份不详）”. */
export function archiveMonthLabel(year: number, month: number | null): string {
  return month === null ? `${year}年（月份不详）` : `${year}年${month}月`;
}

/** The fragment id of a month on its year page: `m03`, or `m-unknown`. */
export function archiveMonthAnchor(month: number | null): string {
  return month === null ? 'm-unknown' : `m${String(month).padStart(2, '0')}`;
}
