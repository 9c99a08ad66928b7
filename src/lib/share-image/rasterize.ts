/**
 * Coverage of a filled outline (a glyph) on a pixel grid, pure and exact: the signed-area accumulation method of
 * font-rs / stb_truetype. Each edge adds, to every cell it crosses, the area it covers to its right; a running
 * sum over the cells then gives each pixel's covered fraction. No supersampling, so a glyph costs tens of
 * microseconds, and the result is the same bytes on every machine (plain float arithmetic, no system library).
 */

/** A path command as fontkit gives it (font units, y up). */
export interface PathCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
  args: number[];
}

/** A coverage mask: `width × height` bytes, 0 (outside) to 255 (inside), its top left at (left, top) in pixels. */
export interface CoverageMask {
  left: number;
  top: number;
  width: number;
  height: number;
  coverage: Uint8Array;
}

/** How far (px) a flattened curve may stray from the true one. */
const flatness = 0.05;

class Accumulator {
  readonly cells: Float32Array;
  readonly width: number;
  readonly height: number;
  constructor(width: number, height: number) {
    this.width = width;
    this.height = height;
    // One spare cell: an edge touching the right border writes one cell past its row.
    this.cells = new Float32Array(width * height + 1);
  }

  /** Adds the edge (x0, y0) → (x1, y1), in mask pixels. */
  line(x0: number, y0: number, x1: number, y1: number) {
    if (y0 === y1) return;
    const { cells, width, height } = this;
    let direction = 1;
    if (y0 > y1) {
      direction = -1;
      [x0, y0, x1, y1] = [x1, y1, x0, y0];
    }
    const slope = (x1 - x0) / (y1 - y0);
    let x = x0;
    const rowEnd = Math.min(height, Math.ceil(y1));
    for (let row = Math.max(0, Math.floor(y0)); row < rowEnd; row += 1) {
      const dy = Math.min(row + 1, y1) - Math.max(row, y0);
      const xNext = x + slope * dy;
      const d = dy * direction;
      const start = row * width;
      const [left, right] = x < xNext ? [x, xNext] : [xNext, x];
      const leftFloor = Math.floor(left);
      const leftCell = leftFloor;
      const rightCell = Math.ceil(right);
      if (rightCell <= leftCell + 1) {
        // Within one column: split d between this cell and the next by where the edge's middle falls.
        const middle = 0.5 * (x + xNext) - leftFloor;
        cells[start + leftCell] += d - d * middle;
        cells[start + leftCell + 1] += d * middle;
      } else {
        const inverse = 1 / (right - left);
        const leftFraction = left - leftFloor;
        const firstArea = 0.5 * inverse * (1 - leftFraction) ** 2;
        const rightFraction = right - rightCell + 1;
        const lastArea = 0.5 * inverse * rightFraction ** 2;
        cells[start + leftCell] += d * firstArea;
        if (rightCell === leftCell + 2) {
          cells[start + leftCell + 1] += d * (1 - firstArea - lastArea);
        } else {
          const secondArea = inverse * (1.5 - leftFraction);
          cells[start + leftCell + 1] += d * (secondArea - firstArea);
          for (let cell = leftCell + 2; cell < rightCell - 1; cell += 1) cells[start + cell] += d * inverse;
          const beforeLast = secondArea + (rightCell - leftCell - 3) * inverse;
          cells[start + rightCell - 1] += d * (1 - beforeLast - lastArea);
        }
        cells[start + rightCell] += d * lastArea;
      }
      x = xNext;
    }
  }

  /** Running sum over the cells: the covered fraction of each pixel (non-zero winding, clamped to 1). */
  coverage(): Uint8Array {
    const out = new Uint8Array(this.width * this.height);
    let sum = 0;
    for (let at = 0; at < out.length; at += 1) {
      sum += this.cells[at]!;
      out[at] = Math.min(255, Math.round(Math.abs(sum) * 255));
    }
    return out;
  }
}

/**
 * The coverage of `commands` drawn at `scale` px per font unit with the origin (baseline start) at (originX,
 * originY) px; font y points up, pixel y down. The mask is as small as the outline's bounds allow.
 */
export function rasterize(commands: readonly PathCommand[], scale: number, originX: number, originY: number): CoverageMask | undefined {
  // Outline in pixels, curves flattened to line segments.
  const points: number[][] = [];
  let contour: number[] = [];
  let penX = 0;
  let penY = 0;
  const toPixel = (fx: number, fy: number): [number, number] => [originX + fx * scale, originY - fy * scale];
  const close = () => {
    if (contour.length >= 6) points.push(contour);
    contour = [];
  };
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      [penX, penY] = toPixel(args[0]!, args[1]!);
      contour.push(penX, penY);
    } else if (command === 'lineTo') {
      [penX, penY] = toPixel(args[0]!, args[1]!);
      contour.push(penX, penY);
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy] = toPixel(args[0]!, args[1]!);
      const [ex, ey] = toPixel(args[2]!, args[3]!);
      // Deviation of a quadratic from its chord is at most |p0 − 2p1 + p2| / 4 / n² with n segments.
      const dd = Math.hypot(penX - 2 * cx + ex, penY - 2 * cy + ey);
      const steps = Math.max(1, Math.ceil(Math.sqrt(dd / (4 * flatness))));
      for (let step = 1; step <= steps; step += 1) {
        const t = step / steps;
        const u = 1 - t;
        contour.push(u * u * penX + 2 * u * t * cx + t * t * ex, u * u * penY + 2 * u * t * cy + t * t * ey);
      }
      [penX, penY] = [ex, ey];
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y] = toPixel(args[0]!, args[1]!);
      const [c2x, c2y] = toPixel(args[2]!, args[3]!);
      const [ex, ey] = toPixel(args[4]!, args[5]!);
      // For a cubic the bound is 3/4 · max |second difference| / n².
      const dd = Math.max(Math.hypot(penX - 2 * c1x + c2x, penY - 2 * c1y + c2y), Math.hypot(c1x - 2 * c2x + ex, c1y - 2 * c2y + ey));
      const steps = Math.max(1, Math.ceil(Math.sqrt((0.75 * dd) / flatness)));
      for (let step = 1; step <= steps; step += 1) {
        const t = step / steps;
        const u = 1 - t;
        contour.push(
          u * u * u * penX + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * ex,
          u * u * u * penY + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * ey,
        );
      }
      [penX, penY] = [ex, ey];
    } else {
      close();
    }
  }
  close();
  if (points.length === 0) return undefined;

  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const contourPoints of points) {
    for (let at = 0; at < contourPoints.length; at += 2) {
      minX = Math.min(minX, contourPoints[at]!);
      maxX = Math.max(maxX, contourPoints[at]!);
      minY = Math.min(minY, contourPoints[at + 1]!);
      maxY = Math.max(maxY, contourPoints[at + 1]!);
    }
  }
  const left = Math.floor(minX);
  const top = Math.floor(minY);
  // One column more than the bounds: the accumulation writes into the cell right of an edge.
  const width = Math.ceil(maxX) - left + 2;
  const height = Math.ceil(maxY) - top;
  if (width <= 0 || height <= 0) return undefined;
  const accumulator = new Accumulator(width, height);
  for (const contourPoints of points) {
    // Each contour closed back to its start.
    const count = contourPoints.length;
    for (let at = 0; at < count; at += 2) {
      const next = (at + 2) % count;
      accumulator.line(contourPoints[at]! - left, contourPoints[at + 1]! - top, contourPoints[next]! - left, contourPoints[next + 1]! - top);
    }
  }
  return { left, top, width, height, coverage: accumulator.coverage() };
}
