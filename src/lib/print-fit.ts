/**
 * How a special issue is set on paper, decided from measured heights the way a layout editor would:
 *
 * - A3 is one sheet: the largest body size (never below 六号, 7.5 pt) at which the whole issue fits, with a
 *   column count that keeps lines of a readable length at that size; headlines scale with the body.
 * - A4 runs over pages: the body size nearest the default that leaves no near-empty last page.
 *
 * The browser measures (public print script, src/pages/print-issue.js.ts); these functions only decide. They are
 * sent to the browser as their source text, so each must be self-contained: no imports, no outside names.
 */

/** 六号: the smallest body size a printed 专版 uses. */
export const minBodyPt = 7.5;
/** The body size the print stylesheet is designed at (headlines are in proportion to it). */
export const designBodyPt = 9.5;

/** Paper geometry of the print stylesheet (PrintLayout's @page margins 16 / 13 / 15 mm; column gap 5 mm). */
export const printGeometry = {
  designBodyPt,
  a3: {
    // A3 297 × 420 mm less the margins; 1% kept back for rounding between screen and print layout.
    widthMm: 297 - 26,
    heightMm: (420 - 31) * 0.99,
    // 六号 up to 小四 in quarter points.
    sizes: Array.from({ length: (12 - minBodyPt) / 0.25 + 1 }, (_, index) => minBodyPt + index * 0.25),
    columns: { widthMm: 297 - 26, gapMm: 5, minChars: 13, maxChars: 24, counts: [3, 4, 5, 6, 7, 8] },
  },
  a4: {
    heightMm: 297 - 31,
    columns: 3,
    // Nearest 9.5 pt first; 8.5–10.5 pt.
    sizes: [9.5, 9.25, 9.75, 9, 10, 8.75, 10.25, 8.5, 10.5],
    breakLoss: 0.03,
    minLastPage: 0.33,
    maxLastPage: 0.9,
  },
};

export interface ColumnOptions {
  /** Width of the text area, in mm. */
  widthMm: number;
  /** Space between columns, in mm. */
  gapMm: number;
  /** Shortest and longest acceptable line, in characters of the body size. */
  minChars: number;
  maxChars: number;
  /** Column counts to consider. */
  counts: number[];
}

/** Column counts whose line length at `sizePt` stays within the acceptable range, fewest columns first. */
export function columnChoices(sizePt: number, options: ColumnOptions): number[] {
  const charMm = (sizePt * 25.4) / 72;
  const fitting = options.counts.filter((count) => {
    const chars = (options.widthMm - (count - 1) * options.gapMm) / count / charMm;
    return chars >= options.minChars && chars <= options.maxChars;
  });
  return fitting.sort((a, b) => a - b);
}

/**
 * How the articles sit on the sheet: `bands` gives each article a headline across the page over its own
 * columns (a lead story); `flow` runs all articles through one set of columns, headlines in the column (a page of
 * short reports, which wastes no space at the foot of each band).
 */
export interface SheetLayout {
  columns: number;
  flow: boolean;
}

export interface SheetFitRequest {
  /** Height of the page's text area (the same unit as `measure`). */
  available: number;
  /** Body sizes to try, in pt. */
  sizes: number[];
  /** Layouts worth trying at a size, the preferred first. */
  layoutsFor: (sizePt: number) => SheetLayout[];
  /** Height of the whole issue set at this size in this layout. */
  measure: (sizePt: number, layout: SheetLayout) => number;
}

export interface SheetFit {
  sizePt: number;
  layout: SheetLayout;
  height: number;
  fits: boolean;
  /** How much taller than the page the issue is (0 when it fits), as a fraction of the page height. */
  overflow: number;
  /** How many layouts were measured. */
  measured: number;
}

/**
 * The largest size at which the issue fits on one sheet, and the layout that allows it (on a tie, the one
 * `layoutsFor` prefers). Per layout the sizes are searched by bisection, as height grows with size. When nothing
 * fits, the smallest size in its shortest layout, and by how much it overflows: never a size below the smallest
 * offered.
 */
