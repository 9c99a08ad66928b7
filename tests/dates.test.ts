import { describe, expect, it } from 'vitest';
import { formatChineseDate, isoDateAtPrecision } from '../src/lib/dates.ts';

const jan11 = new Date('2022-01-11T00:00:00Z');

describe('formatChineseDate', () => {
  it('shows only the known precision', () => {
    expect(formatChineseDate(jan11, 'day')).toBe('2022年1月11日');
    expect(formatChineseDate(jan11, 'month')).toBe('2022年1月');
    expect(formatChineseDate(jan11, 'year')).toBe('2022年');
  });
  it('reads UTC fields so frontmatter dates do not shift by time zone', () => {
    expect(formatChineseDate(new Date('2021-12-31T00:00:00Z'), 'day')).toBe('2021年12月31日');
  });
});

describe('isoDateAtPrecision', () => {
  it('truncates the ISO date', () => {
    expect(isoDateAtPrecision(jan11, 'year')).toBe('2022');
    expect(isoDateAtPrecision(jan11, 'month')).toBe('2022-01');
    expect(isoDateAtPrecision(jan11)).toBe('2022-01-11');
  });
});
