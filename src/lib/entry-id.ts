/**
 * The id (file name, and so the address) of a new case or issue — one rule for the desk and `npm run new`:
 *
 *   case:  region id + the title's pinyin, a word per hyphen:  平阳 ·“2×4”组织架构充分发挥劳模专长 → pingyang-2-4-zuzhi-jiagou-chongfen
 *   issue: the title's pinyin (+ the series part, without 篇):  创一流协会 建温暖之家 · 杭州篇 → chuang-yiliu-xiehui-jian-wennuan-hangzhou
 *
 * At most 8 syllables of the title, cut between words; a title that begins with the region's name does not repeat
 * it. Readable and ASCII like the existing ids. The id is made once, when the entry is first saved, and never
 * follows later edits of the title: the address must stay stable once published (renaming: docs/编辑指南.md 七).
 * A taken id gets `-2`, `-3` … (the desk's Decap adds `-1`, `-2` … on its own).
 */
import { toPinyinSlug } from './pinyin-slug.ts';

const maxTitleSyllables = 8;
const wordSegmenter = new Intl.Segmenter('zh', { granularity: 'word' });

interface Word {
  slug: string;
  syllables: number;
}

/** The words of a text in pinyin, a word's syllables together: 组织架构 → zuzhi, jiagou. */
function pinyinWords(text: string): Word[] {
  return [...wordSegmenter.segment(text)]
    .map(({ segment }) => toPinyinSlug(segment, { separator: '-' }).split('-').filter(Boolean))
    .filter((syllables) => syllables.length)
    .map((syllables) => ({ slug: syllables.join(''), syllables: syllables.length }));
}

/** At most `max` syllables, cut between words (a first word longer than that is cut itself). */
function capped(words: Word[], max: number): string[] {
  const kept: string[] = [];
  let count = 0;
  for (const word of words) {
    if (count + word.syllables > max) {
      if (!kept.length) kept.push(word.slug.slice(0, 6 * max));
      break;
    }
    kept.push(word.slug);
    count += word.syllables;
  }
  return kept;
}

/** `base`, or `-2`, `-3` … after it until the id is not one of `taken`. */
export function freeId(base: string, taken: ReadonlySet<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n += 1) id = `${base}-${n}`;
  return id;
}

export function caseIdFor(entry: { region?: string; title?: string }, taken: ReadonlySet<string> = new Set()): string {
  const region = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.region ?? '') ? entry.region! : '';
  const words = pinyinWords(entry.title ?? '');
  // 平阳劳模… in region pingyang: the region's name is already the first part of the id.
  let skip = 0;
  let joined = '';
  while (skip < words.length && joined.length < region.length && region.startsWith(joined + words[skip]!.slug)) joined += words[skip++]!.slug;
  const rest = region && joined === region ? words.slice(skip) : words;
  return freeId([region, ...capped(rest, maxTitleSyllables)].filter(Boolean).join('-') || 'anli', taken);
}

export function issueIdFor(entry: { title?: string; series?: { part?: string } }, taken: ReadonlySet<string> = new Set()): string {
  const part = entry.series?.part?.trim().replace(/篇$/, '') ?? '';
  return freeId([...capped(pinyinWords(entry.title ?? ''), maxTitleSyllables), ...capped(pinyinWords(part), 4)].join('-') || 'zhuanban', taken);
}
