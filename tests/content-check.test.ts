import { describe, expect, it } from 'vitest';
import { checkContent, type ContentSources } from '../src/lib/content-check/check-content.ts';
import { formatProblem } from '../src/lib/content-check/problem.ts';

const regions = JSON.stringify(
  [
    { id: 'zhejiang', code: '330000', name: '浙江省', shortName: '浙江', kind: 'province' },
    { id: 'wenzhou', code: '330300', name: '温州市', shortName: '温州', kind: 'city', parent: 'zhejiang' },
    { id: 'pingyang', code: '330326', name: '平阳县', shortName: '平阳', kind: 'county', parent: 'wenzhou' },
  ],
  null,
  2,
);
const topics = '- id: zhiyuan-fuwu\n  name: 志愿服务\n';

function caseFile(name: string, overrides: Record<string, string> = {}) {
  const fields: Record<string, string> = {
    title: '“2×4”组织架构充分发挥劳模专长',
    organisation: '平阳县劳模协会',
    region: 'pingyang',
    topics: '\n  - zhiyuan-fuwu',
    source: '\n  publication: 劳模工匠专版',
    date: '2023-01-01',
    datePrecision: 'year',
    ...overrides,
  };
  const frontmatter = Object.entries(fields)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return { file: `content/cases/${name}`, relativePath: name, text: `---\n${frontmatter}\n---\n\n正文。\n` };
}

function issueFile(name: string, cases: string[]) {
  const text = `title: 打造金字招牌 助力共同富裕\ncases:\n${cases.map((id) => `  - ${id}`).join('\n')}\nsource:\n  publication: 劳模工匠专版\ndate: 2023-01-01\n`;
  return { file: `content/issues/${name}`, relativePath: name, text };
}

function sources(overrides: Partial<ContentSources> = {}): ContentSources {
  return {
    regions: { file: 'content/regions.json', text: regions },
    topics: { file: 'content/topics.yaml', text: topics },
    cases: [caseFile('pingyang.mdx')],
    issues: [issueFile('wenzhou.yaml', ['pingyang'])],
    ...overrides,
  };
}

