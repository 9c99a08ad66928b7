import { describe, expect, it } from 'vitest';
import { importPage } from '../src/lib/import/pipeline.ts';

/** Import an inline page: lines joined by newlines, a page-like layout. */
function run(text: string) {
  const result = importPage(text, 'utf-8', { fileName: 'test_page.txt', fallbackYear: 2022 });
  const cases = result.files.filter((f) => f.path.startsWith('cases/'));
  const body = (i: number) => cases[i].content.split('\n---\n')[1].trim();
  return { ...result, cases, body };
}

describe('joining paragraphs broken by column breaks', () => {
  it('joins an unfinished paragraph with the next line', () => {
    const { body, report } = run('标题一行 测试\n\n副题一行\n\n开展技术指导、技\n\n术攻关等服务活动。');
    expect(body(0)).toBe('开展技术指导、技术攻关等服务活动。');
    expect(report.joins).toEqual([{ lines: [5, 7], pieces: ['开展技术指导、技', '术攻关等服务活动。'], far: false }]);
  });

  it('joins across captions and puts the captions after the joined paragraph', () => {
    const { body, report } = run('标题 甲\n\n副题 乙\n\n此外,协会受益职\n\n\n\n劳模进校园开展专题讲座。\n\n\n\n志愿服务活动。\n\n工群众万余人。');
    expect(body(0)).toBe(
      '此外，协会受益职工群众万余人。\n\n<Figure caption="劳模进校园开展专题讲座。" awaitingPhoto />\n\n<Figure caption="志愿服务活动。" awaitingPhoto />',
    );
    expect(report.captions.map((c) => c.text)).toEqual(['劳模进校园开展专题讲座。', '志愿服务活动。']);
  });

  it('treats a heading-shaped fragment whose word runs on as body text', () => {
    const { body, report } = run('标题 甲\n\n副题 乙\n\n记者甲报道 正文开始。\n\n注重示范引领,有效整体推进\n\n在认真做好广泛征求服务需\n\n求和对接、认领等基础工作后,开展活动。');
    expect(body(0)).toBe('记者甲报道 正文开始。\n\n## 注重示范引领，有效整体推进\n\n在认真做好广泛征求服务需求和对接、认领等基础工作后，开展活动。');
    expect(report.repairs.some((r) => r.kind === 'fragment-heading' && r.line === 9)).toBe(true);
  });

  it('attaches a unit fragment (`场次。`) to the paragraph that stopped at a number, and flags the one it interrupted', () => {
    const { body, report } = run(
      '标题 甲\n\n副题 乙\n\n记者甲报道 正文开始。\n\n参与结对单位防疫值守、技术攻关等志愿服务活动2680\n\n小节标题在此\n\n协会以需求为导向,\n\n场次。\n\n为抓好宣传阵地建设,协会认真策划。',
    );
    expect(body(0)).toContain('参与结对单位防疫值守、技术攻关等志愿服务活动2680场次。');
    expect(body(0)).toContain('协会以需求为导向，\n\n为抓好宣传');
    expect(report.joins[0].far).toBe(true);
    expect(report.warnings.some((w) => w.line === 11 && /接续/.test(w.message))).toBe(true);
  });

  it('flags a paragraph that ends mid-sentence with nothing to continue it', () => {
    const { report } = run('标题 甲\n\n副题 乙\n\n记者甲报道 正文开始。\n\n在宣传劳模工匠、关心劳模工匠等方面做了积极的探索和努\n\n以榜样力量树好“引领旗帜”\n\n为团结带领广大职工,协会开展活动。');
    expect(report.warnings.some((w) => w.line === 7 && /句中结束/.test(w.message))).toBe(true);
  });
});

