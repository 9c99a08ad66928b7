import { describe, expect, it } from 'vitest';
import { dateForPrecision } from '../src/lib/cms/date-placeholder.ts';
import { parseContentDate, resolveDatePrecision } from '../src/lib/dates.ts';

describe('the desk’s date for its precision', () => {
  it('writes the 1st of the month for “只知道年和月” and 1 January for “只知道年份”', () => {
    expect(dateForPrecision('2023-05-08', 'month')).toBe('2023-05-01');
    expect(dateForPrecision('2023-05-08', 'year')).toBe('2023-01-01');
  });

  it('keeps a day-precise date, an unstated precision and anything that is not a desk date', () => {
    expect(dateForPrecision('2023-05-08', 'day')).toBe('2023-05-08');
    expect(dateForPrecision('2023-05-08', undefined)).toBe('2023-05-08');
    expect(dateForPrecision('2023-05', 'month')).toBe('2023-05');
    expect(dateForPrecision(undefined, 'month')).toBeUndefined();
  });

  it('what it writes passes the check’s date rule, where the date as typed does not', () => {
    for (const precision of ['month', 'year'] as const) {
      const typed = parseContentDate('2023-05-08');
      const saved = parseContentDate(dateForPrecision('2023-05-08', precision));
      if (!typed.ok || !saved.ok) throw new Error('unparsed');
      expect(resolveDatePrecision(typed, precision).ok).toBe(false);
      expect(resolveDatePrecision(saved, precision)).toEqual({ ok: true, precision });
    }
  });
});
