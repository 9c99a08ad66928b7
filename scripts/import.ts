/**
 * `npm run import -- <file.txt | folder> [--issue <id>] [--force] [--out <dir>]`
 * Turns raw newspaper pages into draft case files and an issue file each, and prints what it repaired.
 * A folder means every `.txt` file directly in it, one page each (sorted by name); a page that cannot be
 * imported is reported and the others still are (exit code 1 if any failed).
 * Thin shell: arguments, reading and writing files, printing. The work is in src/lib/import/.
 * Files are written atomically (temporary file, then rename), and only after every one of a page's files
 * parses; a page with a conflict or a problem writes nothing.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { parseCliArgs } from '../src/lib/import/cli-args.ts';
import { decodeInput } from '../src/lib/import/decode.ts';
import { importPage } from '../src/lib/import/pipeline.ts';
import { formatReport } from '../src/lib/import/report.ts';
import { replaceFileAtomically } from './lib/atomic-write.ts';
import { deskCollections, saveAsDesk, type DeskCollections } from './lib/desk-format.ts';

/** A page that cannot be imported, with the Chinese message that says why. */
class ImportFailure extends Error {}

function fail(message: string): never {
  throw new ImportFailure(message);
}

/**
 * Region guessing is optional: used when src/lib/regions.ts provides `buildRegionIndex` and
 * `guessRegionFromText` and content/regions.json exists; otherwise (or if it fails) drafts say `zhejiang`.
 */
async function loadRegionGuess(): Promise<((text: string) => string | undefined) | undefined> {
  const root = resolve(import.meta.dirname, '..');
  const module = join(root, 'src/lib/regions.ts');
  const data = join(root, 'content/regions.json');
  if (!existsSync(module) || !existsSync(data)) return undefined;
  try {
    const regions = (await import(module)) as {
      buildRegionIndex?: (entries: unknown) => unknown;
      guessRegionFromText?: (text: string, index: unknown) => { id?: unknown } | undefined;
    };
    const { buildRegionIndex, guessRegionFromText } = regions;
    if (typeof buildRegionIndex !== 'function' || typeof guessRegionFromText !== 'function') return undefined;
    const index = buildRegionIndex(JSON.parse(readFileSync(data, 'utf8')));
    return (text) => {
      try {
        const id = guessRegionFromText(text, index)?.id;
        return typeof id === 'string' ? id : undefined;
      } catch {
        return undefined;
      }
    };
  } catch (error) {
    console.warn(`（地区猜测不可用，全部暂定为 zhejiang：${(error as Error).message}）`);
    return undefined;
  }
}

/** content/topics.yaml, for the topics suggested to the editor; none if it cannot be read. */
function loadTopics(): { id: string; name: string; description?: string }[] | undefined {
  try {
    const topics: unknown = parseYaml(readFileSync(resolve(import.meta.dirname, '../content/topics.yaml'), 'utf8'));
    return Array.isArray(topics) ? topics.filter((topic) => typeof topic?.id === 'string' && typeof topic?.name === 'string') : undefined;
  } catch {
    return undefined;
  }
}

/** The pages a path names: itself if a file, the `.txt` files directly inside if a folder. */
function pagesNamedBy(path: string): string[] {
  let stat;
  try {
    stat = statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail(`找不到文件：${path}（请检查路径和文件名）`);
    if (code === 'EACCES') fail(`没有权限读取 ${path}，请检查文件权限。`);
    fail(`无法读取 ${path}（${code ?? (error as Error).message}）。`);
  }
  if (stat.isFile()) return [path];
  if (!stat.isDirectory()) fail(`${path} 不是普通文件，请指定排版系统导出的 .txt 纯文本文件。`);
  let names: string[];
  try {
    names = readdirSync(path, { withFileTypes: true })
      .filter((entry) => entry.isFile() && /\.txt$/i.test(entry.name) && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  } catch (error) {
    fail(`无法读取文件夹 ${path}（${(error as NodeJS.ErrnoException).code === 'EACCES' ? '没有权限' : (error as Error).message}）。`);
  }
  if (names.length === 0) fail(`文件夹 ${path} 里没有 .txt 文件。请指定一个版面文件，或放有 .txt 版面文件的文件夹。`);
  return names.map((name) => join(path, name));
}

function readPage(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') fail(`没有权限读取 ${file}，请检查文件权限。`);
    if (code === 'EISDIR') fail(`${file} 是文件夹，不是版面文件。`);
    fail(`无法读取 ${file}（${code ?? (error as Error).message}）。`);
  }
}