describe('duplicates', () => {
  it('removes an exact duplicate paragraph, keeping the first, and lists it', () => {
    const para = '从2020年至今,赵巧巧曾三次奔赴战疫前线,勤勤恳恳,任劳任怨。';
    const { body, report } = run(`标题 甲\n\n副题 乙\n\n${para}\n\n中间一段文字。\n\n${para}`);
    expect(body(0).match(/从2020年至今/g)).toHaveLength(1);
    expect(report.removals).toContainEqual(expect.objectContaining({ kind: 'duplicate', line: 9, text: para }));
  });

  it('removes a trailing fragment only when it exactly repeats earlier text', () => {
    const { body, report } = run(
      '标题 甲\n\n副题 乙\n\n近日,周建华在对企业生产一线实地勘查\n\n和“诊断”后,给出了专业建议。\n\n企业有难题,技术大师来帮忙。周建华在对企业生产一线实地勘查\n\n婺城区总工会积极利用工会资源优势。',
    );
    expect(body(0)).toBe(
      '近日，周建华在对企业生产一线实地勘查和“诊断”后，给出了专业建议。\n\n企业有难题，技术大师来帮忙。\n\n婺城区总工会积极利用工会资源优势。',
    );
    expect(report.removals).toContainEqual(expect.objectContaining({ kind: 'repeated-fragment', text: '周建华在对企业生产一线实地勘查' }));
  });

  it('keeps an unfinished tail that is not an exact repeat (and joins it)', () => {
    const { body, report } = run('标题 甲\n\n副题 乙\n\n周建华在对企业生产一线实地勘查。\n\n企业有难题。周建华在对企业生产车间实地\n\n勘查后给出建议。');
    expect(body(0)).toContain('企业有难题。周建华在对企业生产车间实地勘查后给出建议。');
    expect(report.removals.filter((r) => r.kind === 'repeated-fragment')).toEqual([]);
  });

  it('flags (does not delete) a long sentence printed twice in different paragraphs', () => {
    const sentence = '企业转型升级,对一线工人的技能要求越来越高。';
    const { body, report } = run(`标题 甲\n\n副题 乙\n\n董振方说:${sentence}\n\n他又说:${sentence}`);
    expect(body(0).match(/企业转型升级/g)).toHaveLength(2);
    expect(report.warnings.some((w) => /疑似重复/.test(w.message))).toBe(true);
  });
});

describe('headlines, bylines and organisations', () => {
  it('reads kicker / title / subtitle from three headline lines, and the byline', () => {
    const { cases } = run('“娘家人”助力疫情防控\n\n“工”克难关 “会”当聚力\n\n永康工会共筑防疫屏障\n\n记者羊荣江 通讯员吕鹏报道 1月5日,永康发现疫情。');
    const front = cases[0].content;
    expect(front).toContain('kicker: "“娘家人”助力疫情防控"\ntitle: "“工”克难关 “会”当聚力"\nsubtitle: "永康工会共筑防疫屏障"');
    expect(front).toContain('organisation: "永康工会"');
    expect(front).toContain('byline: "记者羊荣江 通讯员吕鹏"');
    // The printed byline stays as the first words of the first paragraph.
    expect(front).toContain('\n记者羊荣江 通讯员吕鹏报道 1月5日，永康发现疫情。');
  });

  it('reads a two-line headline as kicker + title when the first line ends like a kicker', () => {
    const { cases } = run('这个年,就在“浙”里过吧!\n\n五项举措关爱留建职工\n\n本报讯 通讯员魏星报道 为让留在建德过年的职工过个幸福年,建德市总工会推出五项举措。');
    expect(cases[0].content).toContain('kicker: "这个年，就在“浙”里过吧！"\ntitle: "五项举措关爱留建职工"');
    expect(cases[0].content).toContain('organisation: "建德市总工会"');
    expect(cases[0].content).toContain('byline: "通讯员魏星"');
  });

  it('takes the organisation from an `单位: 标题` headline', () => {
    const { cases, files } = run(
      '打造金字招牌 助力共同富裕\n\n温州各劳模协会创新平台载体\n\n近年来,各协会坚持创新。\n\n平阳县劳模协会: “2×4”组织架构充分发挥劳模专长\n\n协会成立于2021年10月。\n\n洞头区劳模协会: 海岛劳模引领职工建功立业\n\n近年来,洞头区劳模协会引领职工。',
    );
    expect(cases.map((c) => c.path)).toEqual(['cases/ping-yang-xian-lao-mo-xie-hui.mdx', 'cases/dong-tou-qu-lao-mo-xie-hui.mdx']);
    expect(cases[0].content).toContain('title: "“2×4”组织架构充分发挥劳模专长"\norganisation: "平阳县劳模协会"');
    const issue = files.find((f) => f.path.startsWith('issues/'))!.content;
    expect(issue).toContain('title: "打造金字招牌 助力共同富裕"\nsubtitle: "温州各劳模协会创新平台载体"\neditorNote: "近年来，各协会坚持创新。"');
  });

  it('starts a new article at a byline without a headline, with a placeholder title and titleNote', () => {
    const { cases, report } = run(
      '主动征集需求\n\n建德市总工会开展活动\n\n为大力弘扬劳模精神,开展活动。\n\n本报讯 记者程雪 通讯员潘凯报道 据了解,吴兴区总工会将组织服务队进企业。',
    );
    expect(cases).toHaveLength(2);
    expect(cases[1].path).toBe('cases/wu-xing-qu-zong-gong-hui.mdx');
    expect(cases[1].content).toContain('title: "【待补标题】吴兴区总工会"\ntitleNote:');
    expect(report.warnings.some((w) => /缺少标题/.test(w.message))).toBe(true);
  });

  it('turns single heading lines inside an article into `##` section headings', () => {
    const { body } = run('发挥劳模工匠作用 助力“三大”振兴\n\n杭州临安区总工会做好“必答题”\n\n记者曾晨路报道 实现共同富裕。\n\n技术帮带 助力技能振兴\n\n楼理敏劳模志愿服务队查找隐患。');
    expect(body(0)).toBe('记者曾晨路报道 实现共同富裕。\n\n## 技术帮带 助力技能振兴\n\n楼理敏劳模志愿服务队查找隐患。');
  });

  it('reads the editor’s note and Markdown headings as the page header', () => {
    const { files, body } = run('# 特色主题活动展风采\n\n## ——全省各市劳模协会工作交流·湖州篇\n\n编者按：\n\n湖州市劳动模范协会通过组织活动。\n\n## 组织特色主题活动\n\n为深入学习贯彻落实,湖州市劳模协会配合开展活动。');
    const issue = files.find((f) => f.path.startsWith('issues/'))!.content;
    expect(issue).toContain('title: "特色主题活动展风采"\nsubtitle: "——全省各市劳模协会工作交流·湖州篇"\neditorNote: "湖州市劳动模范协会通过组织活动。"');
    expect(body(0)).toBe('## 组织特色主题活动\n\n为深入学习贯彻落实，湖州市劳模协会配合开展活动。');
  });
});

