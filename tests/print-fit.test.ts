import { describe, expect, it } from 'vitest';
import { choosePagedFit, chooseSheetFit, columnChoices, minBodyPt, printGeometry, type SheetLayout } from '../src/lib/print-fit.ts';

const a3 = printGeometry.a3;
const layoutsFor = (sizePt: number): SheetLayout[] => {
  const counts = columnChoices(sizePt, a3.columns);
  return [...counts.map((columns) => ({ columns, flow: false })), ...counts.map((columns) => ({ columns, flow: true }))];
};
/** A stand-in for the browser: height grows with the square of the size; flow wastes less than bands. */
const model = (chars: number) => (sizePt: number, layout: SheetLayout) => {
  const area = chars * (sizePt / 9.5) ** 2;
  return 200 + area * (layout.flow ? 0.2 : 0.25) * (1 + layout.columns * 0.01);
};

describe('columnChoices', () => {
  it('keeps lines between 13 and 24 characters of the body size', () => {
    expect(columnChoices(9.5, a3.columns)).toEqual([4, 5]);
    expect(columnChoices(7.5, a3.columns)).toEqual([5, 6, 7]);
    expect(columnChoices(12, a3.columns)).toEqual([3, 4]);
  });
});

describe('chooseSheetFit (one A3 sheet)', () => {
  it('chooses the largest size at which the issue fits, and never a layout taller than the page', () => {
    const measure = model(5000);
    const fit = chooseSheetFit({ available: 1456, sizes: a3.sizes, layoutsFor, measure });
    expect(fit.fits).toBe(true);
    expect(fit.overflow).toBe(0);
    expect(fit.height).toBeLessThanOrEqual(1456);
    expect(fit.height).toBe(measure(fit.sizePt, fit.layout));
    // No offered layout fits at the next size up.
    const larger = a3.sizes.find((size) => size > fit.sizePt)!;
    for (const layout of layoutsFor(larger)) expect(measure(larger, layout), `${larger} ${JSON.stringify(layout)}`).toBeGreaterThan(1456);
  });

  it('prefers headlines across the page (the first layout offered) when it allows the same size', () => {
    const fit = chooseSheetFit({ available: 10_000, sizes: a3.sizes, layoutsFor, measure: () => 500 });
    expect(fit.sizePt).toBe(12);
    expect(fit.layout).toEqual({ columns: 3, flow: false });
  });

  it('takes all articles through one set of columns when that gives the larger type', () => {
    const measure = (sizePt: number, layout: SheetLayout) => (layout.flow ? 100 * sizePt : 150 * sizePt);
    const fit = chooseSheetFit({ available: 1000, sizes: a3.sizes, layoutsFor, measure });
    expect(fit).toMatchObject({ sizePt: 10, layout: { flow: true }, fits: true });
  });

  it('never accepts a layout offered only at large sizes without measuring it there', () => {
    // 3 columns are offered from 10.25 pt up only, and never fit; 4 columns fit at 9 pt.
    const measure = (sizePt: number, layout: SheetLayout) => (layout.columns === 3 ? 5000 : sizePt <= 9 ? 900 : 1100);
    const fit = chooseSheetFit({ available: 1000, sizes: a3.sizes, layoutsFor, measure });
    expect(fit.sizePt).toBe(9);
    expect(fit.layout.columns).not.toBe(3);
  });

  it('reports an issue too long for one sheet at the smallest size, by how much, without going below 六号', () => {
    const measure = model(40_000);
    const fit = chooseSheetFit({ available: 1456, sizes: a3.sizes, layoutsFor, measure });
    expect(fit.fits).toBe(false);
    expect(fit.sizePt).toBe(minBodyPt);
    expect(Math.min(...a3.sizes)).toBe(7.5);
    const shortest = Math.min(...layoutsFor(7.5).map((layout) => measure(7.5, layout)));
    expect(fit.height).toBe(shortest);
    expect(fit.overflow).toBeCloseTo(shortest / 1456 - 1, 10);
    expect(fit.overflow).toBeGreaterThan(0.5);
  });

  it('measures few layouts (bisection per layout)', () => {
    const fit = chooseSheetFit({ available: 1456, sizes: a3.sizes, layoutsFor, measure: model(5000) });
    const all = a3.sizes.reduce((sum, size) => sum + layoutsFor(size).length, 0);
    expect(fit.measured).toBeLessThan(all / 2);
  });

  it('works from its source text alone, as the print script uses it', () => {
    const rebuilt = new Function(`return ${chooseSheetFit.toString()}`)() as typeof chooseSheetFit;
    const columns = new Function(`return ${columnChoices.toString()}`)() as typeof columnChoices;
    const request = { available: 1456, sizes: a3.sizes, layoutsFor: (size: number) => columns(size, a3.columns).map((c) => ({ columns: c, flow: false })), measure: model(6000) };
    expect(rebuilt(request)).toEqual(chooseSheetFit(request));
  });
});

describe('choosePagedFit (A4 over pages)', () => {
  const a4 = printGeometry.a4;
  const request = (height: (sizePt: number) => number) => ({ ...a4, pageHeight: 1000, measure: height });

  it('keeps the design size when the last page is well filled', () => {
    expect(choosePagedFit(request(() => 2500))).toMatchObject({ sizePt: 9.5, pages: 3, settled: true });
  });

  it('moves to the nearest size that leaves no near-empty last page', () => {
    // At 9.5 pt the last page would hold 10% of a page; a size close by fills it or pulls it back.
    const height = (sizePt: number) => 2070 * (sizePt / 9.5) ** 2;
    const fit = choosePagedFit(request(height));
    expect(fit.settled).toBe(true);
    expect(fit.sizePt).not.toBe(9.5);
    // No size earlier in the order of preference would have done.
    for (const sizePt of a4.sizes.slice(0, a4.sizes.indexOf(fit.sizePt))) {
      const last = (height(sizePt) * (1 + a4.breakLoss)) / 1000 % 1;
      expect(last < a4.minLastPage || last > a4.maxLastPage, String(sizePt)).toBe(true);
    }
    expect(fit.lastPage).toBeGreaterThanOrEqual(a4.minLastPage);
    expect(fit.lastPage).toBeLessThanOrEqual(a4.maxLastPage);
  });

  it('avoids a last page so full that a few lines would spill onto another', () => {
    const fit = choosePagedFit(request((sizePt) => 1950 * (sizePt / 9.5) ** 2));
    expect(fit.lastPage).toBeLessThanOrEqual(a4.maxLastPage);
  });

  it('accepts a one-page issue, and keeps the design size when no size helps', () => {
    expect(choosePagedFit(request(() => 300))).toMatchObject({ sizePt: 9.5, pages: 1, settled: true });
    expect(choosePagedFit(request(() => 2000))).toMatchObject({ sizePt: 9.5, settled: false });
  });
});