/** The YAML of an existing issue file or case frontmatter; undefined if it does not parse. */
function existingData(path: string): Record<string, unknown> | undefined {
  try {
    const text = readFileSync(path, 'utf8');
    const yamlText = path.endsWith('.mdx') ? /^---\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1] : text;
    const data: unknown = yamlText === undefined ? undefined : parseYaml(yamlText);
    return data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

const sourceFileOf = (data: Record<string, unknown> | undefined) => {
  const file = (data?.source as Record<string, unknown> | undefined)?.file;
  return typeof file === 'string' ? file : undefined;
};

const idsIn = (dir: string, extension: string) =>
  existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(extension)).map((name) => name.slice(0, -extension.length)) : [];

/**
 * Ids in the output folder that new files must not take: everything except what an earlier import of this
 * same page wrote (its issue file, recorded by `source.file`, and the cases that issue or their own
 * `source.file` name). Those are a re-import's conflicts, refused without --force; anything else gets `-2` ….
 */
function idsTakenByOthers(outDir: string, fileName: string): { cases: Set<string>; issues: Set<string> } {
  const own = new Set<string>();
  const issues = new Set<string>();
  for (const id of idsIn(join(outDir, 'issues'), '.yaml')) {
    const data = existingData(join(outDir, 'issues', `${id}.yaml`));
    if (sourceFileOf(data) !== fileName) {
      issues.add(id);
      continue;
    }
    if (Array.isArray(data?.cases)) for (const caseId of data.cases) own.add(String(caseId));
  }
  const cases = new Set<string>();
  for (const id of idsIn(join(outDir, 'cases'), '.mdx')) {
    if (!own.has(id) && sourceFileOf(existingData(join(outDir, 'cases', `${id}.mdx`))) !== fileName) cases.add(id);
  }
  return { cases, issues };
}