describe('drifted headline', () => {
  it('moves paragraphs printed above their own headline into that article, after its byline paragraph', () => {
    const { cases, report, proof } = run(
      [
        '“工”克难关 “会”当聚力',
        '永康工会共筑防疫屏障',
        '记者羊荣江报道 1月5日,永康发现1例阳性感染者,工会干部闻令而动。',
        '永康市总工会党组书记陈洁丽说:“我们将继续发挥组织优势。”',
        '据悉,赵巧巧原本可以换岗休息,她说:“我大学主修旅游和酒店管理,正好派上用场。”',
        '没想到,大学主修专业在这里派上了用场……',
        '隔离点的24小时贴心“管家”',
        '记者邹伟锋报道 记者联系上文成县总工会副主席赵巧巧时,她正忙着。',
        '“非常感谢赵巧巧女士。”解除隔离的张位向赵巧巧送上锦旗。',
      ].join('\n\n'),
    );
    expect(cases).toHaveLength(2);
    expect(cases[0].content).not.toContain('赵巧巧');
    expect(cases[1].content.split('\n---\n')[1].trim().split('\n\n')).toEqual([
      '记者邹伟锋报道 记者联系上文成县总工会副主席赵巧巧时，她正忙着。',
      '据悉，赵巧巧原本可以换岗休息，她说：“我大学主修旅游和酒店管理，正好派上用场。”',
      '“非常感谢赵巧巧女士。”解除隔离的张位向赵巧巧送上锦旗。',
    ]);
    expect(report.repairs.filter((r) => r.kind === 'moved').map((r) => r.line)).toEqual([9]);
    expect(proof.ok).toBe(true);
  });

  it('does not move a closing paragraph that only shares common words with the next article', () => {
    const { cases, report } = run(
      [
        '这个年,就在“浙”里过吧!',
        '五项举措关爱留建职工',
        '本报讯 通讯员魏星报道 建德市总工会推出五项举措。',
        '为1000名留下过年的企业外来务工人员提供贺年家乡包裹。',
        '“爱·在玉环” 新春嘉年华来袭',
        '本报讯 通讯员董莉报道 玉环市总工会让留玉过年的外来务工人员感受温暖。',
      ].join('\n\n'),
    );
    expect(cases[0].content).toContain('贺年家乡包裹');
    expect(report.repairs.filter((r) => r.kind === 'moved')).toEqual([]);
  });
});

describe('flags', () => {
  it('flags traditional characters in simplified text without changing them', () => {
    const { body, report } = run('标题 甲\n\n副题 乙\n\n有力助推了企业和諧稳定发展。');
    expect(body(0)).toContain('和諧');
    expect(report.warnings.some((w) => /繁体字：諧/.test(w.message))).toBe(true);
  });

  it('guesses the year from the latest 20xx年 in the text', () => {
    const { cases } = run('标题 甲\n\n副题 乙\n\n2019年成立,2021年扩大,共有2680场次。');
    expect(cases[0].content).toContain('date: 2021-01-01\ndatePrecision: year\ndateNote: "原版未印日期');
  });
});
