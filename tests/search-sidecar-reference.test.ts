/**
 * The build's sidecar builder (numeric grams, src/lib/search/gram-postings.ts + page-grams.ts) writes the very
 * files, byte for byte and in the same order, that the string-keyed builder before it wrote
 * (scripts/bench/reference-sidecar.ts), on generated pages mixing what page text holds.
 */
import { describe, expect, it } from 'vitest';
import { buildSidecar, createPageTerms, sidecarOrder, type IndexedPage } from '../src/lib/search/build-sidecar.ts';
import { createDevSidecar } from '../src/lib/search/dev-sidecar.ts';
import * as reference from '../scripts/bench/reference-sidecar.ts';

/** Deterministic pseudo-random numbers (mulberry32). */
function randomFrom(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const simplified = [...'劳模工匠技术服务队志愿者协会浙江温州湖州平阳县注册会员企业帮扶乡村振兴共同富裕的了和在是一年'];
const traditional = [...'勞術務隊陽縣諧會員濟龍'];
const fold = { 勞: '劳', 術: '术', 務: '务', 隊: '队', 陽: '阳', 縣: '县', 諧: '谐', 會: '会', 員: '员', 濟: '济', 龍: '龙' };
/** Pieces of text: words, traditional characters, Latin, digits, punctuation, spaces, '^' and '~' (kept), astral ones. */
const pieces = [
  ...simplified,
  ...traditional,
  '劳模',
  '技术服务队',
  'LNG',
  'Pagefind',
  'ＡＢＣ',
  '２０２２',
  '2022',
  '0',
  '01',
  '10',
  '1228',
  '4294967295',
  '，',
  '。',
  '“',
  '”',
  '·',
  '、',
  '（',
  '）',
  ' ',
  '\n',
  '\u3000',
  '\u200b',
  '^',
  '~',
  '～',
  '＾',
  '3～5年',
  '^劳',
  '×',
  '𠀀',
  '𠮷',
  '😀',
  '"',
  '\\',
  '<',
  '\u2028',
];

function text(random: () => number, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += pieces[Math.floor(random() * pieces.length)];
  return out;
}

function generatedPages(count: number, seed: number): IndexedPage[] {
  const random = randomFrom(seed);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  return Array.from({ length: count }, (_, n) => {
    const title = text(random, 1 + Math.floor(random() * 8));
    const body = text(random, 20 + Math.floor(random() * 300));
    const where = random();
    // Titles that start the body (as Pagefind's content does), sit inside it, are missing from it, or are empty.
    const content = where < 0.5 ? `${title}. ${body}` : where < 0.7 ? `${body.slice(0, 40)}${title}${body.slice(40)}` : body;
    const meta: Record<string, string> = { published: `20${10 + Math.floor(random() * 15)}-0${1 + Math.floor(random() * 9)}-1${Math.floor(random() * 10)}` };
    if (where < 0.95) meta.title = where < 0.9 ? title : '';
    return {
      hash: `zh_${n.toString(16)}`,
      url: `/cases/${n}/`,
      content,
      meta,
      filters: (random() < 0.9 ? { city: [pick(['湖州市', '温州市', '杭州市'])], year: [meta.published!.slice(0, 4)], topic: random() < 0.5 ? ['志愿服务', '技术帮扶'] : [] } : {}) as Record<string, string[]>,
    };
  });
}

const entries = (files: Map<string, string> | Iterable<[string, string]>) => [...files];

describe('the sidecar builder', () => {
  const pages = generatedPages(400, 9);

  for (const [shardBytes, leadChars] of [
    [undefined, undefined],
    [600, 7],
    [100_000, 160],
  ] as const) {
    it(`writes the reference builder's files byte for byte (shardBytes ${shardBytes ?? 'default'}, leadChars ${leadChars ?? 'default'})`, () => {
      const options = { fold, shardBytes, leadChars };
      const expected = entries(reference.buildSidecar(pages, options));
      expect(expected.length).toBeGreaterThan(3);
      expect(entries(buildSidecar(pages, options))).toEqual(expected);
    });
  }

  it('covers the cases that a naive rewrite gets wrong: digit keys, keys shared by body and title grams, astral grams', () => {
    const files = reference.buildSidecar(pages, { fold });
    const shards = [...files].filter(([path]) => path.startsWith('g/')).map(([, text]) => text);
    const keys = shards.flatMap((shard) => Object.keys(JSON.parse(shard)));
    // JSON.stringify puts integer keys first: '2022' is written before grams met earlier.
    expect(keys).toContain('2022');
    expect(keys).toContain('01');
    expect(keys).toContain('~5年');
    expect(keys).toContain('^劳');
    expect(keys).toContain('𠀀');
  });

  it('gives the same files from pages with odd folds: several characters, astral, to a space, to U+3000', () => {
    const odd = { ...fold, 濟: 'ji', 龍: '𠀀', 隊: ' ', 陽: '\u3000', 𠮷: '吉' };
    const options = { fold: odd, shardBytes: 800, leadChars: 9 };
    expect(entries(buildSidecar(pages, options))).toEqual(entries(reference.buildSidecar(pages, options)));
  });

  it('gives the same files from pages with lone surrogates and astral characters cut at the end of the lead', () => {
    const lone = generatedPages(60, 3).map((page, n) => ({
      ...page,
      content: n % 2 ? `${page.meta.title ?? ''}\ud800${'劳模'.repeat(n % 7)}𠀀𠀀𠀀${page.content}\udc00` : `\udc00${page.content}\ud83d`,
      meta: { ...page.meta, title: n % 3 ? (page.meta.title ?? '') + '\ud800' : '\udc00' },
    }));
    for (const leadChars of [3, 4, 5, 160, -3]) {
      const options = { fold, shardBytes: 900, leadChars };
      const expected = entries(reference.buildSidecar(lone, options));
      expect(expected.some(([, text]) => text.includes('\\ud800'))).toBe(true);
      expect(entries(buildSidecar(lone, options))).toEqual(expected);
    }
  });

  it('gives the same files over more than 8,192 distinct characters', () => {
    const many: IndexedPage[] = Array.from({ length: 40 }, (_, n) => {
      let content = '';
      for (let k = 0; k < 400; k++) content += String.fromCodePoint(0x4e00 + ((n * 397 + k * 31) % 12_000));
      content += String.fromCodePoint(0x20000 + n * 50, 0x20001 + n * 50);
      return { hash: `h${n}`, url: `/p/${n}/`, content, meta: { title: content.slice(0, 5), published: `2020-01-${String(1 + (n % 28)).padStart(2, '0')}` }, filters: {} };
    });
    expect(new Set([...many.map((page) => page.content).join('')]).size).toBeGreaterThan(8192);
    expect(entries(buildSidecar(many, { fold }))).toEqual(entries(reference.buildSidecar(many, { fold })));
  });

  it('gives the dev sidecar, built from page terms, the same postings as the reference from pages', () => {
    const termsOf = createPageTerms({ fold });
    const ordered = sidecarOrder(pages);
    const expected = entries(reference.buildSidecar(pages, { fold, shardBytes: 700 }));
    const dev = createDevSidecar({ fold, shardBytes: 700 });
    dev.update(ordered.map((page) => termsOf(page)));
    const parsed = (files: [string, string][]) => new Map(files.map(([path, text]) => [path, JSON.parse(text)]));
    expect(parsed(entries(dev.files()))).toEqual(parsed(expected));
  });
});
