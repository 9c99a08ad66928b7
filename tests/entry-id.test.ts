/**
 * One id rule for new entries, in the desk and in `npm run new` (src/lib/entry-id.ts): the desk gets it through
 * Decap's own slug code (slugFormatter with the generated config and the preSave field), and its file formats
 * leave the working field out of the file.
 */
import { describe, expect, it } from 'vitest';
import { loadDeskConfig } from '../src/lib/cms/desk-config.ts';
import { newEntryId, newEntryIdField } from '../src/lib/cms/new-entry-id.ts';
import { caseIdFor, issueIdFor } from '../src/lib/entry-id.ts';
import { loadDesk, openAndSave, type DeskCollection } from '../scripts/lib/decap-roundtrip.ts';

describe('the id of a new case or issue', () => {
  it('is the region and the title in pinyin, a word per hyphen, at most 8 syllables cut between words', () => {
    expect(caseIdFor({ region: 'pingyang', title: '“2×4”组织架构充分发挥劳模专长' })).toBe('pingyang-2-4-zuzhi-jiagou-chongfen');
    expect(caseIdFor({ region: 'yueqing', title: '乐清劳模工匠志愿服务' })).toBe('yueqing-laomo-gongjiang-zhiyuan-fuwu');
    expect(caseIdFor({ region: 'anji', title: '遇难事 主动找“娘家人”' })).toBe('anji-yunan-shi-zhudong-zhao-niangjia');
  });

  it('does not repeat the region’s name, and is never empty', () => {
    expect(caseIdFor({ region: 'pingyang', title: '平阳劳模技术服务队进企业解难题' })).toMatch(/^pingyang-laomo-jishu-/);
    expect(caseIdFor({ region: 'pingyang', title: '平阳' })).toBe('pingyang');
    expect(caseIdFor({ region: 'Bad Id', title: '标题' })).toBe('biaoti');
    expect(caseIdFor({})).toBe('anli');
    expect(issueIdFor({})).toBe('zhuanban');
  });

  it('adds the series part to an issue’s title, and a number when the id is taken', () => {
    expect(issueIdFor({ title: '创一流协会 建温暖之家', series: { part: '杭州篇' } })).toBe('chuang-yiliu-xiehui-jian-wennuan-hangzhou');
    expect(issueIdFor({ title: '打造金字招牌 助力共同富裕' }, new Set(['dazao-jinzizhaopai-zhuli']))).toBe('dazao-jinzizhaopai-zhuli-2');
    expect(caseIdFor({ region: 'pingyang', title: '平阳' }, new Set(['pingyang', 'pingyang-2']))).toBe('pingyang-3');
  });
});

describe('the desk names new files by the same rule (Decap’s own slug code)', () => {
  const config = loadDeskConfig(process.cwd(), {}) as { slug: unknown; collections: (DeskCollection & Record<string, unknown>)[] };
  const collection = (name: string) => config.collections.find((item) => item.name === name)!;

  it.each([
    ['cases', { title: '“2×4”组织架构充分发挥劳模专长', region: 'pingyang', date: '2023-05-01' }, caseIdFor({ region: 'pingyang', title: '“2×4”组织架构充分发挥劳模专长' })],
    ['issues', { title: '创一流协会 建温暖之家', series: { name: '创一流协会 建温暖之家', part: '杭州篇' }, date: '2022-01-01' }, 'chuang-yiliu-xiehui-jian-wennuan-hangzhou'],
  ])('%s', async (name, data, expected) => {
    const desk = await loadDesk();
    // What the desk's preSave handler adds to a new entry before Decap makes its slug.
    const saved = { ...data, [newEntryIdField]: newEntryId(name, data) };
    expect(desk.slugFormatter(desk.fromJS(collection(name)), desk.fromJS(saved), config.slug)).toBe(expected);
  });

  it('never writes the working field into the file', async () => {
    const text = '---\ntitle: 标题\nregion: pingyang\n---\n正文。\n';
    const withField = text.replace('region: pingyang\n', `region: pingyang\n${newEntryIdField}: pingyang-biaoti\n`);
    expect(await openAndSave(withField, collection('cases'))).toBe(text);
  });
});