export function chooseSheetFit(request: SheetFitRequest): SheetFit {
  const sizes = [...new Set(request.sizes)].sort((a, b) => a - b);
  const keyOf = (layout: SheetLayout) => `${layout.flow ? 'flow' : 'bands'}-${layout.columns}`;
  const cache = new Map<string, number>();
  const measure = (sizePt: number, layout: SheetLayout) => {
    const key = `${sizePt}/${keyOf(layout)}`;
    if (!cache.has(key)) cache.set(key, request.measure(sizePt, layout));
    return cache.get(key) as number;
  };
  // Every layout offered at some size, in order of preference (first seen at the largest size first).
  const layouts = new Map<string, SheetLayout>();
  for (const size of [...sizes].reverse()) {
    for (const layout of request.layoutsFor(size)) if (!layouts.has(keyOf(layout))) layouts.set(keyOf(layout), layout);
  }
  let best: { sizePt: number; layout: SheetLayout; height: number } | undefined;
  for (const [key, layout] of layouts) {
    const usable = sizes.filter((size) => request.layoutsFor(size).some((offered) => keyOf(offered) === key));
    // Bisection for the last size that fits: usable[low] fits (or low = -1), usable[high] does not.
    let low = -1;
    let high = usable.length;
    // A later layout wins only with a larger size: the sizes up to the best so far need not be measured.
    if (best) low = usable.findLastIndex((size) => size <= best!.sizePt);
    while (high - low > 1) {
      const middle = (low + high) >> 1;
      if (measure(usable[middle]!, layout) <= request.available) low = middle;
      else high = middle;
    }
    if (low < 0 || (best && usable[low]! <= best.sizePt)) continue;
    const sizePt = usable[low]!;
    best = { sizePt, layout, height: measure(sizePt, layout) };
  }
  if (best) return { sizePt: best.sizePt, layout: best.layout, height: best.height, fits: true, overflow: 0, measured: cache.size };
  const smallest = sizes[0]!;
  const offered = request.layoutsFor(smallest);
  const tried = (offered.length ? offered : [{ columns: 1, flow: false }]).map((layout) => ({ layout, height: measure(smallest, layout) }));
  const shortest = tried.reduce((a, b) => (b.height < a.height ? b : a));
  return { sizePt: smallest, ...shortest, fits: false, overflow: shortest.height / request.available - 1, measured: cache.size };
}

export interface PagedFitRequest {
  /** Height of one page's text area (the same unit as `measure`). */
  pageHeight: number;
  /** Body sizes to try, nearest the preferred one first. */
  sizes: number[];
  measure: (sizePt: number) => number;
  /** Share of its height a continuous layout loses to page breaks (kept lines, whole figures); e.g. 0.04. */
  breakLoss: number;
  /** The last page must hold at least this share of a page… */
  minLastPage: number;
  /** …and at most this share, so that nothing spills onto a new page. */
  maxLastPage: number;
}

export interface PagedFit {
  sizePt: number;
  /** Estimated page count and fill of the last page (fraction of a page). */
  pages: number;
  lastPage: number;
  /** Whether a size gave a good last page; otherwise the first size is kept. */
  settled: boolean;
}

/**
 * The first size (the list is in order of preference) whose estimated last page is neither near-empty nor
 * about to spill onto one more page. A one-page issue is always fine.
 */
export function choosePagedFit(request: PagedFitRequest): PagedFit {
  const estimate = (sizePt: number) => {
    const pages = (request.measure(sizePt) * (1 + request.breakLoss)) / request.pageHeight;
    const whole = Math.ceil(pages);
    const lastPage = pages - (whole - 1);
    return { sizePt, pages: whole, lastPage };
  };
  for (const sizePt of request.sizes) {
    const result = estimate(sizePt);
    const good = result.pages === 1 ? result.lastPage <= request.maxLastPage : result.lastPage >= request.minLastPage && result.lastPage <= request.maxLastPage;
    if (good) return { ...result, settled: true };
  }
  return { ...estimate(request.sizes[0]!), settled: false };
}
