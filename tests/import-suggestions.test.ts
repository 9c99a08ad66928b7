import { describe, expect, it } from 'vitest';
import { fixPunctuation } from '../src/lib/import/punctuation.ts';
import { fullPrintedName, seriesOf, suggestTopics, topicKeywords } from '../src/lib/import/suggestions.ts';
import { endsParagraph, normalizeForCompare } from '../src/lib/import/text-shape.ts';

describe('half-width stops, ellipses and quotes in Chinese text', () => {
  it('end a paragraph when typed after Chinese, not after a number or Latin text', () => {
    expect(endsParagraph('近三年为企业提供合理化建议2万余条.')).toBe(true);
    expect(endsParagraph('做到急劳模所急，尽力解难...')).toBe(true);
    expect(endsParagraph('达到2.')).toBe(false);
    expect(endsParagraph('版本 v2.')).toBe(false);
    expect(endsParagraph('站在')).toBe(false);
  });

  it('become 。 …… “” in Chinese context only, each change reported', () => {
    const fixed = fixPunctuation('建议2万余条.2021年是，尽力解难...在（以下简称"服务队"）启动.');
    expect(fixed.text).toBe('建议2万余条。2021年是，尽力解难……在（以下简称“服务队”）启动。');
    expect(fixed.changes.map((change) => change.mark).sort()).toEqual(['"', '.', '.', '...']);
    for (const kept of ['2.0版', 'e.g. "ok"', '3.5亿', 'www.example.com', 'pH 7.4']) expect(fixPunctuation(kept).text).toBe(kept);
  });

  it('compare equal to what they replace, so the import accounting still proves nothing lost', () => {
    expect(normalizeForCompare('尽力解难……“服务队”。')).toBe(normalizeForCompare('尽力解难..."服务队".'));
  });
});

describe('suggestions', () => {
  it('reads the series and part from the page subtitle', () => {
    expect(seriesOf('——全省各市劳模协会工作交流·嘉兴篇')).toEqual({ name: '全省各市劳模协会工作交流', part: '嘉兴篇' });
    expect(seriesOf('全省各市劳模协会工作交流・温州篇')).toEqual({ name: '全省各市劳模协会工作交流', part: '温州篇' });
    expect(seriesOf('温州各劳模协会创新平台载体')).toBeUndefined();
    expect(seriesOf(undefined)).toBeUndefined();
  });

  it('keeps the organisation as printed in full on the page', () => {
    expect(fullPrintedName('嘉兴市劳模协会', ['嘉兴市劳动模范协会通过组织……'])).toBe('嘉兴市劳动模范协会');
    expect(fullPrintedName('平阳县劳模协会', ['平阳县劳模协会成立于2021年'])).toBe('平阳县劳模协会');
    expect(fullPrintedName('乐清市总工会', ['乐清市劳动模范协会'])).toBe('乐清市总工会');
  });

  it('suggests topics by their words, ignoring words every page uses', () => {
    const topics = [
      { id: 'zhiyuan-fuwu', name: '志愿服务', description: '劳模工匠志愿服务队、志愿服务月等活动。' },
      { id: 'jishu-bangfu', name: '技术帮扶', description: '技术攻关、技术培训、进企业解难题。' },
      { id: 'xiehui-jianshe', name: '协会建设', description: '劳模协会的组织、制度与阵地建设。' },
    ];
    expect(topicKeywords(topics[2]!)).not.toContain('组织');
    const text = '劳模协会组织志愿服务队开展志愿服务月活动，组织劳模技术攻关。';
    expect(suggestTopics(text, topics)).toEqual([{ id: 'zhiyuan-fuwu', name: '志愿服务', hits: 4 }]);
    expect(suggestTopics('劳模协会组织活动。', topics)).toEqual([]);
  });
});
