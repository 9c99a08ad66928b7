import { describe, expect, it } from 'vitest';
import { archiveMonthAnchor, archiveMonthLabel, groupByYearMonth } from '../src/lib/archive.ts';

const entry = (id: string, iso: string, datePrecision: 'day' | 'month' | 'year' = 'day') => ({ id, date: new Date(`${iso}T00:00:00Z`), datePrecision });

describe('groupByYearMonth', () => {
  const items = [
    entry('a', '2022-03-05'),
    entry('b', '2021-12-31'),
    entry('c', '2022-03-01', 'month'),
    entry('d', '2022-01-01', 'year'),
    entry('e', '2022-11-20'),
  ];
  const archive = groupByYearMonth(items, (item) => item);

  it('puts years and months newest first, keeping the order inside a month', () => {
    expect(archive.map((year) => [year.year, year.count])).toEqual([[2022, 4], [2021, 1]]);
    expect(archive[0]!.months.map((month) => [month.month, month.items.map((item) => item.id)])).toEqual([
      [11, ['e']],
      [3, ['a', 'c']],
      [null, ['d']],
    ]);
  });

  it('never files a year-precision date under January', () => {
    expect(archive[0]!.months.find((month) => month.month === 1)).toBeUndefined();
  });

  it('reads UTC so New Year’s Eve stays in its year', () => {
    expect(archive[1]!.months).toEqual([{ month: 12, items: [items[1]] }]);
  });

  it('is empty for no entries', () => {
    expect(groupByYearMonth([], (item: { date: Date }) => item)).toEqual([]);
  });
});

describe('labels', () => {
  it('names months in Chinese and gives stable anchors', () => {
    expect(archiveMonthLabel(2022, 3)).toBe('2022年3月');
    expect(archiveMonthLabel(2022, null)).toBe('2022年（月份不详）');
    expect(archiveMonthAnchor(3)).toBe('m03');
    expect(archiveMonthAnchor(null)).toBe('m-unknown');
  });
});
