/**
 * The desk's date as the check wants it for its precision. Decap's date picker always holds a whole day, but a
 * date known only to the month (or year) must be written as that month's 1st (1 January): `npm run check`
 * refuses `2023-05-08` with “只知道年和月” (src/lib/dates.ts, resolveDatePrecision). The desk writes the
 * placeholder on saving, as the field's hint tells the editor to; a day-precise or unstated precision is kept.
 */
export function dateForPrecision(date: unknown, precision: unknown): unknown {
  if (typeof date !== 'string') return date;
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!parts) return date;
  if (precision === 'month') return `${parts[1]}-${parts[2]}-01`;
  if (precision === 'year') return `${parts[1]}-01-01`;
  return date;
}