describe('checkContent', () => {
  it('accepts consistent content', () => {
    expect(checkContent(sources())).toEqual([]);
  });

  it('refuses two issues stating the same 期号, naming the second file, its line and the first file', () => {
    const numbered = (name: string, caseId: string, number: string) => {
      const file = issueFile(name, [caseId]);
      return { ...file, text: `${file.text}number: ${number}\n` };
    };
    const problems = checkContent(sources({
      cases: [caseFile('pingyang.mdx'), caseFile('dongtou.mdx', { title: '海岛劳模' })],
      issues: [numbered('a.yaml', 'pingyang', '3'), numbered('b.yaml', 'dongtou', '3')],
    }));
    const numberProblems = problems.filter((problem) => problem.field.includes('number'));
    expect(numberProblems).toHaveLength(1);
    expect(numberProblems[0]).toMatchObject({ file: 'content/issues/b.yaml', line: 7, severity: 'error' });
    expect(formatProblem(numberProblems[0]!)).toContain('期号 3 已用于专版 content/issues/a.yaml');
    const distinct = checkContent(sources({
      cases: [caseFile('pingyang.mdx'), caseFile('dongtou.mdx', { title: '海岛劳模' })],
      issues: [numbered('a.yaml', 'pingyang', '3'), numbered('b.yaml', 'dongtou', '4')],
    }));
    expect(distinct.filter((problem) => problem.field.includes('number'))).toEqual([]);
    expect(checkContent(sources({ issues: [numbered('a.yaml', 'pingyang', '0')] })).some((problem) => problem.field.includes('number'))).toBe(true);
  });

  it('names the file, line and field of an unknown region', () => {
    const [problem, ...rest] = checkContent(sources({ cases: [caseFile('pingyang.mdx', { region: 'pinyang' })] }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/cases/pingyang.mdx', line: 4, severity: 'error' });
    expect(problem.field).toContain('region');
    expect(formatProblem(problem)).toMatch(/^content\/cases\/pingyang\.mdx:4 {2}region（地区） {2}\[错误\] 地区 “pinyang” 不存在/);
  });

  it('reads dates strictly from the text the editor wrote', () => {
    const dated = (date: string, datePrecision = '') => checkContent(sources({ cases: [caseFile('pingyang.mdx', { date, datePrecision })] }));
    for (const accepted of ['2022', '2022-05', '2022-05-10', '2022年5月', '2022年5月10日', '"2022-05-10"']) expect(dated(accepted), accepted).toEqual([]);
    expect(dated('2022-01-01', 'year')).toEqual([]);
    for (const refused of ['2022-13-45', '2022-02-30', '20220101', '2022/05/10']) {
      const problems = dated(refused);
      expect(problems.map((problem) => `${problem.line} ${problem.field}`), refused).toEqual(['9 date（日期）']);
      expect(problems[0]!.message).toContain('2022、2022-01、2022-01-15、2022年1月、2022年1月15日');
    }
    expect(dated('2022-05-10', 'year').map((problem) => `${problem.line} ${problem.field}`)).toEqual(['10 datePrecision（日期精度）']);
  });

  it('reports a corrupted regions file once, not as an unknown region in every case', () => {
    const problems = checkContent(sources({ regions: { file: 'content/regions.json', text: regions.slice(0, 120) } }));
    expect(problems.map((problem) => `${problem.file} ${problem.field}`)).toEqual(['content/regions.json (格式)']);
  });

  it('reports an unknown topic at its list item', () => {
    const problems = checkContent(sources({ cases: [caseFile('pingyang.mdx', { topics: '\n  - zhiyuan-fuwu\n  - weizhi' })] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: '第 2 个话题（topics）', line: 7 });
  });

  it('reports an issue that lists a missing case', () => {
    const problems = checkContent(sources({ issues: [issueFile('wenzhou.yaml', ['pingyang', 'dongtou'])] }));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'content/issues/wenzhou.yaml', line: 4, field: '第 2 篇文章（cases）' });
    expect(problems[0].message).toContain('dongtou');
  });

  it('reports a case listed twice in one issue, and a case listed in two issues', () => {
    const twice = checkContent(sources({ issues: [issueFile('wenzhou.yaml', ['pingyang', 'pingyang'])] }));
    expect(twice.map((problem) => problem.message)).toEqual(['文章 “pingyang” 在本专版中重复列出']);
    const inTwo = checkContent(sources({ issues: [issueFile('a.yaml', ['pingyang']), issueFile('b.yaml', ['pingyang'])] }));
    expect(inTwo).toHaveLength(1);
    expect(inTwo[0]).toMatchObject({ file: 'content/issues/b.yaml' });
    expect(inTwo[0].message).toContain('content/issues/a.yaml');
  });

  it('reports two files that Astro would give the same id', () => {
    const problems = checkContent(sources({ cases: [caseFile('pingyang.mdx'), caseFile('PingYang.mdx')] }));
    expect(problems.map((problem) => [problem.file, problem.field])).toEqual([
      ['content/cases/PingYang.mdx', 'id（编号）'],
      ['content/cases/PingYang.mdx', '文件名'],
    ]);
  });

  it('reports every schema problem at once, with lines', () => {
    const problems = checkContent(sources({ cases: [caseFile('pingyang.mdx', { title: '', datePrecision: 'week' })] }));
    // A missing field points at the start of the frontmatter; a wrong value at its own line.
    expect(problems.map((problem) => [problem.field, problem.line, problem.message])).toEqual([
      ['title（标题）', 2, '缺少必填字段'],
      ['datePrecision（日期精度）', 9, '取值不在允许范围内，可选：day / month / year'],
    ]);
  });

  it('reports YAML that cannot be parsed instead of crashing', () => {
    const broken = { file: 'content/issues/bad.yaml', relativePath: 'bad.yaml', text: 'title: [未闭合\ncases:\n  - pingyang\n' };
    const problems = checkContent(sources({ issues: [issueFile('wenzhou.yaml', ['pingyang']), broken] }));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((problem) => problem.file === 'content/issues/bad.yaml' && problem.field === '(格式)')).toBe(true);
  });
});
