import { z } from 'astro/zod';
import { caseSchema } from '../../schemas/case.ts';
import { issueSchema } from '../../schemas/issue.ts';
import { regionSchema } from '../../schemas/region.ts';
import { topicSchema } from '../../schemas/topic.ts';
import { globEntryId } from './entry-id.ts';
import { parseMdxSource, parseYamlSource, type ParsedSource } from './parse-source.ts';
import type { Problem } from './problem.ts';
import { schemaProblems } from './schema-rules.ts';

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

function referenceProblem(entry: Located, path: (string | number)[], field: string, message: string, hint: string): Problem {
  return { file: entry.file, line: entry.source.lineOf([...entry.path, ...path]), field, message, hint, severity: 'error' };
}

/**
 * Everything Astro's build would accept but the site must not: unknown regions and topics, issues naming
 * missing cases, duplicate ids, a case listed twice — plus every schema violation, all at once.
 */
export function checkContent(sources: ContentSources): Problem[] {
  const problems: Problem[] = [];
  const regions = dataFileEntries(sources.regions, problems);
  const topics = dataFileEntries(sources.topics, problems);
  const cases = collectionEntries(sources.cases, parseMdxSource, problems);
  const issues = collectionEntries(sources.issues, (text) => parseYamlSource(text), problems);

  const entrySchema = (schema: z.ZodObject) => schema.extend({ id: z.string().min(1) });
  for (const entry of regions) problems.push(...schemaProblems(entry.file, entry.source, entry.data, entrySchema(regionSchema), entry.path));
  for (const entry of topics) problems.push(...schemaProblems(entry.file, entry.source, entry.data, entrySchema(topicSchema), entry.path));
  for (const entry of cases) problems.push(...schemaProblems(entry.file, entry.source, entry.data, caseSchema(idRef)));
  for (const entry of issues) problems.push(...schemaProblems(entry.file, entry.source, entry.data, issueSchema(idRef)));

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

  return problems;
}
