import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { z } from 'astro/zod';
import { describe, expect, it } from 'vitest';
import { caseSchema } from '../src/schemas/case.ts';
import { acceptedDateForms, formatChineseDate, isoDateAtPrecision, parseContentDate, resolveDatePrecision } from '../src/lib/dates.ts';

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

describe('parseContentDate: the date editors write in frontmatter', () => {
  const utc = (year: number, month: number, day: number) => new Date(Date.UTC(year, month - 1, day));
  const accepted: [unknown, Date, string][] = [
    [2022, utc(2022, 1, 1), 'year'],
    ['2022', utc(2022, 1, 1), 'year'],
    ['2022年', utc(2022, 1, 1), 'year'],
    ['2022-03', utc(2022, 3, 1), 'month'],
    ['2022年3月', utc(2022, 3, 1), 'month'],
    ['2022年03月', utc(2022, 3, 1), 'month'],
    ['2022-01-15', utc(2022, 1, 15), 'day'],
    [' 2022-01-15 ', utc(2022, 1, 15), 'day'],
    ['2022年1月15日', utc(2022, 1, 15), 'day'],
    ['2024-02-29', utc(2024, 2, 29), 'day'],
    // js-yaml (Astro's loader) turns an unquoted 2022-01-15 into a Date at UTC midnight.
    [utc(2022, 1, 15), utc(2022, 1, 15), 'day'],
  ];
  for (const [value, date, precision] of accepted) {
    it(`accepts ${JSON.stringify(value)} as ${precision}`, () => {
      expect(parseContentDate(value)).toEqual({ ok: true, date, precision });
    });
  }

  const refused: [unknown, RegExp][] = [
    ['2022-13-45', /没有 13 月/],
    ['2022-02-30', /2022年2月没有 30 日/],
    ['2023-02-29', /没有 29 日/],
    ['2022-01-00', /没有 0 日/],
    ['2022-00', /没有 0 月/],
    ['2022年13月', /没有 13 月/],
    ['2022年4月31日', /没有 31 日/],
    [20220101, /不是年份.*2022-01-01/],
    [0, /不是年份/],
    [-1, /不是年份/],
    [2022.5, /不是年份/],
    [1948, /年份 1948 不合理/],
    ['1900-01-01', /年份 1900 不合理/],
    [99999, /不是年份/],
    ['2022-1-5', /无法识别/],
    ['2022/01/15', /无法识别/],
    ['2022-01-15T10:00:00Z', /无法识别/],
    ['明天', /无法识别/],
    ['', /缺少日期/],
    [undefined, /缺少日期/],
    [true, /无法识别/],
    [new Date('2022-01-15T10:00:00Z'), /不能带时刻/],
    [new Date('invalid'), /无效/],
  ];
  for (const [value, reason] of refused) {
    it(`refuses ${value instanceof Date ? `Date ${String(value)}` : JSON.stringify(value)}, listing the accepted forms`, () => {
      const result = parseContentDate(value);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.message).toMatch(reason);
      expect(result.message).toContain(acceptedDateForms);
    });
  }
});

describe('resolveDatePrecision', () => {
  const parsed = (value: unknown) => {
    const result = parseContentDate(value);
    if (!result.ok) throw new Error(result.message);
    return result;
  };
  it('takes the precision from the form when none is stated, or when both agree', () => {
    expect(resolveDatePrecision(parsed('2022'), undefined)).toEqual({ ok: true, precision: 'year' });
    expect(resolveDatePrecision(parsed('2022年3月'), 'month')).toEqual({ ok: true, precision: 'month' });
  });
  it('accepts a full date with the placeholder month and day and a coarser stated precision (existing files)', () => {
    expect(resolveDatePrecision(parsed('2022-01-01'), 'year')).toEqual({ ok: true, precision: 'year' });
    expect(resolveDatePrecision(parsed('2022-03-01'), 'month')).toEqual({ ok: true, precision: 'month' });
    expect(resolveDatePrecision(parsed('2022-03'), 'year')).toEqual({ ok: false, message: expect.stringContaining('2022') });
  });
  it('refuses a stated precision the date contradicts', () => {
    const finer = resolveDatePrecision(parsed('2022'), 'day');
    expect(finer).toMatchObject({ ok: false, message: expect.stringMatching(/精确到日.*只写到年/) });
    const coarser = resolveDatePrecision(parsed('2022-03-15'), 'year');
    expect(coarser).toMatchObject({ ok: false, message: expect.stringMatching(/只精确到年.*日期写成 2022/) });
  });
});

describe('the date fields of the content schema, as Astro loads them', () => {
  // Astro reads frontmatter with js-yaml (this very function): unquoted 2022-01-15 arrives as a Date, 2022 as a number.
  const schema = caseSchema(() => z.string());
  const load = (dateLines: string) =>
    schema.safeParse(parseFrontmatter(`---\ntitle: 标题\norganisation: 单位\nregion: pingyang\nsource:\n  publication: 劳模工匠专版\n${dateLines}\n---\n`).frontmatter);

  it('keeps date a Date and sets datePrecision from the form', () => {
    const cases: [string, string, string][] = [
      ['date: 2022', '2022-01-01', 'year'],
      ['date: "2022"', '2022-01-01', 'year'],
      ['date: 2022-05', '2022-05-01', 'month'],
      ['date: 2022年5月', '2022-05-01', 'month'],
      ['date: 2022-05-10', '2022-05-10', 'day'],
      ['date: "2022-05-10"', '2022-05-10', 'day'],
      ['date: 2022年5月10日', '2022-05-10', 'day'],
      ['date: 2022-01-01\ndatePrecision: "year"', '2022-01-01', 'year'],
      ['date: 2022-05-01\ndatePrecision: month', '2022-05-01', 'month'],
    ];
    for (const [lines, iso, precision] of cases) {
      const result = load(lines);
      expect(result.success, lines).toBe(true);
      expect(result.data!.date, lines).toBeInstanceOf(Date);
      expect(result.data!.date.toISOString().slice(0, 10), lines).toBe(iso);
      expect(result.data!.datePrecision, lines).toBe(precision);
    }
  });

  it('refuses what would publish 1970 or another day, at the date field', () => {
    for (const lines of ['date: 20220101', 'date: 0', 'date: 明天', 'date: "2022-02-30"', 'date: 2022年2月30日']) {
      const result = load(lines);
      expect(result.success, lines).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path.join('.')), lines).toEqual(['date']);
      expect(result.error!.issues[0]!.message, lines).toContain(acceptedDateForms);
    }
  });

  it('refuses a stated precision that contradicts the date, at datePrecision', () => {
    for (const lines of ['date: 2022\ndatePrecision: day', 'date: 2022-05-10\ndatePrecision: month']) {
      const result = load(lines);
      expect(result.success, lines).toBe(false);
      expect(result.error!.issues.map((issue) => issue.path.join('.')), lines).toEqual(['datePrecision']);
    }
  });
});
