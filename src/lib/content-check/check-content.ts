import { z } from 'astro/zod';
import { isMap, isScalar, type Node } from 'yaml';
import { caseSchema } from '../../schemas/case.ts';
import { issueSchema } from '../../schemas/issue.ts';
import { regionSchema } from '../../schemas/region.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { globEntryId } from './entry-id.ts';
import { parseMdxSource, parseYamlSource, type ParsedSource } from './parse-source.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schema-rules.ts';
import { fieldName } from './field-labels.ts';
import { checkMdxBody } from './mdx-body.ts';
import { a3LengthProblems } from './issue-length.ts';
import { typographyFixes, type TextRange, type TypographyFix } from './typography.ts';
import { unpublishedReason } from '../publishing.ts';
import { parseRedirects, validateRedirects, type RedirectProblem } from '../redirects.ts';

export interface SourceFile {
  /** Path relative to the project root, as shown to editors. */
  file: string;
  /** Path relative to the collection's folder, from which Astro derives the id. */
  relativePath?: string;
  text: string;
}

export interface ContentSources {
  regions: SourceFile;
  topics: SourceFile;
  cases: SourceFile[];
  issues: SourceFile[];
  /** `content/redirects.yaml`, if there is one. */
  redirects?: SourceFile;
  /** Root-relative paths of the other files under content/ (images). Without it, image files are not looked for. */
  assets?: ReadonlySet<string>;
  /** Page files under src/pages, relative to it (`about.mdx`, `cases/[id].astro`), to know which addresses exist. */
  routes?: string[];
}

export interface CheckOptions {
  /** "Now" for scheduled entries; default the current time. */
  now?: Date;
}

/** What the check found, and the typography fixes `--fix` may apply, per file. */
export interface CheckResult {
  problems: Problem[];
  fixes: Map<string, TypographyFix[]>;
}

/** An entry as the checks see it: where it stands, its id and its raw data. */
interface Located {
  file: string;
  id: string;
  source: ParsedSource;
  data: Record<string, unknown>;
  /** Where this entry sits inside its file (for entries of a data file such as regions.json). */
  path: (string | number)[];
}

const idRef = () => z.string().min(1);

function syntaxProblems(file: string, source: ParsedSource): Problem[] {
  return source.errors.map((error) => ({
    file,
    line: error.line,
    field: '(格式)',
    message: `无法解析：${error.message}`,
    hint: '检查缩进、冒号后的空格和引号是否成对。',
    severity: 'error' as const,
  }));
}

/** Entries of a data file holding an array of `{ id, … }` objects. */
function dataFileEntries(sourceFile: SourceFile, problems: Problem[]): Located[] {
  const source = parseYamlSource(sourceFile.text);
  problems.push(...syntaxProblems(sourceFile.file, source));
  if (source.errors.length) return [];
  if (!Array.isArray(source.data)) {
    problems.push({ file: sourceFile.file, line: 1, field: '(整个文件)', message: '应为一个列表，每项含 id', severity: 'error' });
    return [];
  }
  return source.data.map((item, index) => ({
    file: sourceFile.file,
    id: String((item as { id?: unknown })?.id ?? ''),
    source,
    data: item as Record<string, unknown>,
    path: [index],
  }));
}

function collectionEntries(files: SourceFile[], parse: (text: string) => ParsedSource, problems: Problem[]): Located[] {
  return files.flatMap((sourceFile) => {
    const source = parse(sourceFile.text);
    problems.push(...syntaxProblems(sourceFile.file, source));
    if (source.errors.length || source.data == null || typeof source.data !== 'object') return [];
    const relativePath = sourceFile.relativePath ?? sourceFile.file.split('/').pop()!;
    return [{ file: sourceFile.file, id: globEntryId(relativePath, source.data), source, data: source.data as Record<string, unknown>, path: [] }];
  });
}

function duplicateIdProblems(kind: string, entries: Located[]): Problem[] {
  const firstById = new Map<string, Located>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const first = firstById.get(entry.id);
    if (!entry.id) {
      problems.push({ file: entry.file, line: entry.source.lineOf(entry.path), field: 'id（编号）', message: `${kind}缺少 id`, severity: 'error' });
    } else if (first) {
      problems.push({
        file: entry.file,
        line: entry.source.lineOf([...entry.path, 'id']),
        field: 'id（编号）',
        message: `${kind}编号 “${entry.id}” 重复，已在 ${first.file} 中使用`,
        hint: '每篇文章的文件名（或 slug）必须唯一，请改名。',
        severity: 'error',
      });
    } else firstById.set(entry.id, entry);
  }
  return problems;
}

