import { describe, expect, it } from 'vitest';
import { checkContent, runChecks, type ContentSources } from '../src/lib/content-check/check-content.ts';
import { checkMdxBody } from '../src/lib/content-check/mdx-body.ts';
import { applyFixes, typographyFixes } from '../src/lib/content-check/typography.ts';

const regions = JSON.stringify([
  { id: 'zhejiang', code: '330000', name: '浙江省', shortName: '浙江', kind: 'province' },
  { id: 'wenzhou', code: '330300', name: '温州市', shortName: '温州', kind: 'city', parent: 'zhejiang' },
  { id: 'pingyang', code: '330326', name: '平阳县', shortName: '平阳', kind: 'county', parent: 'wenzhou' },
]);
const topics = '- id: zhiyuan-fuwu\n  name: 志愿服务\n';

function caseFile(name: string, { body = '正文。\n', extra = '', title = '平阳县劳模协会的组织架构', date = '2023-01-01' } = {}) {
  const text = `---\ntitle: ${title}\norganisation: 平阳县劳模协会\nregion: pingyang\nsource:\n  publication: 劳模工匠专版\ndate: ${date}\n${extra}---\n\n${body}`;
  return { file: `content/cases/${name}.mdx`, relativePath: `${name}.mdx`, text };
}
const issueFile = (name: string, cases: string[], extra = '') => ({
  file: `content/issues/${name}.yaml`,
  relativePath: `${name}.yaml`,
  text: `title: 打造金字招牌\ncases:\n${cases.map((id) => `  - ${id}`).join('\n')}\nsource:\n  publication: 劳模工匠专版\ndate: 2023-01-01\n${extra}`,
});

function sources(overrides: Partial<ContentSources> = {}): ContentSources {
  return {
    regions: { file: 'content/regions.json', text: regions },
    topics: { file: 'content/topics.yaml', text: topics },
    cases: [caseFile('pingyang')],
    issues: [issueFile('wenzhou', ['pingyang'])],
    assets: new Set(['content/cases/images/photo.jpg']),
    ...overrides,
  };
}

const body = (text: string) => checkMdxBody('content/cases/a.mdx', `---\ntitle: x\n---\n${text}`, { assets: new Set(['content/cases/images/photo.jpg']) }).problems;

describe('article bodies', () => {
  it('accepts prose, an imported photo with a caption, headings, tables and footnotes', () => {
    const problems = body("import photo from './images/photo.jpg';\n\n## 小标题\n\n正文[^1]。\n\n<Figure src={photo} caption=\"志愿服务活动。\" />\n\n| 栏目 | 说明 |\n| --- | --- |\n| 甲 | 乙 |\n\n[^1]: 注释。\n");
    expect(problems).toEqual([]);
  });

  it('refuses scripts, event handlers, javascript: links and code, each at its line', () => {
    const problems = body('第一段。\n\n<script>alert(1)</script>\n\n<div onclick="steal()">点我</div>\n\n[链接](javascript:alert(1))\n\n{fetch("/x")}\n\nexport const x = 1;\n');
    expect(problems.map((problem) => [problem.line, problem.severity]).sort((a, b) => Number(a[0]) - Number(b[0]))).toEqual([
      [6, 'error'],
      [8, 'error'],
      [10, 'error'],
      [12, 'error'],
      [14, 'error'],
    ]);
    expect(problems.map((problem) => problem.message).join('\n')).toMatch(/<script>[\s\S]*onclick[\s\S]*javascript:[\s\S]*代码执行[\s\S]*export const/);
  });

  it('refuses imports of anything but images', () => {
    const [problem] = body("import Evil from '../../src/components/Evil.astro';\n\n正文。\n");
    expect(problem.message).toContain('只能导入图片');
  });

  it('reports missing images, missing alt text and captions, and warns about captions awaiting photos', () => {
    const problems = body("import gone from './images/gone.jpg';\n\n![](./images/photo.jpg)\n\n![现场](https://example.com/a.jpg)\n\n<Figure src={gone} caption=\"说明。\" />\n\n<Figure src={nowhere} caption=\"说明。\" />\n\n<Figure caption=\"\" />\n\n<Figure caption=\"等待配图的说明。\" awaitingPhoto />\n\n<img src=\"./images/photo.jpg\" />\n");
    const summary = problems.map((problem) => `${problem.line} ${problem.severity} ${problem.message}`);
    expect(summary).toEqual([
      expect.stringMatching(/^4 error 导入的图片 gone .*不存在/),
      expect.stringMatching(/^6 error 图片 .*缺少说明文字/),
      expect.stringMatching(/^8 error 图片引用了外部网址/),
      expect.stringMatching(/^12 error <Figure> 的图片 nowhere 没有导入/),
      expect.stringMatching(/^14 error <Figure> 缺少图片说明/),
      expect.stringMatching(/^14 warning 图片说明还在等待配图/),
      expect.stringMatching(/^16 warning 图片说明还在等待配图：等待配图的说明/),
      expect.stringMatching(/^18 error <img> 缺少说明文字/),
    ]);
  });

  it('reports MDX that the build could not parse, with its line and a Chinese hint', () => {
    const [problem, ...rest] = body('第一段。\n\n<!-- 注释 -->\n');
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line: 6, severity: 'error' });
    expect(problem.message).toContain('正文无法解析');
    expect(problem.hint).toContain('{/* 注释 */}');
  });

  it('refuses a frontmatter layout at its line: the MDX compiler would import it', () => {
    const problems = checkContent(sources({ cases: [caseFile('pingyang', { extra: 'layout: ../../src/layouts/Evil.astro\n' })] }));
    expect(problems).toMatchObject([{ file: 'content/cases/pingyang.mdx', line: 8, field: 'layout（版式）', severity: 'error' }]);
  });

  it('refuses unknown components, and attributes an element does not have', () => {
    expect(body('<figure caption="x" />\n\n<Video src="a" />\n').map((problem) => problem.message)).toEqual(['<figure> 的属性 caption 不允许', '未知的组件 <Video>']);
  });
});

