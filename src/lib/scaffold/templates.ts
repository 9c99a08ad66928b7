/**
 * The files `npm run new` writes: a case (MDX) and an issue (YAML), with comments in Chinese that say what
 * each field is for. New entries start as drafts: visible in `npm run dev`, not on the public site.
 */
import { stringify } from 'yaml';
import type { DatePrecision } from '../../schemas/dates.ts';

/**
 * A YAML scalar on one line: plain when that is safe, quoted otherwise. A value with a line break would become
 * a block scalar, which this inline position cannot hold: callers fold such values first (one-line.ts).
 */
export function yamlValue(value: string): string {
  const scalar = stringify(value, { lineWidth: 0 }).trimEnd();
  if (scalar.includes('\n')) throw new Error(`yamlValue: value spans lines: ${JSON.stringify(value)}`);
  return scalar;
}

export interface CaseValues {
  title: string;
  kicker?: string;
  subtitle?: string;
  organisation: string;
  /** Region id and its path for the comment (`温州市 › 平阳县`). */
  region: string;
  regionLabel: string;
  topics: string[];
  /** Topic names for the comment. */
  topicNames?: Record<string, string>;
  byline?: string;
  publication: string;
  date: string;
  datePrecision: DatePrecision;
  draft: boolean;
}

export function caseTemplate(values: CaseValues): string {
  const optional = (key: string, value: string | undefined, comment: string) =>
    value ? `${key}: ${yamlValue(value)}\n` : `# ${key}: ${comment}\n`;
  const topicLines = values.topics.length
    ? `topics:\n${values.topics.map((id) => `  - ${id}${values.topicNames?.[id] ? `   # ${values.topicNames[id]}` : ''}`).join('\n')}\n`
    : 'topics: []   # 话题，可选。可用的话题见 content/topics.yaml，如：\n# topics:\n#   - zhiyuan-fuwu\n';
  return `---
# 案例的基本信息（“元数据”）。井号 # 后面是说明，不会显示在网站上。
# 改完运行 npm run check 检查；npm run dev 可在本机预览。
${optional('kicker', values.kicker, '引题（标题上方的小字），可选')}title: ${yamlValue(values.title)}
${optional('subtitle', values.subtitle, '副题，可选')}# editorNote: 编者按，可选
organisation: ${yamlValue(values.organisation)}
region: ${values.region}   # ${values.regionLabel}（地区编号见 content/regions.json）
${topicLines}${optional('byline', values.byline, '作者署名，可选，如：平阳县劳模协会 供稿')}source:
  publication: ${yamlValue(values.publication)}
  # page: 版面，可选，如：第3版
date: ${values.date}
datePrecision: ${values.datePrecision}   # 日期精确到：day 日 / month 月 / year 年
# 草稿：true 表示还没写完，只在本机预览中出现；改为 false 后才会发布到网站上。
draft: ${values.draft}
---

{/*
  在下面写正文。这一段是注释，不会显示在网站上，写完可以删去。

  - 段落之间空一行。
  - 小标题：一行开头写 “## ”，如：## 搭建平台 凝聚力量
  - 照片：把照片放进 content/cases/images/，在这篇文件的 --- 下面一行写
      import zhaopian1 from './images/照片文件名.jpg';
    再在正文里写
      <Figure src={zhaopian1} caption="照片说明。" />
  - 还没有照片、只有图片说明时写：<Figure caption="照片说明。" awaitingPhoto />
  - 标点用全角（，。：；！？（）“”……），npm run check -- --fix 可以自动改正半角标点。
*/}

`;
}

export interface IssueValues {
  title: string;
  kicker?: string;
  subtitle?: string;
  seriesName?: string;
  seriesPart?: string;
  cases: string[];
  caseTitles?: Record<string, string>;
  publication: string;
  page?: string;
  date: string;
  datePrecision: DatePrecision;
  draft: boolean;
}

export function issueTemplate(values: IssueValues): string {
  const optional = (key: string, value: string | undefined, comment: string) =>
    value ? `${key}: ${yamlValue(value)}\n` : `# ${key}: ${comment}\n`;
  const series = values.seriesName
    ? `series:\n  name: ${yamlValue(values.seriesName)}\n${values.seriesPart ? `  part: ${yamlValue(values.seriesPart)}\n` : '  # part: 本期篇名，如：温州篇\n'}`
    : '# series:                 # 系列，可选\n#   name: 全省各市劳模协会工作交流\n#   part: 温州篇\n';
  return `# 专版：报纸上的一个版面，和它刊登的文章（按版面上的顺序）。
# 井号 # 后面是说明，不会显示在网站上。改完运行 npm run check 检查。
${optional('kicker', values.kicker, '引题，可选')}title: ${yamlValue(values.title)}
${optional('subtitle', values.subtitle, '副题，可选')}# editorNote: 编者按，可选；较长时写成
#   editorNote: >-
#     第一句……
${series}# 本版文章：每行一篇，写 content/cases/ 中的文件名（不含 .mdx），按版面顺序。
cases:
${values.cases.map((id) => `  - ${id}${values.caseTitles?.[id] ? `   # ${values.caseTitles[id]}` : ''}`).join('\n')}
source:
  publication: ${yamlValue(values.publication)}
${values.page ? `  page: ${yamlValue(values.page)}\n` : '  # page: 版面，可选，如：第3版\n'}date: ${values.date}
datePrecision: ${values.datePrecision}   # 日期精确到：day 日 / month 月 / year 年
# 草稿：true 表示只在本机预览中出现；改为 false 后才会发布到网站上。
draft: ${values.draft}
`;
}
