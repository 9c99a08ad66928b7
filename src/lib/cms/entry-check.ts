/**
 * The content check for the one entry an editor is saving in the desk: the same `runChecks` that
 * `npm run check` and the build run (schema, region and topic lists, the MDX allow-list, typography, file
 * name), on the file the desk is about to write. Pure, so it runs in the browser with every backend (the local
 * proxy, Gitea, GitLab) and in unit tests.
 *
 * What needs the other entries is left to `npm run check` in CI: duplicate ids and titles, a case listed in two
 * issues, duplicate issue numbers, an issue listing a draft. The cases an issue lists are chosen in the desk
 * from the existing ones (a relation widget), so they are taken to exist here.
 */
import YAML from 'yaml';
import { runChecks, type SourceFile } from '../content-check/check-content.ts';
import type { Problem } from '../content-check/problem.ts';
import { widgetTable } from './widgets.ts';
import { dateForPrecision } from './date-placeholder.ts';

export type DeskCollectionName = 'cases' | 'issues';

export interface DeskEntry {
  collection: DeskCollectionName;
  /** The entry's id (file name without extension); absent for a new entry, whose name Decap makes on saving. */
  slug?: string;
  /** The form's data, as Decap holds it (cases: frontmatter fields and `body`). */
  data: Record<string, unknown>;
}

/** content/regions.json and content/topics.yaml as text (the desk bundles them at build time). */
export interface DeskDataFiles {
  regions: string;
  topics: string;
}

const folders: Record<DeskCollectionName, { folder: string; extension: string }> = {
  cases: { folder: 'content/cases', extension: 'mdx' },
  issues: { folder: 'content/issues', extension: 'yaml' },
};

/** The name a new entry is checked under: a valid address, so only a real file name can be refused. */
const newEntrySlug = 'new-entry';

/** What the desk saves as a date for the chosen precision (the preSave listener writes the same). */
export function savedData(data: Record<string, unknown>): Record<string, unknown> {
  const date = dateForPrecision(data.date, data.datePrecision);
  return date === data.date ? data : { ...data, date };
}

/** Fields the desk leaves empty are not written (Decap drops null and undefined). */
function withoutEmpty(data: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null && value !== undefined));
}

/** The file the desk writes for the entry, close enough for the check (lines may differ, values do not). */
export function entryFileText(collection: DeskCollectionName, data: Record<string, unknown>): string {
  const { body, ...fields } = withoutEmpty(savedData(data));
  const yaml = YAML.stringify(fields, { lineWidth: 0 });
  if (collection === 'issues') return yaml;
  return `---\n${yaml}---\n\n${typeof body === 'string' ? body : ''}\n`;
}

export function entryFilePath(entry: DeskEntry): string {
  const { folder, extension } = folders[entry.collection];
  return `${folder}/${entry.slug || newEntrySlug}.${extension}`;
}

/** A listed case, for the issue's references only: its own problems are not this entry's and are dropped. */
function listedCase(id: string): SourceFile {
  return { file: `content/cases/${id}.mdx`, relativePath: `${id}.mdx`, text: `---\ntitle: ${JSON.stringify(id)}\n---\n` };
}

/**
 * The check's errors and warnings about this entry, in the check's own words and field names
 * (`title（标题）`, `正文`). Notes (`未发布：草稿…`) are left out: a draft is what the desk saves.
 */
export function checkDeskEntry(entry: DeskEntry, dataFiles: DeskDataFiles, now = new Date()): Problem[] {
  const file = entryFilePath(entry);
  const source: SourceFile = { file, relativePath: file.split('/').pop()!, text: entryFileText(entry.collection, entry.data) };
  const listed = entry.collection === 'issues' && Array.isArray(entry.data.cases) ? entry.data.cases.filter((id): id is string => typeof id === 'string' && id !== '') : [];
  const { problems } = runChecks(
    {
      regions: { file: 'content/regions.json', text: dataFiles.regions },
      topics: { file: 'content/topics.yaml', text: dataFiles.topics },
      cases: entry.collection === 'cases' ? [source] : [...new Set(listed)].map(listedCase),
      issues: entry.collection === 'issues' ? [source] : [],
    },
    { now },
  );
  return problems.filter((problem) => problem.file === file && problem.severity !== 'info');
}

/** Desk fields that hold other fields (objects, lists): a problem inside one is shown at its member, or above. */
const containerPaths = Object.entries(widgetTable({ regions: [], topics: [] }))
  .filter(([, spec]) => spec.widget === 'object' || spec.widget === 'list')
  .map(([path]) => path);

/**
 * The desk field a problem belongs to, by the check's field name: `title（标题）` → `title`,
 * `source.publication（刊物）` → `publication`, `第 2 个话题（topics）` → `topics`, anything in the body → `body`.
 * Problems of a list (`第 1 篇文章（cases）`) or of the file as a whole (`文件名`) go to `fallback`, the title:
 * the first field, where an editor looks.
 */
export function deskFieldOf(problem: Pick<Problem, 'field'>, collection: DeskCollectionName, fallback = 'title'): string {
  const field = problem.field;
  if (collection === 'cases' && (field === '正文' || field.includes('<') || field.startsWith('Figure') || field.startsWith('图片'))) return 'body';
  const named = /^([A-Za-z][\w.]*)（/.exec(field) ?? /（([A-Za-z][\w.]*)）/.exec(field);
  const path = named?.[1];
  if (!path || path === 'id' || containerPaths.includes(path)) return fallback;
  return path.split('.').pop()!;
}