describe('typography', () => {
  const whole = (text: string) => typographyFixes(text, [{ start: 0, end: text.length, field: '正文' }]);
  const fixed = (text: string) => applyFixes(text, whole(text));

  it('turns half-width punctuation in Chinese text full-width, leaving times, scores, versions and Latin alone', () => {
    expect(fixed('协会成立于2021年10月,有会员120名(其中劳模3名)。时间12:30,比分3:2,版本2.0版。Hello, world.')).toBe(
      '协会成立于2021年10月，有会员120名（其中劳模3名）。时间12:30，比分3:2，版本2.0版。Hello, world.',
    );
    expect(fixed('你好吗?我很好!注意:明天;后天')).toBe('你好吗？我很好！注意：明天；后天');
  });

  it('fixes ellipses, doubled marks and straight quotes, and adds no spaces', () => {
    expect(fixed('他说"我们要干"...真的。。还有，，这个…')).toBe('他说“我们要干”……真的。还有，这个……');
    expect(fixed('使用5G网络和AI技术')).toBe('使用5G网络和AI技术');
    expect(fixed('已经很好了……真的')).toBe('已经很好了……真的');
  });

  it('leaves text outside the ranges untouched', () => {
    const text = '[链接,文字](https://example.com/a,b) 中文,逗号';
    const start = text.indexOf('中文');
    const fixes = typographyFixes(text, [{ start: 1, end: 6, field: '正文' }, { start, end: text.length, field: '正文' }]);
    expect(applyFixes(text, fixes)).toBe('[链接，文字](https://example.com/a,b) 中文，逗号');
  });
});

describe('checkContent: typography, duplicates and publishing', () => {
  it('reports typography in the frontmatter and body with their lines, and offers fixes', () => {
    const { problems, fixes } = runChecks(sources({ cases: [caseFile('pingyang', { title: '组织架构,发挥专长', body: '第一段。\n\n第二段,有逗号。\n' })] }));
    expect(problems.map((problem) => [problem.line, problem.field])).toEqual([
      [2, 'title（标题）'],
      [12, '正文'],
    ]);
    const list = fixes.get('content/cases/pingyang.mdx')!;
    const text = caseFile('pingyang', { title: '组织架构,发挥专长', body: '第一段。\n\n第二段,有逗号。\n' }).text;
    expect(applyFixes(text, list)).toContain('title: 组织架构，发挥专长');
    expect(applyFixes(text, list)).toContain('第二段，有逗号。');
  });

  it('reports two cases with the same title', () => {
    const problems = checkContent(sources({ cases: [caseFile('pingyang'), caseFile('dongtou')], issues: [issueFile('wenzhou', ['pingyang', 'dongtou'])] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/cases/dongtou.mdx', line: 2, field: 'title（标题）', severity: 'error' });
  });

  it('lists drafts and scheduled entries as not published without failing, and warns about an issue missing them', () => {
    const now = new Date('2024-06-01T00:00:00Z');
    const problems = checkContent(
      sources({
        cases: [caseFile('pingyang'), caseFile('draft', { title: '草稿', extra: 'draft: true\n' }), caseFile('later', { title: '定时', date: '2030-01-01' })],
        issues: [issueFile('wenzhou', ['pingyang', 'draft'])],
      }),
      { now },
    ).filter((problem) => !problem.message.includes('重复'));
    const bySeverity = (severity: string) => problems.filter((problem) => problem.severity === severity);
    expect(bySeverity('error')).toEqual([]);
    expect(bySeverity('info').map((problem) => problem.file)).toEqual(['content/cases/draft.mdx', 'content/cases/later.mdx']);
    expect(bySeverity('info')[0].message).toContain('草稿');
    expect(bySeverity('warning')).toHaveLength(1);
    expect(bySeverity('warning')[0]).toMatchObject({ file: 'content/issues/wenzhou.yaml', field: '第 2 篇文章（cases）' });
  });
});