/** Every file must parse before any is written: YAML of the issue, frontmatter of the cases. */
function assertParses(path: string, content: string): void {
  const yamlText = path.endsWith('.mdx') ? /^---\n([\s\S]*?)\n---\n/.exec(content)?.[1] : content;
  let data: unknown;
  try {
    data = yamlText === undefined ? undefined : parseYaml(yamlText);
  } catch (error) {
    fail(`生成的 ${path} 无法解析（${(error as Error).message}），什么也没写。请把版面文件交给技术人员检查。`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) fail(`生成的 ${path} 格式不对，什么也没写。请把版面文件交给技术人员检查。`);
}

/** Frontmatter (or the whole YAML file) and body of a generated file. */
function splitFile(path: string, content: string): { data: unknown; body: string } {
  if (!path.endsWith('.mdx')) return { data: parseYaml(content), body: '' };
  const m = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(content);
  return { data: m ? parseYaml(m[1]!) : undefined, body: (m?.[2] ?? content).replace(/^\n+/, '') };
}

/**
 * The file as the desk saves it (its YAML style and field order), so that opening and saving it in the desk
 * changes nothing. The desk's serializer may change only the form: if the data or the body text differ, the
 * page is refused rather than written differently from what the character accounting proved.
 */
async function inDeskFormat(collections: DeskCollections, path: string, content: string): Promise<string> {
  const saved = await saveAsDesk(collections, path, content);
  const before = splitFile(path, content);
  const after = splitFile(path, saved);
  if (!isDeepStrictEqual(before.data, after.data) || before.body !== after.body) {
    fail(`生成的 ${path} 按编辑台的格式保存时内容会改变，为防止改动原文，什么也没写。请把版面文件交给技术人员检查。`);
  }
  return saved;
}

interface PageOptions {
  issueId?: string;
  force: boolean;
  outDir: string;
  guessRegion?: (text: string) => string | undefined;
  topics?: { id: string; name: string; description?: string }[];
  collections: DeskCollections;
}

async function importOne(file: string, options: PageOptions): Promise<void> {
  const bytes = readPage(file);
  console.log(`读取 ${file}（${bytes.length} 字节）…`);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) fail(`无法导入 ${file}：${decoded.message}`);

  const fileName = basename(file);
  const result = importPage(decoded.text, decoded.encoding, {
    fileName,
    issueId: options.issueId,
    guessRegion: options.guessRegion,
    topics: options.topics,
    takenIds: idsTakenByOthers(options.outDir, fileName),
  });
  console.log(`识别出 ${result.report.articles.length} 篇文章`);
  if (result.files.length === 0) fail('没有可写入的内容，什么也没写。');

  if (!result.proof.ok) {
    const missing = result.proof.missing.map((m) => `“${m.char}”×${m.count}`).join('、');
    const order = result.proof.orderProblems.map((p) => `  ${p.file}：${p.problem}「${p.text.slice(0, 20)}…」`);
    fail(
      [
        formatReport(result.report),
        '',
        '文字核对未通过：有原文没有出现在输出里，也没有记录在报告中。为防止丢字，什么也没写。',
        missing ? `缺少的字：${missing}` : '',
        ...order,
        '请把这个版面文件交给技术人员检查。',
      ].join('\n'),
    );
  }

  // Parsed before the desk's serializer reads them, so a file that does not parse gets this message, not a raw one.
  for (const f of result.files) assertParses(f.path, f.content);
  const targets = await Promise.all(
    result.files.map(async (f) => ({ ...f, content: await inDeskFormat(options.collections, f.path, f.content), target: join(options.outDir, f.path) })),
  );
  // The page itself goes into the provenance archive that `source.file` names (content/sources/), as UTF-8 text.
  const archived = { path: `sources/${fileName}`, content: decoded.text, target: join(options.outDir, 'sources', fileName) };
  const alreadyArchived = existsSync(archived.target) && readFileSync(archived.target, 'utf8') === archived.content;
  if (!alreadyArchived) targets.push(archived);
  const conflicts = targets.filter((t) => existsSync(t.target));
  if (conflicts.length > 0 && !options.force) {
    fail(
      [
        '以下文件已经存在，为避免覆盖编辑过的内容，什么也没写：',
        ...conflicts.map((c) => `  ${c.target}`),
        '确认要覆盖，请加 --force；或用 --issue / --out 换一个位置。',
      ].join('\n'),
    );
  }

  for (const t of targets) {
    replaceFileAtomically(t.target, t.content);
    console.log(`写入 ${t.target}${conflicts.includes(t) ? '（覆盖）' : ''}`);
  }
  console.log(`文字核对通过：原文 ${result.proof.inputChars} 个字符均已写入或记录在报告中。`);
  console.log('');
  console.log(formatReport(result.report));
}

async function main(): Promise<number> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(parsed.message);
      return 0;
    }
    fail(parsed.message);
  }
  const { file, issueId, force, outDir } = parsed.args;
  const pages = pagesNamedBy(file);
  if (pages.length > 1 && issueId) fail(`--issue 只能用于一个版面文件；导入文件夹 ${file} 时，每个版面的期号按文件名自动生成。`);
  const guessRegion = await loadRegionGuess();
  const topics = loadTopics();
  const collections = deskCollections(resolve(import.meta.dirname, '..'));

  if (pages.length === 1) {
    await importOne(pages[0]!, { issueId, force, outDir, guessRegion, topics, collections });
    return 0;
  }
  console.log(`文件夹 ${file} 里有 ${pages.length} 个 .txt 版面文件，逐个导入。\n`);
  const failed: string[] = [];
  for (const page of pages) {
    try {
      await importOne(page, { force, outDir, guessRegion, topics, collections });
    } catch (error) {
      if (!(error instanceof ImportFailure)) throw error;
      console.error(`${error.message}\n`);
      failed.push(page);
    }
    console.log('');
  }
  if (failed.length === 0) {
    console.log(`全部 ${pages.length} 个版面导入完成。`);
    return 0;
  }
  console.error(`${pages.length} 个版面中有 ${failed.length} 个没有导入（原因见上，这些版面什么也没写）：\n${failed.map((page) => `  ${page}`).join('\n')}`);
  return 1;
}

let code: number;
try {
  code = await main();
} catch (error) {
  if (!(error instanceof ImportFailure)) throw error;
  console.error(error.message);
  code = 1;
}
process.exit(code);