function referenceProblem(entry: Located, path: (string | number)[], field: string, message: string, hint: string, severity: Problem['severity'] = 'error'): Problem {
  return { file: entry.file, line: entry.source.lineOf([...entry.path, ...path]), field, message, hint, severity };
}

/**
 * Everything Astro's build would accept but the site must not: unknown regions and topics, issues naming
 * missing cases, duplicate ids, a case listed twice — plus every schema violation, all at once.
 */
export function checkContent(sources: ContentSources, options: CheckOptions = {}): Problem[] {
  return runChecks(sources, options).problems;
}

/** Like `checkContent`, also returning the typography fixes per file for `npm run check -- --fix`. */
export function runChecks(sources: ContentSources, { now = new Date() }: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const fixes = new Map<string, TypographyFix[]>();
  const regions = dataFileEntries(sources.regions, problems);
  const topics = dataFileEntries(sources.topics, problems);
  const cases = collectionEntries(sources.cases, parseMdxSource, problems);
  const issues = collectionEntries(sources.issues, (text) => parseYamlSource(text), problems);

  // Each schema built once: zod compiles a schema on first use, which costs more than checking an entry.
  const entrySchema = (schema: z.ZodObject) => schema.extend({ id: z.string().min(1) });
  const [regionEntry, topicEntry, caseEntry, issueEntry] = [entrySchema(regionSchema), entrySchema(topicSchema), caseSchema(idRef), issueSchema(idRef)];
  for (const entry of regions) problems.push(...schemaProblems(entry.file, entry.source, entry.data, regionEntry, entry.path));
  for (const entry of topics) problems.push(...schemaProblems(entry.file, entry.source, entry.data, topicEntry, entry.path));
  for (const entry of cases) problems.push(...schemaProblems(entry.file, entry.source, entry.data, caseEntry));
  for (const entry of issues) problems.push(...schemaProblems(entry.file, entry.source, entry.data, issueEntry));

  problems.push(...duplicateIdProblems('地区', regions), ...duplicateIdProblems('话题', topics));
  problems.push(...duplicateIdProblems('案例', cases), ...duplicateIdProblems('专版', issues));

  const regionIds = new Set(regions.map((entry) => entry.id));
  const topicIds = new Set(topics.map((entry) => entry.id));
  const caseIds = new Set(cases.map((entry) => entry.id));

  for (const entry of regions) {
    const parent = entry.data.parent;
    if (typeof parent === 'string' && !regionIds.has(parent)) {
      problems.push(referenceProblem(entry, ['parent'], 'parent（上级）', `上级地区 “${parent}” 不存在`, '上级应为 regions.json 中某个地区的 id。'));
    }
  }

  for (const entry of cases) {
    const { region, topics: caseTopics } = entry.data;
    if (typeof region === 'string' && !regionIds.has(region)) {
      problems.push(referenceProblem(entry, ['region'], 'region（地区）', `地区 “${region}” 不存在`, '填写 content/regions.json 中的拼音编号，如 pingyang（平阳县）、wenzhou（温州市）。'));
    }
    if (Array.isArray(caseTopics)) {
      caseTopics.forEach((topic, index) => {
        if (typeof topic === 'string' && !topicIds.has(topic)) {
          problems.push(referenceProblem(entry, ['topics', index], `topics[${index}]（话题）`, `话题 “${topic}” 不在话题词表中`, '可用的话题见 content/topics.yaml；需要新话题请先在那里添加。'));
        }
      });
    }
  }

  const issueOfCase = new Map<string, Located>();
  for (const entry of issues) {
    const listed = entry.data.cases;
    if (!Array.isArray(listed)) continue;
    const seenHere = new Set<string>();
    listed.forEach((caseId, index) => {
      if (typeof caseId !== 'string') return;
      const field = `cases[${index}]（文章列表）`;
      if (!caseIds.has(caseId)) {
        problems.push(referenceProblem(entry, ['cases', index], field, `文章 “${caseId}” 不存在`, '填写 content/cases/ 中文章的文件名（不含 .mdx）。'));
      }
      if (seenHere.has(caseId)) {
        problems.push(referenceProblem(entry, ['cases', index], field, `文章 “${caseId}” 在本专版中重复列出`, '删去重复的一行。'));
        return;
      }
      seenHere.add(caseId);
      const other = issueOfCase.get(caseId);
      if (other) {
        problems.push(referenceProblem(entry, ['cases', index], field, `文章 “${caseId}” 已列在专版 ${other.file} 中`, '一篇文章只属于一个专版，请从其中一个专版中删去。'));
      } else issueOfCase.set(caseId, entry);
    });
  }

  // Only for cases: an issue is a newspaper page, and recurring page titles are normal there.
  problems.push(...duplicateTitleProblems('案例', cases));

  // Article bodies: syntax, refused markup and scripts, images; then typography of the prose.
  const textOf = new Map([...sources.cases, ...sources.issues].map((sourceFile) => [sourceFile.file, sourceFile.text]));
  for (const entry of cases) {
    const text = textOf.get(entry.file)!;
    const body = checkMdxBody(entry.file, text, { assets: sources.assets });
    problems.push(...body.problems);
    addTypography(entry.file, text, [...yamlProseRanges(entry.source), ...body.prose], problems, fixes);
  }
  for (const entry of issues) addTypography(entry.file, textOf.get(entry.file)!, yamlProseRanges(entry.source), problems, fixes);

  // Drafts and scheduled entries: listed, and an issue that would show fewer cases than it lists.
  const caseReason = new Map<string, string>();
  for (const entry of [...cases, ...issues]) {
    const reason = notPublished(entry, now);
    if (!reason) continue;
    if (entry.file.endsWith('.mdx')) caseReason.set(entry.id, reason);
    problems.push({ file: entry.file, line: entry.source.lineOf([reason.startsWith('草稿') ? 'draft' : 'date']), field: reason.startsWith('草稿') ? 'draft（草稿）' : 'date（日期）', message: `未发布：${reason}`, hint: reason.startsWith('草稿') ? '本机预览（npm run dev）可以看到；要发布，把 draft 改为 false 或删去这一行。' : '到期后下一次构建（每天自动一次）才会上线；本机预览可以看到。', severity: 'info' });
  }
  for (const entry of issues) {
    if (notPublished(entry, now) || !Array.isArray(entry.data.cases)) continue;
    entry.data.cases.forEach((caseId, index) => {
      const reason = typeof caseId === 'string' ? caseReason.get(caseId) : undefined;
      if (reason) problems.push(referenceProblem(entry, ['cases', index], `cases[${index}]（文章列表）`, `专版已发布，但文章 “${caseId}” ${reason}，专版页面上暂不显示它`, '发布这篇文章，或确认专版可以先少这一篇。', 'warning'));
    });
  }

  if (sources.redirects) problems.push(...redirectProblems(sources, cases, issues, regions, topics, caseReason, now));

  // An issue too long for one A3 sheet even at the smallest type (an estimate; `npm run pdf` measures).
  problems.push(...a3LengthProblems(issues, cases));

  return { problems, fixes };
}

