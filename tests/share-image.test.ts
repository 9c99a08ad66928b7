import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { iconPng, shareCanvas, sharePng } from '../src/lib/share-image/card.ts';
import { caseCard, issueCard } from '../src/lib/share-image/cards.ts';
import { GlyphSource } from '../src/lib/share-image/fonts.ts';

describe('share image text', () => {
  it('a case: headline group, organisation and region', () => {
    expect(caseCard({ kicker: '整装出发！', title: '标题', subtitle: '副题', organisation: '平阳县劳模协会' }, ['温州市', '平阳县'])).toEqual({
      label: '案例', kicker: '整装出发！', title: '标题', subtitle: '副题', footer: '平阳县劳模协会 · 温州市 平阳县',
    });
  });
  it('an issue: its series part, date and number of articles; the series name only when it is not the title', () => {
    const card = issueCard({ title: '创一流协会 建温暖之家', series: { name: '创一流协会 建温暖之家', part: '杭州市劳模工匠协会' }, date: new Date(Date.UTC(2022, 0, 1)), datePrecision: 'year' }, 3);
    expect(card.kicker).toBe('杭州市劳模工匠协会');
    expect(card.footer).toBe('2022年 · 共 3 篇');
  });
});

describe('share image drawing', () => {
  /** Rows of the card with any ink (not paper) between x0 and x1. */
  const inkedRows = (canvas: ReturnType<typeof shareCanvas>, x0: number, x1: number) => {
    const rows: number[] = [];
    for (let y = 0; y < canvas.height; y += 1) {
      for (let x = x0; x < x1; x += 1) {
        if (canvas.index(x, y) !== 0) {
          rows.push(y);
          break;
        }
      }
    }
    return rows;
  };

  it('draws the title: a longer title takes more lines, and an empty one leaves its place blank', () => {
    const footer = '平阳县劳模协会 · 温州市 平阳县';
    const titled = (title: string) => inkedRows(shareCanvas({ label: '案例', title, footer }), 80, 1120).filter((y) => y > 150 && y < 500).length;
    const short = titled('“2×4”组织架构');
    const long = titled('“2×4”组织架构充分发挥劳模专长，海岛劳模引领职工建功立业，打造金字招牌助力共同富裕');
    expect(short).toBeGreaterThan(40);
    expect(long).toBeGreaterThan(short * 1.8);
    expect(titled('')).toBe(0);
  });

  it('draws letters from every font slice, including the .woff slices fontkit cannot read (庐 in Noto Sans SC)', () => {
    for (const [family, weight] of [['noto-serif-sc', 700], ['noto-sans-sc', 400], ['noto-sans-sc', 700]] as const) {
      const glyph = new GlyphSource(family, weight).glyph('庐');
      expect(glyph?.advance).toBeGreaterThan(0);
      expect(glyph!.commands.length).toBeGreaterThan(10);
    }
    // The footer line (y 540–580) has ink where 庐 is drawn, after “桐”.
    const canvas = shareCanvas({ label: '案例', title: '桐庐', footer: '桐庐' });
    expect(inkedRows(canvas, 80 + 28, 80 + 56).filter((y) => y > 540 && y < 590).length).toBeGreaterThan(15);
  });

  it('is a 1200×630 PNG, the same bytes every time', async () => {
    const card = { label: '案例', title: '海岛劳模引领职工建功立业', subtitle: '洞头区劳模协会', footer: '洞头区劳模协会 · 温州市 洞头区' };
    const png = sharePng(card);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect(sharePng(card).equals(png)).toBe(true);
  });

  it('draws the icon at the asked size', async () => {
    expect(await sharp(await iconPng(180)).metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
  });
});
