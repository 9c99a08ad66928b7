/**
 * Renders case drafts (MDX with YAML frontmatter) and the issue file (YAML). Pure string building; `npm run import`
 * then writes the frontmatter and the issue the way the desk saves them (scripts/lib/desk-format.ts). The body is
 * written so that the desk keeps it byte for byte: figures in the desk's own syntax, and text escaped only in the
 * ways Decap's Markdown serializer writes back unchanged (tests/import-render.test.ts runs it).
 */
import { figureToBlock } from '../cms/body-components.ts';
import type { Unit } from './types.ts';

export const PUBLICATION = '劳模工匠专版';
export const DATE_NOTE = '原版未印日期，按正文中出现的最晚年份暂定，待编辑核实。';

export interface CaseDraft {
  id: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  titleNote?: string;
  organisation: string;
  region: string;
  byline?: string;
  /** Topics suggested by keyword, written as a comment for the editor to confirm (never set). */
  topicSuggestions?: { id: string; name: string }[];
  sourceFile: string;
  year: number;
  body: Unit[];
}

export interface IssueDraft {
  id: string;
  kicker?: string;
  title: string;
  subtitle?: string;
  titleNote?: string;
  editorNote?: string;
  cases: string[];
  series?: { name: string; part: string };
  sourceFile: string;
  year: number;
}

/**
 * YAML scalar: a JSON string is a valid YAML double-quoted scalar, which keeps “”, ：, `#` and `: ` safe.
 */
export function yamlString(value: string): string {
  return JSON.stringify(value);
}

function optional(key: string, value: string | undefined): string[] {
  return value ? [`${key}: ${yamlString(value)}`] : [];
}

function dateLines(year: number): string[] {
  return [`date: ${year}-01-01`, 'datePrecision: year', `dateNote: ${yamlString(DATE_NOTE)}`];
}

export function renderCaseMdx(draft: CaseDraft): string {
  const front = [
    ...optional('kicker', draft.kicker),
    `title: ${yamlString(draft.title)}`,
    ...optional('subtitle', draft.subtitle),
    ...optional('titleNote', draft.titleNote),
    draft.organisation
      ? `organisation: ${yamlString(draft.organisation)}`
      : 'organisation: "" # TODO: 未能从标题或正文识别单位，请编辑填写',
    `region: ${yamlString(draft.region)}`,
    draft.topicSuggestions?.length
      ? `topics: [] # 建议（按关键词，请确认后填入）：${draft.topicSuggestions.map((t) => `${t.id}（${t.name}）`).join('、')}`
      : 'topics: []',
    ...optional('byline', draft.byline),
    'source:',
    `  publication: ${yamlString(PUBLICATION)}`,
    `  file: ${yamlString(draft.sourceFile)}`,
    ...dateLines(draft.year),
    'draft: true',
  ];
  const body = draft.body.map(renderUnit).join('\n\n');
  return `---\n${front.join('\n')}\n---\n\n${body}\n`;
}

export function renderIssueYaml(issue: IssueDraft): string {
  const lines = [
    ...optional('kicker', issue.kicker),
    `title: ${yamlString(issue.title)}`,
    ...optional('subtitle', issue.subtitle),
    ...optional('titleNote', issue.titleNote),
    ...optional('editorNote', issue.editorNote),
    ...(issue.series ? ['series:', `  name: ${yamlString(issue.series.name)}`, `  part: ${yamlString(issue.series.part)}`] : []),
    'cases:',
    ...issue.cases.map((id) => `  - ${yamlString(id)}`),
    'source:',
    `  publication: ${yamlString(PUBLICATION)}`,
    `  file: ${yamlString(issue.sourceFile)}`,
    ...dateLines(issue.year),
    'draft: true',
  ];
  return `${lines.join('\n')}\n`;
}

function renderUnit(unit: Unit): string {
  if (unit.kind === 'heading') return `## ${escapeMdxText(unit.text)}`;
  if (unit.kind === 'caption') return renderFigure(unit.text);
  return escapeMdxText(unit.text);
}

/** The desk's photo component (src/lib/cms/body-components.ts): only the caption while the photo is awaited. */
export function renderFigure(caption: string): string {
  return figureToBlock({ src: '', caption });
}

/**
 * Characters MDX or Markdown would read as syntax, as character references. A backslash escape would do for MDX,
 * but the desk's editor drops the backslash before `{`, `<`, `_`, `|`, `+`, `1.` and others when it saves, which
 * would turn the text into code or a list; it keeps character references as they are.
 */
const references: Record<string, string> = {
  '\\': '&#92;', '{': '&#123;', '}': '&#125;', '<': '&lt;', '>': '&gt;', '_': '&#95;', '~': '&#126;', '|': '&#124;', '&': '&amp;',
};

/**
 * Escape text so MDX reads it as plain text and the desk saves it unchanged: JSX/expression characters and the
 * Markdown punctuation Decap does not escape back as character references; `*`, `` ` `` and `[` with a backslash
 * (which Decap keeps); anything that would start a block (`#`, `-`, `=`, `+`, `1.` …) at the beginning of the line.
 */
export function escapeMdxText(text: string): string {
  let out = text.replace(/[\\{}<>_~|&]/g, (c) => references[c]!).replace(/[*`[]/g, (c) => `\\${c}`);
  out = out.replace(/^([#=-])/, '\\$1').replace(/^\+/, '&#43;').replace(/^(\d+)([.)])/, (_, digits: string, mark: string) => `${digits}&#${mark.charCodeAt(0)};`);
  return out;
}

/** The text escapeMdxText escaped (for the import's character accounting). */
export function unescapeMdxText(text: string): string {
  return text
    .replace(/\\([!-/:-@[-`{-~])/g, '$1')
    .replace(/&(?:#(\d+)|(lt|gt|amp|quot));/g, (_, code: string | undefined, name: string | undefined) =>
      code ? String.fromCharCode(Number(code)) : ({ lt: '<', gt: '>', amp: '&', quot: '"' } as Record<string, string>)[name!]!);
}
