import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { iconPng, sharePng, shareSvg } from '../src/lib/share-image/card.ts';
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
  it('draws every letter as an outline from the npm fonts: no <text>, no font reference', () => {
    const svg = shareSvg({ label: '案例', title: '“2×4”组织架构充分发挥劳模专长', footer: '平阳县劳模协会 · 温州市 平阳县' });
    expect(svg).not.toMatch(/<text|font-family|@font-face/);
    expect(svg.match(/<path /g)!.length).toBeGreaterThanOrEqual(5);
  });

  it('draws letters from every font slice, including the .woff slices fontkit cannot read (庐 in Noto Sans SC)', () => {
    const svg = shareSvg({ label: '案例', title: '桐庐', footer: '桐庐县劳模协会 · 杭州市 桐庐县' });
    expect(svg).toMatch(/<path /);
    for (const [family, weight] of [['noto-serif-sc', 700], ['noto-sans-sc', 400], ['noto-sans-sc', 700]] as const) {
      expect(new GlyphSource(family, weight).glyph('庐')?.advance).toBeGreaterThan(0);
    }
  });

  it('is a 1200×630 PNG, the same bytes every time', async () => {
    const card = { label: '案例', title: '海岛劳模引领职工建功立业', subtitle: '洞头区劳模协会', footer: '洞头区劳模协会 · 温州市 洞头区' };
    const png = await sharePng(card);
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 1200, height: 630 });
    expect((await sharePng(card)).equals(png)).toBe(true);
  });

  it('draws the icon at the asked size', async () => {
    expect(await sharp(await iconPng(180)).metadata()).toMatchObject({ format: 'png', width: 180, height: 180 });
  });
});
