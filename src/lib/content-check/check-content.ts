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
import { bodyFieldName, fieldName } from './field-labels.ts';
import type { EncodingProblem } from './encoding.ts';
import { explainYamlError } from './yaml-errors.ts';
import { fileNameProblem, emptyBodyProblem, sourceFileProblem } from './entry-rules.ts';
import { missingRedirectProblems, type PublishedBefore } from './missing-redirects.ts';
import { checkMdxBody } from './mdx-body.ts';
import { a3LengthProblems } from './issue-length.ts';
import { duplicateIssueNumbers } from '../issue-numbers.ts';
import { typographyFixes, type TextRange, type TypographyFix } from './typography.ts';
import { unpublishedReason } from '../publishing.ts';
import { parseContentDate } from '../dates.ts';
import { parseRedirects, validateRedirects, type RedirectProblem } from '../redirects.ts';
import { parseSiteSettings } from '../site-settings.ts';

export interface SourceFile {
  /** Path relative to the project root, as shown to editors. */
  file: string;
  /** Path relative to the collection's folder, from which Astro derives the id. */
  relativePath?: string;
  text: string;
  /** Set when the file is not valid UTF-8 (`text` is then garbled where the bad bytes are). */
  encoding?: EncodingProblem;
}

export interface ContentSources {
  regions: SourceFile;
  topics: SourceFile;
  cases: SourceFile[];
  issues: SourceFile[];
  /** `content/redirects.yaml`, if there is one. */
  redirects?: SourceFile;
  /** `content/site.yaml` (contact, 投稿, ICP 备案), if there is one. */
  settings?: SourceFile;
  /** Root-relative paths of the other files under content/ (images). Without it, image files are not looked for. */
  assets?: ReadonlySet<string>;
  /** Page files under src/pages, relative to it (`about.mdx`, `cases/[id].astro`), to know which addresses exist. */
  routes?: string[];
  /** Files among the cases and issues that the site does not read (`a.md`, `a.mdx.txt`, `a.yml`). */
  unread?: string[];
}

export interface CheckOptions {
  /** "Now" for scheduled entries; default the current time. */
  now?: Date;
  /** Cases published in the last committed state (git), to find renamed or deleted ones without a redirect. */
  publishedBefore?: PublishedBefore;
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
  // One message per line: the yaml library often reports a second, derived error at the same place.
  const firstPerLine = source.errors.filter((error, index) => error.line === undefined || source.errors.findIndex((other) => other.line === error.line) === index);
  return firstPerLine.map((error): Problem => {
    if (!error.code) return { file, line: error.line, field: '(格式)', message: error.message, hint: '文件第一行写 ---，下面是 title: 等字段，再用一行 --- 结束，之后是正文。可参照 content/cases/ 中已有的文件。', severity: 'error' };
    const { message, hint } = explainYamlError({ ...error, code: error.code });
    const where = error.line ? `（第 ${error.line} 行${error.column ? `第 ${error.column} 列` : ''}）` : '';
    return { file, line: error.line, field: '(格式)', message: `格式错误${where}：${message}`, hint, severity: 'error' };
  });
}

/** A file that is not UTF-8: the build cannot read it, and nothing else in it can be trusted. */
function encodingProblem(sourceFile: SourceFile): Problem | undefined {
  const found = sourceFile.encoding;
  if (!found) return undefined;
  return {
    file: sourceFile.file,
    line: found.line,
    field: '(整个文件)',
    message: `文件不是 UTF-8 编码${found.looksLikeGbk ? '（看起来是 GBK/GB18030）' : ''}，网站构建无法读取它（第 ${found.line} 行第 ${found.column} 列起是乱码）`,
    hint: '请用 UTF-8 保存：在编辑器里选择“UTF-8”编码后重新保存（VS Code 点右下角的编码，选“通过编码保存”；记事本用“另存为”，编码选 UTF-8）。',
    severity: 'error',
  };
}

