/**
 * The five real pages from the layout system. Asserts what the importer actually does on each, including
 * the problems it only flags (kept honest: nothing here is special-cased in the importer).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeInput } from '../src/lib/import/decode.ts';
import { importPage } from '../src/lib/import/pipeline.ts';

const pagesDir = new URL('../content/sources/', import.meta.url);
const pages = {
  '000': '000_29dc03260d156840.txt',
  '001': '001_b7726e67794ea9e7.txt',
  '002': '002_69488e3d78d208d3.txt',
  '003': '003_897380b07ad81462.txt',
  '004': '004_54fb161613d80c24.txt',
} as const;

function load(page: keyof typeof pages) {
  const decoded = decodeInput(readFileSync(new URL(pages[page], pagesDir)));
  if (!decoded.ok) throw new Error(decoded.message);
  return importPage(decoded.text, decoded.encoding, { fileName: pages[page] });
}

const field = (content: string, key: string) => {
  const m = new RegExp(`^${key}: (".*")`, 'm').exec(content);
  return m ? (JSON.parse(m[1]) as string) : undefined;
};
const cases = (result: ReturnType<typeof load>) => result.files.filter((f) => f.path.startsWith('cases/'));
const issue = (result: ReturnType<typeof load>) => result.files.find((f) => f.path.startsWith('issues/'))!.content;
const body = (content: string) => content.split('\n---\n')[1];

describe('page 000 (温州, four 单位: 标题 articles)', () => {
  const result = load('000');
  it('finds the page headline and four articles with their organisations', () => {
    expect(field(issue(result), 'title')).toBe('打造金字招牌 助力共同富裕');
    expect(field(issue(result), 'subtitle')).toBe('温州各劳模协会创新平台载体让劳模“发光发热”');
    expect(field(issue(result), 'editorNote')).toMatch(/^近年来，温州县（市、区）劳模协会/);
    expect(cases(result).map((c) => field(c.content, 'organisation'))).toEqual(['平阳县劳模协会', '洞头区劳模协会', '乐清市总工会', '文成县劳模协会']);
    expect(cases(result).map((c) => field(c.content, 'title'))).toEqual([
      '“2×4”组织架构充分发挥劳模专长',
      '海岛劳模引领职工建功立业',
      '劳模工匠多渠道开展志愿服务',
      '展现劳模价值 再现劳模精神',
    ]);
    expect(cases(result)[0].path).toBe('cases/ping-yang-xian-lao-mo-xie-hui.mdx');
  });
  it('joins the six broken paragraphs and turns six captions into figures', () => {
    expect(result.report.joins).toHaveLength(6);
    expect(body(cases(result)[1].content)).toContain('受益职工群众万余人');
    expect(body(cases(result)[2].content)).toContain('浙江工匠谷文举、乐清工匠徐钰栋先后参与');
    expect(result.report.captions).toHaveLength(6);
    expect(body(cases(result)[1].content)).toContain('<Figure caption="洞头区组织开展“行走的劳模讲堂”活动。" awaitingPhoto />');
  });
  it('keeps 2×4 and flags the unlabelled lead', () => {
    expect(body(cases(result)[0].content)).toContain('“2×4”团队');
    expect(result.report.warnings.some((w) => /未标“编者按”/.test(w.message))).toBe(true);
  });
});

describe('page 001 (杭州市劳模工匠协会 under 创一流协会 建温暖之家)', () => {
  const result = load('001');
  it('has one article titled after the page (not the same title: check refuses duplicates), the editor’s note and three section headings', () => {
    expect(cases(result)).toHaveLength(1);
    const [only] = cases(result);
    expect(field(only.content, 'title')).toBe('杭州市劳模工匠协会：创一流协会 建温暖之家');
    expect(field(only.content, 'titleNote')).toMatch(/暂拟/);
    expect(field(only.content, 'organisation')).toBe('杭州市劳模工匠协会');
    expect(field(issue(result), 'title')).toBe('创一流协会 建温暖之家');
    expect(field(issue(result), 'editorNote')).toMatch(/^为充分发挥各级劳模协会的作用/);
    expect(body(only.content).match(/^## /gm)).toHaveLength(3);
  });
  it('reattaches `场次。` to the number it belongs to, and flags what it cannot place', () => {
    expect(body(cases(result)[0].content)).toContain('技术攻关等志愿服务活动2680场次。');
    expect(result.report.joins.some((j) => j.far)).toBe(true);
    const flagged = result.report.warnings.map((w) => w.line);
    expect(flagged).toEqual(expect.arrayContaining([11, 51]));
  });
});

describe('page 002 (湖州, Markdown headings)', () => {
  const result = load('002');
  it('has one article, the Markdown page title/subtitle, the editor’s note and `##` sections', () => {
    expect(cases(result)).toHaveLength(1);
    expect(field(issue(result), 'title')).toBe('特色主题活动展风采 创新服务建设强品牌');
    expect(field(issue(result), 'subtitle')).toBe('——全省各市劳模协会工作交流·湖州篇');
    // As printed in full in the editor's note, not shortened to 湖州市劳模协会 as in the running text.
    expect(field(cases(result)[0].content, 'organisation')).toBe('湖州市劳动模范协会');
    expect(issue(result)).toContain('series:\n  name: "全省各市劳模协会工作交流"\n  part: "湖州篇"');
    expect(body(cases(result)[0].content).match(/^## /gm)).toHaveLength(3);
  });
  it('joins the chain 十｜九届…学习宣传习｜近平 and flags 和諧', () => {
    expect(body(cases(result)[0].content)).toContain('为深入贯彻党的十九大、十九届历次全会精神，学习宣传习近平新时代');
    expect(result.report.warnings.some((w) => w.message.includes('諧'))).toBe(true);
  });
});

describe('page 003 (six news items)', () => {
  const result = load('003');
  it('finds six articles', () => {
    expect(cases(result).map((c) => field(c.content, 'title'))).toEqual([
      '“红马甲”来了 “老大难”解了',
      '“把脉问诊”开良方 “对症下药”提质效',
      '让劳模精神传递下去',
      '一年解决技术难题100余个',
      '主动征集需求 拓展服务外延',
      '浙能集团劳模工匠服务队入企“一对一”帮扶',
    ]);
    expect(field(cases(result)[5].content, 'kicker')).toBe('整装出发！');
  });
  it('rejoins 服务需｜求和对接 instead of taking it for a heading', () => {
    expect(body(cases(result)[0].content)).toContain('在认真做好广泛征求服务需求和对接、认领等基础工作后');
    expect(body(cases(result)[0].content).match(/^## /gm)).toHaveLength(3);
  });
  it('removes the repeated `周建华在对企业生产一线实地勘查` fragment and records it', () => {
    const text = body(cases(result)[3].content);
    expect(text.match(/周建华在对企业生产一线实地勘查/g)).toHaveLength(1);
    expect(text).toContain('企业有难题，技术大师来帮忙。\n\n婺城区总工会');
    expect(result.report.removals).toContainEqual(expect.objectContaining({ kind: 'repeated-fragment', line: 95 }));
  });
  it('keeps pH, 2.0版 and 2×4-like tokens intact', () => {
    const all = cases(result).map((c) => c.content).join('');
    expect(all).toContain('pH值');
    expect(all).toContain('“一号工程”2.0版');
  });
});

describe('page 004 (nine news items, drifted headline, lost headline)', () => {
  const result = load('004');
  it('finds nine articles including the headline-less 吴兴 one and 赵巧巧', () => {
    const titles = cases(result).map((c) => field(c.content, 'title'));
    expect(titles).toHaveLength(9);
    expect(titles[6]).toBe('【待补标题】吴兴区总工会');
    expect(field(cases(result)[6].content, 'titleNote')).toBeDefined();
    expect(titles[8]).toBe('隔离点的24小时贴心“管家”');
    expect(field(cases(result)[8].content, 'kicker')).toBe('没想到，大学主修专业在这里派上了用场……');
    expect(field(cases(result)[8].content, 'byline')).toBe('记者邹伟锋');
    expect(field(cases(result)[1].content, 'byline')).toBe('记者程雪 通讯员陈姝');
  });
  it('removes the two duplicated 赵巧巧 paragraphs and moves the drifted ones under their headline', () => {
    expect(result.report.removals.filter((r) => r.kind === 'duplicate').map((r) => r.line)).toEqual([157, 173]);
    expect(result.report.moved.map((m) => m.line)).toEqual([153, 155, 159]);
    expect(body(cases(result)[7].content)).not.toContain('赵巧巧');
    const paragraphs = body(cases(result)[8].content).trim().split('\n\n');
    expect(paragraphs[0]).toMatch(/^记者邹伟锋报道 “今天解除隔离29人/);
    expect(paragraphs[1]).toMatch(/^在了解到许多隔离人员是外来务工人员后/);
    expect(body(cases(result)[8].content).match(/从2020年至今/g)).toHaveLength(1);
  });
  it('reads the 永康 three-line headline and its two section headings', () => {
    const yongkang = cases(result)[7].content;
    expect(field(yongkang, 'kicker')).toBe('“娘家人”助力疫情防控');
    expect(field(yongkang, 'subtitle')).toBe('永康工会共筑防疫屏障');
    expect(body(yongkang).match(/^## /gm)).toHaveLength(2);
  });
  it('keeps AI and APP intact', () => {
    expect(cases(result)[2].content).toContain('AI跳绳、AI开合跳');
  });
});
