import { describe, expect, it } from 'vitest';
import { breakUnits, wrapText } from '../src/lib/share-image/layout.ts';
import { parseFontsourceCss, parseUnicodeRange } from '../src/lib/share-image/fonts.ts';

const width = (text: string) => [...text].length; // one unit per character

describe('share image line breaking', () => {
  it('keeps Latin words and numbers whole', () => {
    expect(breakUnits('2×4组织架构')).toEqual(['2×4', '组', '织', '架', '构']);
  });

  it('breaks Chinese anywhere but never starts a line with closing punctuation', () => {
    expect(wrapText('甲乙丙丁，戊己', width, 4, 3).lines).toEqual(['甲乙丙', '丁，戊己']);
    expect(wrapText('甲乙“丙丁戊', width, 3, 3).lines).toEqual(['甲乙', '“丙丁', '戊']);
  });

  it('ends the last allowed line with … when the text does not fit', () => {
    const { lines, truncated } = wrapText('一二三四五六七八九十', width, 4, 2);
    expect(truncated).toBe(true);
    expect(lines).toEqual(['一二三四', '五六七…']);
  });
});

describe('Fontsource slices', () => {
  it('reads unicode ranges and the woff file of each @font-face', () => {
    expect(parseUnicodeRange('U+4e00-4e3f,U+3002')).toEqual([[0x4e00, 0x4e3f], [0x3002, 0x3002]]);
    const css = "@font-face {\n  src: url(./files/x-1-700-normal.woff2) format('woff2'), url(./files/x-1-700-normal.woff) format('woff');\n  unicode-range: U+4e00-4e3f;\n}";
    expect(parseFontsourceCss(css)).toEqual([{ file: 'x-1-700-normal.woff', ranges: [[0x4e00, 0x4e3f]] }]);
  });
});