/** `草稿` or `定于 2026-05-01 发布`, or undefined when the entry is on the public site. */
function notPublished(entry: Located, now: Date): string | undefined {
  const date = entry.data.date instanceof Date ? entry.data.date : new Date(String(entry.data.date));
  if (Number.isNaN(date.getTime())) return undefined;
  const reason = unpublishedReason({ draft: entry.data.draft === true, date }, now);
  if (reason === 'draft') return '草稿（draft: true），不会出现在正式网站上';
  if (reason === 'scheduled') return `定于 ${date.toISOString().slice(0, 10)} 发布，在此之前不会出现在正式网站上`;
  return undefined;
}

/** Two cases (or issues) with the same headline: readers and search results cannot tell them apart. */
function duplicateTitleProblems(kind: string, entries: Located[]): Problem[] {
  const first = new Map<string, Located>();
  const problems: Problem[] = [];
  for (const entry of entries) {
    const { title, subtitle } = entry.data;
    if (typeof title !== 'string' || !title.trim()) continue;
    const key = `${title.trim()}\u0000${typeof subtitle === 'string' ? subtitle.trim() : ''}`;
    const other = first.get(key);
    if (other && other.id === entry.id) continue; // the same id is reported already
    if (other) {
      problems.push({
        file: entry.file,
        line: entry.source.lineOf(['title']),
        field: 'title（标题）',
        message: `${kind}标题 “${title.trim()}” 与 ${other.file} 相同`,
        hint: '标题相同，读者和搜索结果分不清两篇。请修改其中一篇的标题，或加上不同的副题（subtitle）。',
        severity: 'error',
      });
    } else first.set(key, entry);
  }
  return problems;
}

/** Frontmatter or data fields that hold Chinese prose (checked for typography). */
const proseKeys = new Set(['kicker', 'title', 'subtitle', 'titleNote', 'editorNote', 'organisation', 'byline', 'dateNote', 'publication', 'page', 'name', 'part', 'description']);

