/**
 * The one script of the print view (/print-issue.js), served as a file because the site's Content-Security-Policy
 * allows no inline script. It
 * - picks the paper from `?size=a3` (A4 otherwise) and marks the toolbar;
 * - fits the type the way a layout editor would (decisions in src/lib/print-fit.ts, sent here as source text):
 *   A3 on one sheet at the largest body size ≥ 六号 and a column count to suit; A4 at the size nearest 9.5 pt that
 *   leaves no near-empty last page. It measures the sheet at the printed text width, so the reader's printout and
 *   the PDF of `npm run pdf` come out alike;
 * - says on screen when an issue does not fit one A3 sheet even at 六号, and by how much;
 * - leaves the result on <html>: data-fit="done", data-fit-size (pt), data-fit-columns, data-fit-layout
 *   (bands / flow), data-fit-overflow.
 * - wires the print button.
 */
import { choosePagedFit, chooseSheetFit, columnChoices, printGeometry } from '../lib/print-fit.ts';

const script = `(() => {
const geometry = ${JSON.stringify(printGeometry)};
const columnChoices = ${columnChoices.toString()};
const chooseSheetFit = ${chooseSheetFit.toString()};
const choosePagedFit = ${choosePagedFit.toString()};
const root = document.documentElement;
const size = new URLSearchParams(location.search).get('size') === 'a3' ? 'a3' : 'a4';
root.classList.toggle('print-a3', size === 'a3');
root.classList.toggle('print-a4', size === 'a4');
for (const link of document.querySelectorAll('[data-size-link]')) {
  if (link.dataset.sizeLink === size) link.setAttribute('aria-current', 'page');
  else link.removeAttribute('aria-current');
}
for (const label of document.querySelectorAll('[data-size-label]')) label.textContent = size.toUpperCase();
document.querySelector('[data-print]')?.addEventListener('click', () => window.print());

const pxPerMm = 96 / 25.4;
const sheet = document.querySelector('.sheet');
const setType = (sizePt, layout) => {
  root.style.setProperty('--scale', String(sizePt / geometry.designBodyPt));
  root.style.setProperty('--columns', String(layout.columns));
  root.classList.toggle('print-flow', layout.flow);
};
const height = () => sheet.getBoundingClientRect().height;

function fit() {
  if (!sheet) return;
  root.classList.add('print-measuring');
  let sizePt, layout, overflow = 0;
  if (size === 'a3') {
    const a3 = geometry.a3;
    const result = chooseSheetFit({
      available: a3.heightMm * pxPerMm,
      sizes: a3.sizes,
      // Headlines across the page first; all articles through the same columns when that gives the larger type.
      layoutsFor: (sizePt) => {
        const counts = columnChoices(sizePt, a3.columns);
        return [...counts.map((columns) => ({ columns, flow: false })), ...counts.map((columns) => ({ columns, flow: true }))];
      },
      measure: (sizePt, layout) => { setType(sizePt, layout); return height(); },
    });
    ({ sizePt, layout } = result);
    overflow = result.overflow;
  } else {
    const a4 = geometry.a4;
    layout = { columns: a4.columns, flow: false };
    const result = choosePagedFit({
      pageHeight: a4.heightMm * pxPerMm,
      sizes: a4.sizes,
      measure: (sizePt) => { setType(sizePt, layout); return height(); },
      breakLoss: a4.breakLoss,
      minLastPage: a4.minLastPage,
      maxLastPage: a4.maxLastPage,
    });
    sizePt = result.sizePt;
  }
  setType(sizePt, layout);
  root.classList.remove('print-measuring');
  root.dataset.fitSize = String(sizePt);
  root.dataset.fitColumns = String(layout.columns);
  root.dataset.fitLayout = layout.flow ? 'flow' : 'bands';
  root.dataset.fitOverflow = overflow.toFixed(4);
  const note = document.querySelector('[data-fit-note]');
  if (note && overflow > 0) {
    note.hidden = false;
    note.textContent = '本期内容较长：即使用最小字号（六号，7.5 磅）也超出一张 A3 约 ' + Math.ceil(overflow * 100) + '%，将打印为 2 页。';
  }
  root.dataset.fit = 'done';
}
(document.fonts ? document.fonts.ready : Promise.resolve()).then(fit, fit);
})();
`;

export function GET() {
  return new Response(script, { headers: { 'content-type': 'text/javascript; charset=utf-8' } });
}
