/**
 * Rejoins paragraphs that a column break cut in two. A paragraph that does not end with a full stop is
 * continued by the next body line, even across captions standing in between. Two cases are handled
 * beyond that:
 * - a short fragment starting with a unit (`场次。`) belongs after a paragraph that stopped at a number,
 *   even a few paragraphs back (the layout put the column head elsewhere);
 * - once that happened, the paragraph right before the fragment has lost its evident continuation and is
 *   left open and flagged rather than glued to whatever follows.
 * Headings, editor's-note labels and bylines always stop a join.
 */
import type { ClassifiedBlock, JoinRecord, Repair, Unit, Warning } from './types.ts';
import { excerpt } from './types.ts';
import { endsParagraph, matchByline, startsWithUnit, visibleLength } from './text-shape.ts';

const UNIT_FRAGMENT_MAX = 20;
/** How far back (in units) a unit fragment may look for the number it belongs to. */
const FAR_LOOKBACK = 16;

export interface JoinResult {
  units: Unit[];
  joins: JoinRecord[];
}

export function joinBrokenParagraphs(blocks: ClassifiedBlock[], repairs: Repair[], warnings: Warning[]): JoinResult {
  const units: Unit[] = [];
  const joins: JoinRecord[] = [];
  /** Unit index of the paragraph the next body line continues. */
  let open: number | undefined;
  /** Paragraphs still without their end, by unit index. */
  const unfinished = new Set<number>();

  const append = (target: number, block: ClassifiedBlock, far: boolean) => {
    const unit = units[target];
    repairs.push({
      kind: far ? 'join-far' : 'join',
      line: unit.line,
      message: far
        ? `第 ${unit.lines.at(-1)} 行与相隔较远的第 ${block.line} 行接续成一段（数字与单位被拆开），请核对`
        : `第 ${unit.lines.at(-1)} 行与第 ${block.line} 行接续成一段`,
      excerpt: `…${unit.text.slice(-8)}｜${block.text.slice(0, 8)}…`,
    });
    unit.text += block.text;
    unit.pieces.push(block.text);
    unit.lines.push(block.line);
    const record = joins.find((j) => j.lines[0] === unit.lines[0]);
    if (record) {
      record.pieces.push(block.text);
      record.lines.push(block.line);
      record.far ||= far;
    } else joins.push({ lines: [...unit.lines], pieces: [...unit.pieces], far });
    if (endsParagraph(unit.text)) unfinished.delete(target);
  };

  for (const block of blocks) {
    if (block.kind === 'caption') {
      units.push(unitOf(block, 'caption'));
      continue;
    }
    if (block.kind !== 'body') {
      units.push(unitOf(block, block.kind));
      open = undefined;
      continue;
    }

    const isByline = Boolean(matchByline(block.text));
    const isUnitFragment = !isByline && startsWithUnit(block.text) && visibleLength(block.text) <= UNIT_FRAGMENT_MAX;

    let target: number | undefined;
    let far = false;
    if (!isByline && open !== undefined) {
      const openText = units[open].text;
      if (!isUnitFragment || /\d$/.test(openText)) target = open;
    }
    if (target === undefined && isUnitFragment) {
      const candidates = [...unfinished].filter((i) => i >= units.length - FAR_LOOKBACK && /\d$/.test(units[i].text));
      if (candidates.length === 1) {
        target = candidates[0];
        far = target !== open;
        if (far && open !== undefined) {
          warnings.push({
            line: units[open].lines.at(-1),
            message: '段落未完，紧随其后的文字属于别处，未能确定它的接续段，请对照原版核对',
            excerpt: `…${units[open].text.slice(-12)}`,
          });
          open = undefined;
        }
      }
    }

    if (target !== undefined) {
      append(target, block, far);
      if (!far) open = unfinished.has(target) ? target : undefined;
      continue;
    }

    units.push(unitOf(block, 'para'));
    const index = units.length - 1;
    if (endsParagraph(block.text)) open = undefined;
    else {
      open = index;
      unfinished.add(index);
    }
  }

  for (const index of unfinished) {
    const unit = units[index];
    if (warnings.some((w) => w.line === unit.lines.at(-1))) continue;
    warnings.push({
      line: unit.lines.at(-1),
      message: '段落在句中结束，未找到接续的文字（可能丢失或错位），请对照原版核对',
      excerpt: `…${unit.text.slice(-12)}`,
    });
  }
  return { units, joins };
}

function unitOf(block: ClassifiedBlock, kind: Unit['kind']): Unit {
  return { kind, text: block.text, line: block.line, mdLevel: block.mdLevel, pieces: [block.text], lines: [block.line] };
}

export { excerpt };