/** Entries of a data file holding an array of `{ id, … }` objects. */
function dataFileEntries(sourceFile: SourceFile, problems: Problem[]): Located[] {
  const badEncoding = encodingProblem(sourceFile);
  if (badEncoding) {
    problems.push(badEncoding);
    return [];
  }
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
    const badEncoding = encodingProblem(sourceFile);
    if (badEncoding) {
      problems.push(badEncoding);
      return [];
    }
    const source = parse(sourceFile.text);
    problems.push(...syntaxProblems(sourceFile.file, source));
    if (source.errors.length) return [];
    if (source.data == null || typeof source.data !== 'object' || Array.isArray(source.data)) {
      problems.push({ file: sourceFile.file, line: 1, field: '(整个文件)', message: source.data == null ? '没有任何字段（文件是空的？）' : '应为一组 “字段名: 值”', hint: '可参照同一文件夹里已有的文件，或用 npm run new 新建。', severity: 'error' });
      return [];
    }
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
export function runChecks(sources: ContentSources, { now = new Date(), publishedBefore }: CheckOptions = {}): CheckResult {
  const problems: Problem[] = [];
  const fixes = new Map<string, TypographyFix[]>();
  const regions = dataFileEntries(sources.regions, problems);
  const topics = dataFileEntries(sources.topics, problems);
  // A regions or topics file that cannot be read is one error, not one per case that names a region or topic.
  const dataFilesRead = problems.length === 0;
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
    if (dataFilesRead && typeof region === 'string' && !regionIds.has(region)) {
      problems.push(referenceProblem(entry, ['region'], 'region（地区）', `地区 “${region}” 不存在`, '填写 content/regions.json 中的拼音编号，如 pingyang（平阳县）、wenzhou（温州市）。'));
    }
    if (dataFilesRead && Array.isArray(caseTopics)) {
      caseTopics.forEach((topic, index) => {
        if (typeof topic === 'string' && !topicIds.has(topic)) {
          problems.push(referenceProblem(entry, ['topics', index], fieldName(['topics', index]), `话题 “${topic}” 不在话题词表中`, '可用的话题见 content/topics.yaml；需要新话题请先在那里添加。'));
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
      const field = fieldName(['cases', index]);
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

  // 期号: a stated number belongs to one issue only (src/lib/issue-numbers.ts).
  for (const [number, places] of duplicateIssueNumbers(issues.map((entry, place) => ({ id: String(place), number: entry.data.number })))) {
    const first = issues[Number(places[0])]!;
    for (const place of places.slice(1)) {
      const entry = issues[Number(place)]!;
      problems.push(referenceProblem(entry, ['number'], fieldName(['number']), `期号 ${number} 已用于专版 ${first.file}`, '每期的期号不能重复：改成没有用过的数字，或删去这一行（网站按日期接着编号）。'));
    }
  }

  for (const file of sources.unread ?? []) {
    const isCase = file.startsWith('content/cases/');
    const wanted = isCase ? '.mdx' : '.yaml';
    const base = file.split('/').pop()!.replace(/(\.[A-Za-z]+)+$/, '');
    problems.push({
      file,
      field: '文件名',
      message: `网站不会读取这个文件：${isCase ? '案例' : '专版'}文件的扩展名必须是 ${wanted}`,
      hint: `请改名为 ${base}${wanted}（注意 Windows 可能隐藏了真正的扩展名，如 .txt）；不需要的文件请移出 content/。`,
      severity: 'error',
    });
  }

  // File names that are not the address, and provenance files that are not in the archive.
  const relativePaths = new Map([...sources.cases, ...sources.issues].map((file) => [file.file, file.relativePath ?? file.file.split('/').pop()!]));
  for (const entry of [...cases, ...issues]) {
    const relativePath = relativePaths.get(entry.file)!;
    const badName = fileNameProblem(entry.file, relativePath, entry.data);
    if (badName) problems.push(badName);
    const badSource = sourceFileProblem(entry.file, entry.source, entry.data, sources.assets);
    if (badSource) problems.push(badSource);
  }

  // Only for cases: an issue is a newspaper page, and recurring page titles are normal there.
  problems.push(...duplicateTitleProblems('案例', cases));

  // Article bodies: syntax, refused markup and scripts, images; then typography of the prose.
  const textOf = new Map([...sources.cases, ...sources.issues].map((sourceFile) => [sourceFile.file, sourceFile.text]));
  for (const entry of cases) {
    const text = textOf.get(entry.file)!;
    const body = checkMdxBody(entry.file, text, {
      assets: sources.assets,
      frontmatter: entry.data,
      frontmatterLine: (key) => entry.source.lineOf([key]),
    });
    problems.push(...body.problems.map((problem) => ({ ...problem, field: bodyFieldName(problem.field) })));
    const empty = emptyBodyProblem(entry.file, entry.source, entry.data.draft === true);
    if (empty) problems.push(empty);
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
      if (reason) problems.push(referenceProblem(entry, ['cases', index], fieldName(['cases', index]), `专版已发布，但文章 “${caseId}” ${reason}，专版页面上暂不显示它`, '发布这篇文章，或确认专版可以先少这一篇。', 'warning'));
    });
  }

  const redirectsEncoding = sources.redirects && encodingProblem(sources.redirects);
  if (redirectsEncoding) problems.push(redirectsEncoding);
  else if (sources.redirects && dataFilesRead) problems.push(...redirectProblems(sources, cases, issues, regions, topics, caseReason, now));
  const settingsEncoding = sources.settings && encodingProblem(sources.settings);
  if (settingsEncoding) problems.push(settingsEncoding);
  else if (sources.settings) problems.push(...parseSiteSettings(sources.settings.text).problems.map((problem) => ({ file: sources.settings!.file, ...problem })));
  if (publishedBefore) {
    const rules = sources.redirects ? parseRedirects(sources.redirects.text).rules : [];
    problems.push(
      ...missingRedirectProblems(publishedBefore, {
        caseIds,
        cases: cases.map((entry) => ({ id: entry.id, title: entry.data.title })),
        issueIds: new Set(issues.map((entry) => entry.id)),
        issues: issues.map((entry) => ({ id: entry.id, title: entry.data.title })),
        rules,
        redirectsFile: sources.redirects,
      }),
    );
  }

  // An issue too long for one A3 sheet even at the smallest type (an estimate; `npm run pdf` measures).
  problems.push(...a3LengthProblems(issues, cases));

  return { problems, fixes };
}

/** `草稿` or `定于 2026-05-01 发布`, or undefined when the entry is on the public site. */
function notPublished(entry: Located, now: Date): string | undefined {
  const parsed = parseContentDate(entry.data.date);
  if (!parsed.ok) return undefined; // reported by the schema
  const { date } = parsed;
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