function yamlProseRanges(source: ParsedSource): TextRange[] {
  const ranges: TextRange[] = [];
  const offset = source.yamlOffset ?? 0;
  const walk = (node: Node | null | undefined, path: string[]) => {
    if (!isMap(node)) return;
    for (const pair of node.items) {
      const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
      const value = pair.value as Node | null;
      if (isScalar(value) && typeof value.value === 'string' && proseKeys.has(key) && value.range) {
        // Quoted strings: only what is between the quotes.
        const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
        ranges.push({ start: offset + value.range[0] + quoted, end: offset + value.range[1] - quoted, field: fieldName([...path, key]), escapedQuotes: value.type === 'QUOTE_DOUBLE', isolated: true });
      } else if (isMap(value)) walk(value, [...path, key]);
    }
  };
  walk(source.document?.contents as Node | null, []);
  return ranges;
}

function addTypography(file: string, text: string, ranges: TextRange[], problems: Problem[], fixes: Map<string, TypographyFix[]>) {
  const found = typographyFixes(text, ranges.sort((a, b) => a.start - b.start));
  if (!found.length) return;
  fixes.set(file, found);
  let lineStart = 0;
  let line = 1;
  for (const fix of found) {
    for (let at = text.indexOf('\n', lineStart); at !== -1 && at < fix.start; at = text.indexOf('\n', at + 1)) {
      line += 1;
      lineStart = at + 1;
    }
    const column = fix.start - lineStart;
    const around = text.slice(Math.max(lineStart, fix.start - 6), fix.end + 6).replace(/\n[\s\S]*/, '');
    problems.push({ file, line, field: fix.field, message: `${fix.message}：…${around}…`, hint: `第 ${column + 1} 个字符。运行 npm run check -- --fix 可自动改正（会显示改动）。`, severity: 'error' });
  }
}

/** Every address the production build will have, from the content and the page files. */
function sitePages(sources: ContentSources, cases: Located[], issues: Located[], regions: Located[], topics: Located[], caseReason: Map<string, string>, now: Date) {
  const pages = new Set<string>();
  const unpublished = new Map<string, string>();
  const patterns: RegExp[] = [];
  const known = new Set(['cases/[id]', 'issues/[id]', 'topics/[id]', 'regions/[city]/index', 'regions/[city]', 'regions/[city]/[county]', '404', '[...old]', '[...path]']);
  for (const route of sources.routes ?? []) {
    const path = route.replace(/\.(astro|mdx|md|html|ts|js)$/, '');
    if (known.has(path) || /(^|\/)_/.test(path)) continue;
    const clean = path.replace(/(^|\/)index$/, '');
    if (!clean.includes('[')) pages.add(clean ? `/${clean}/` : '/');
    else patterns.push(new RegExp(`^/${clean.replace(/\[\.\.\.[^\]]+\]/g, '.+').replace(/\[[^\]]+\]/g, '[^/]+')}/$`));
  }
  if (!sources.routes) pages.add('/');
  for (const entry of cases) {
    const reason = caseReason.get(entry.id);
    if (reason) unpublished.set(`/cases/${entry.id}/`, reason);
    else pages.add(`/cases/${entry.id}/`);
  }
  for (const entry of issues) {
    const reason = notPublished(entry, now);
    if (reason) unpublished.set(`/issues/${entry.id}/`, reason);
    else pages.add(`/issues/${entry.id}/`);
  }
  for (const list of ['/issues/', '/regions/', '/topics/']) pages.add(list);
  const byId = new Map(regions.map((entry) => [entry.id, entry]));
  for (const entry of regions) {
    const parent = typeof entry.data.parent === 'string' ? byId.get(entry.data.parent) : undefined;
    if (entry.data.kind === 'city') pages.add(`/regions/${entry.id}/`);
    else if (parent?.data.kind === 'city') pages.add(`/regions/${parent.id}/${entry.id}/`);
  }
  for (const entry of topics) pages.add(`/topics/${entry.id}/`);
  return { pages, unpublished, patterns };
}

function redirectProblems(sources: ContentSources, cases: Located[], issues: Located[], regions: Located[], topics: Located[], caseReason: Map<string, string>, now: Date): Problem[] {
  const file = sources.redirects!.file;
  const { rules, problems } = parseRedirects(sources.redirects!.text);
  const toProblem = (problem: RedirectProblem): Problem => ({ file, ...problem, severity: 'error' });
  if (problems.length) return problems.map(toProblem);
  return validateRedirects(rules, sitePages(sources, cases, issues, regions, topics, caseReason, now)).map(toProblem);
}
