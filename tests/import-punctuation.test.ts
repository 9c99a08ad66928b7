import { describe, expect, it } from 'vitest';
import { fixPunctuation } from '../src/lib/import/punctuation.ts';

const fixed = (text: string) => fixPunctuation(text).text;

describe('fixPunctuation (zhlint, restricted)', () => {
  it('converts half-width punctuation between Chinese characters', () => {
    expect(fixed('近年来,温州县劳模协会坚持;指出:一是要结合')).toBe('近年来，温州县劳模协会坚持；指出：一是要结合');
    expect(fixed('这个年,就在“浙”里过吧!')).toBe('这个年，就在“浙”里过吧！');
    expect(fixed('“如何减少或避免不锈钢的焊接变形?”浙江中特')).toBe('“如何减少或避免不锈钢的焊接变形？”浙江中特');
  });

  it('converts brackets only as a pair around Chinese text', () => {
    expect(fixed('温州县(市、区)劳模协会')).toBe('温州县（市、区）劳模协会');
    expect(fixed('22名(女性75周岁以上)高龄劳模')).toBe('22名（女性75周岁以上）高龄劳模');
    expect(fixed('运用 AI (Artificial Intelligence) 技术')).toBe('运用 AI (Artificial Intelligence) 技术');
    expect(fixed('缺一半的括号(湖州')).toBe('缺一半的括号(湖州');
  });

  it('leaves numbers, times, Latin words and symbols alone', () => {
    for (const text of [
      '“2×4”组织架构',
      '数字经济“一号工程”2.0版和加快',
      '调整污水含氧量、pH值、温度……',
      '运用手机APP的AI技术',
      '共 1.5 万元',
      '晚上 12:30 开始',
      '党员+劳模',
      '2019年11月18日~22日',
    ]) {
      expect(fixed(text)).toBe(text);
    }
  });

  it('does not add spaces between Chinese and Latin/digits or change quotes', () => {
    expect(fixed('参与AI跳绳,全年2022场,“劳模”')).toBe('参与AI跳绳，全年2022场，“劳模”');
  });

  it('keeps a Latin sentence inside Chinese text intact, converting only the Chinese comma', () => {
    expect(fixed('他说Hello, world. 然后,离开')).toBe('他说Hello, world. 然后，离开');
  });

  it('reports each change with its context', () => {
    const result = fixPunctuation('近年来,温州');
    expect(result.changes).toEqual([{ mark: ',', before: '近年来,温州', after: '近年来，温州' }]);
  });
});
