import { describe as group, expect, it } from 'vitest';
import { describe, descriptionLength, leadText } from '../src/lib/description.ts';

const endsWell = (text: string) => /[。！？…][”’」』）]*$/.test(text);

group('page descriptions', () => {
  it('keeps whole sentences once they reach the minimum', () => {
    const text = '近年来，文成县劳模协会通过组建劳模工匠志愿服务队开展技术帮扶、技术培训、劳模工匠进校园、社会公益等志愿服务。充分展现劳模的当代价值。生动再现劳模精神。';
    const result = describe([text])!;
    expect(result).toBe('近年来，文成县劳模协会通过组建劳模工匠志愿服务队开展技术帮扶、技术培训、劳模工匠进校园、社会公益等志愿服务。充分展现劳模的当代价值。');
    expect(result.length).toBeGreaterThanOrEqual(descriptionLength.min);
  });

  it('cuts a long sentence at a clause boundary with “…”, never mid-word', () => {
    const text = '杭州市劳模工匠协会自成立以来，在市总工会的领导下、在省劳模协会的关心支持和专业指导下，紧紧围绕全市工会的中心工作，以“劳模工匠之家”为目标，大力宣讲劳模工匠故事，搭建劳模工匠交流培训平台，努力为劳模工匠做好事办实事，不断提升服务管理水平，在宣传劳模工匠、关心劳模工匠、服务劳模工匠等方面做了积极的探索和努';
    const result = describe([text])!;
    expect(result.length).toBeLessThanOrEqual(descriptionLength.max);
    expect(result.length).toBeGreaterThanOrEqual(descriptionLength.min);
    expect(result.endsWith('不断提升服务管理水平…')).toBe(true);
    expect(result).not.toContain('探索和努');
  });

  it('without any clause boundary, cuts after a whole word', () => {
    const text = '做了积极的探索和努力'.repeat(20);
    const result = describe([text])!;
    const cut = result.slice(0, -1);
    const wordEnds = new Set([...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map(({ index, segment }) => index + segment.length));
    expect(result.endsWith('…')).toBe(true);
    expect(text.startsWith(cut)).toBe(true);
    expect(wordEnds.has(cut.length)).toBe(true);
    expect(cut.length).toBeGreaterThan(100);
    expect(result.length).toBeLessThanOrEqual(descriptionLength.max);
  });

  it('takes the first long enough source: the lead before the 编者按', () => {
    const short = '短导语。';
    const note = '为充分发挥各级劳模协会的作用，不断提升劳模服务管理工作水平，推动劳模协会工作创新发展，2021年底，省劳模协会征集了一批劳模协会工作的优秀案例。';
    expect(describe([short, note])).toBe(note);
    expect(describe([undefined, short])).toBe(short);
    expect(describe([undefined, ''])).toBeUndefined();
  });

  it('leaves out a news dateline', () => {
    expect(describe(['记者曾晨路 通讯员陈向阳报道 实现共同富裕，是可触可感的奋斗目标。在推动实现共同富裕中，工会应该怎么办？为做好这道“必答题”，区总工会发挥劳模工匠的示范引领作用。'])).toMatch(/^实现共同富裕/);
    expect(describe(['本报讯 通讯员杨梦蛟报道 日前，诸暨市人力资源和社会保障局、诸暨市总工会联合主办的2021年诸暨市信息通讯网络运行管理员职业技能大赛落下帷幕。'])).toMatch(/^日前，/);
  });

  it('always ends at a sentence end or with “…”', () => {
    for (const text of ['一'.repeat(300), '甲，乙'.repeat(100), '短的一句话没有句号', '他说：“好。”然后走了。'.repeat(10)]) {
      const result = describe([text])!;
      expect(endsWell(result), result).toBe(true);
      expect(result.length).toBeLessThanOrEqual(descriptionLength.max);
    }
  });
});

group('the lead of an article', () => {
  it('skips imports, components and comments and joins the opening paragraphs up to a heading', () => {
    const body = "import a from './images/a.jpg';\n\n<Figure caption=\"说明。\" awaitingPhoto />\n\n{/* 注释 */}\n\n第一段，含[链接](https://example.com/)和**重点**。\n\n第二段。\n\n## 小标题\n\n后文。";
    expect(leadText(body)).toBe('第一段，含链接和重点。第二段。');
  });

  it('stops where the source breaks off (<Gap>)', () => {
    expect(leadText('前文做了积极的探索和努<Gap note="原版此处文字不全" />\n\n下一段。')).toBe('前文做了积极的探索和努');
  });
});
