/**
 * The files `npm run new` writes: a case (MDX) and an issue (YAML). New entries start as drafts: visible in
 * `npm run dev`, not on the public site. scripts/new.ts writes them the way the desk saves them (its serializer
 * drops YAML comments, so there are none: what each field means is in the desk's hints and the guide).
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
  /** Region id. */
  region: string;
  topics: string[];
  byline?: string;
  publication: string;
  date: string;
  datePrecision: DatePrecision;
  draft: boolean;
}

export function caseTemplate(values: CaseValues): string {
  const optional = (key: string, value: string | undefined) => (value ? `${key}: ${yamlValue(value)}\n` : '');
  const topicLines = values.topics.length ? `topics:\n${values.topics.map((id) => `  - ${id}`).join('\n')}\n` : 'topics: []\n';
  return `---
${optional('kicker', values.kicker)}title: ${yamlValue(values.title)}
${optional('subtitle', values.subtitle)}organisation: ${yamlValue(values.organisation)}
region: ${values.region}
${topicLines}${optional('byline', values.byline)}source:
  publication: ${yamlValue(values.publication)}
date: ${values.date}
datePrecision: ${values.datePrecision}
draft: ${values.draft}
---
${caseBodyNote}
`;
}

/**
 * The new case's body: one editor's note (the desk's note component, never shown on the site) with the few
 * rules of writing a body, to be replaced by the text.
 */
export const caseBodyNote =
  '{/* 在这里写正文，写完删去这条注释（注释不会显示在网站上）。段落之间空一行；小标题一行以“## ”开头；照片放进 content/cases/images/，写成 <Figure src="./images/照片文件名.jpg" caption="照片说明。" />，还没有照片时写 <Figure caption="照片说明。" awaitingPhoto />；标点用全角，npm run check -- --fix 可自动改正半角标点。 */}';

export interface IssueValues {
  title: string;
  kicker?: string;
  subtitle?: string;
  seriesName?: string;
  seriesPart?: string;
  cases: string[];
  publication: string;
  page?: string;
  date: string;
  datePrecision: DatePrecision;
  draft: boolean;
}

export function issueTemplate(values: IssueValues): string {
  const optional = (key: string, value: string | undefined) => (value ? `${key}: ${yamlValue(value)}\n` : '');
  const series = values.seriesName ? `series:\n  name: ${yamlValue(values.seriesName)}\n${optional('  part', values.seriesPart)}` : '';
  return `${optional('kicker', values.kicker)}title: ${yamlValue(values.title)}
${optional('subtitle', values.subtitle)}${series}cases:
${values.cases.map((id) => `  - ${id}`).join('\n')}
source:
  publication: ${yamlValue(values.publication)}
${optional('  page', values.page)}date: ${values.date}
datePrecision: ${values.datePrecision}
draft: ${values.draft}
`;
}
