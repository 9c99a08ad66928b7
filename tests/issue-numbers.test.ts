import { describe, expect, it } from 'vitest';
import { duplicateIssueNumbers, numberIssues, seriesPlaceLabel } from '../src/lib/issue-numbers.ts';
import { buildSiteIndex } from '../src/lib/site-index.ts';

const day = (y: number, m = 1) => new Date(Date.UTC(y, m - 1, 1));
const issue = (id: string, date: Date, extra: { number?: number; series?: string } = {}) => ({
  id,
  data: { date, number: extra.number, series: extra.series ? { name: extra.series } : undefined, cases: [] as { id: string }[] },
});
const numbers = (list: ReturnType<typeof issue>[]) => {
  const { byId } = numberIssues(list);
  return Object.fromEntries(list.map((entry) => [entry.id, byId.get(entry.id)!.number]));
};

describe('numberIssues (期号)', () => {
  it('numbers by date, oldest 第 1 期; the same date by id a-z', () => {
    expect(numbers([issue('c', day(2023)), issue('b', day(2022)), issue('a', day(2022)), issue('z', day(2021))])).toEqual({ z: 1, a: 2, b: 3, c: 4 });
  });

  it('keeps stated numbers: an older back issue added later takes the next free number, nothing renumbers', () => {
    const published = [issue('first', day(2021), { number: 1 }), issue('second', day(2022), { number: 2 }), issue('third', day(2023), { number: 3 })];
    const before = numbers(published);
    const after = numbers([...published, issue('found-later', day(2019))]);
    expect(after).toEqual({ ...before, 'found-later': 4 });
  });

  it('fills gaps left by stated numbers, oldest unnumbered first', () => {
    expect(numbers([issue('x', day(2022), { number: 2 }), issue('old', day(2020)), issue('new', day(2024))])).toEqual({ x: 2, old: 1, new: 3 });
  });

  it('on a duplicate stated number (refused by the check) still gives every issue its own number', () => {
    const result = numbers([issue('a', day(2020), { number: 1 }), issue('b', day(2021), { number: 1 })]);
    expect(new Set(Object.values(result)).size).toBe(2);
    expect(result.a).toBe(1);
  });

  it('gives previous/next by number and the place within the series', () => {
    const list = [
      issue('hangzhou', day(2022), { number: 3, series: '创一流' }),
      issue('huzhou', day(2022), { number: 4, series: '交流' }),
      issue('gonghui', day(2022), { number: 2 }),
      issue('wenzhou', day(2023), { number: 5, series: '交流' }),
      issue('zhiyuan', day(2021), { number: 1 }),
    ];
    const { byId, inOrder } = numberIssues(list);
    expect(inOrder.map((entry) => entry.id)).toEqual(['zhiyuan', 'gonghui', 'hangzhou', 'huzhou', 'wenzhou']);
    const wenzhou = byId.get('wenzhou')!;
    expect(wenzhou.previous?.id).toBe('huzhou');
    expect(wenzhou.next).toBeUndefined();
    expect(wenzhou.series).toMatchObject({ name: '交流', position: 2, count: 2 });
    expect(wenzhou.series!.previous?.id).toBe('huzhou');
    expect(seriesPlaceLabel(wenzhou.series!)).toBe('交流 · 第 2 篇');
    const zhiyuan = byId.get('zhiyuan')!;
    expect(zhiyuan.previous).toBeUndefined();
    expect(zhiyuan.next?.id).toBe('gonghui');
    expect(zhiyuan.series).toBeUndefined();
    expect(byId.get('hangzhou')!.series).toMatchObject({ position: 1, count: 1 });
    expect(byId.get('hangzhou')!.series!.next).toBeUndefined();
  });

  it('lists duplicate stated numbers for the check', () => {
    expect([...duplicateIssueNumbers([{ id: 'a', number: 2 }, { id: 'b', number: 2 }, { id: 'c', number: 3 }, { id: 'd' }])]).toEqual([[2, ['a', 'b']]]);
  });

  it('is in the site index', () => {
    const index = buildSiteIndex({ cases: [], issues: [issue('new', day(2023)), issue('old', day(2021))], regions: [], topics: [] });
    expect(index.issueNumbering('new')).toMatchObject({ number: 2, previous: { id: 'old' } });
    expect(index.issuesByNumber.map((entry) => entry.id)).toEqual(['old', 'new']);
    expect(index.issueNumbering('missing')).toBeUndefined();
  });
});
