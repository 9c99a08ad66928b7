#!/usr/bin/env node
/**
 * npm run new -- case | issue — starts a new case (content/cases/<id>.mdx) or issue (content/issues/<id>.yaml)
 * from a template. In a terminal it asks for what it needs, in Chinese; otherwise (scripts, tests) everything
 * comes from flags. It never overwrites a file, and the new file passes `npm run check`.
 *
 *   npm run new -- case
 *   npm run new -- case --title "标题" --organisation "平阳县劳模协会" --region 平阳 --topics 志愿服务 --date 2024-05
 *   npm run new -- issue --title "打造金字招牌 助力共同富裕" --cases pingyang-xian-lao-mo-xie-hui,dongtou --date 2024-05-10
 */
import { join, resolve } from 'node:path';
import { createInterface, type Interface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { contentPaths } from '../src/lib/content-paths.ts';
import { caseIdFor, issueIdFor } from '../src/lib/entry-id.ts';
import { runChecks } from '../src/lib/content-check/check-content.ts';
import { globEntryId } from '../src/lib/content-check/entry-id.ts';
import { parseMdxSource, parseYamlSource } from '../src/lib/content-check/parse-source.ts';
import { formatProblem } from '../src/lib/content-check/problem.ts';
import { readContentSources } from '../src/lib/content-check/read-sources.ts';
import { buildRegionIndex, guessRegionFromText, type Region } from '../src/lib/regions.ts';
import { parseDateInput, resolveRegion, resolveTopics, todayInChina, validId, type DateAnswer, type Topic } from '../src/lib/scaffold/inputs.ts';
import { foldToOneLine } from '../src/lib/scaffold/one-line.ts';
import { caseTemplate, issueTemplate } from '../src/lib/scaffold/templates.ts';
import { createFileAtomically } from './lib/atomic-write.ts';
import { deskCollections, saveAsDesk } from './lib/desk-format.ts';

const usage = `用法：
  npm run new -- case     新建一篇案例（在终端里会逐项询问）
  npm run new -- issue    新建一个专版

也可以用参数一次写全（不询问）：
  --title 标题            --kicker 引题       --subtitle 副题
  --organisation 单位     --region 地区（平阳、平阳县、pingyang 都可以）
  --topics 话题           （用顿号或逗号分隔，写中文名或编号，如 志愿服务、技术帮扶）
  --date 日期             （2024-05-10、2024-05 或 2024；默认今天）
  --byline 署名           --publication 刊物（默认：劳模工匠专版）
  --cases 文章            （专版用：文章文件名，按版面顺序，逗号分隔）
  --series 系列名 --part 篇名 --page 版面（专版用）
  --id 文件名             （默认：案例为地区加标题的拼音，如 pingyang-2-4-zuzhi-jiagou；专版为标题的拼音，与编辑台相同）
  --publish               直接设为发布（默认是草稿 draft: true）
  --yes                   在终端里也不询问，缺什么就报错`;

const { values: flags, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    kicker: { type: 'string' },
    subtitle: { type: 'string' },
    organisation: { type: 'string' },
    org: { type: 'string' },
    region: { type: 'string' },
    topics: { type: 'string' },
    date: { type: 'string' },
    byline: { type: 'string' },
    publication: { type: 'string' },
    cases: { type: 'string' },
    series: { type: 'string' },
    part: { type: 'string' },
    page: { type: 'string' },
    id: { type: 'string' },
    publish: { type: 'boolean', default: false },
    yes: { type: 'boolean', short: 'y', default: false },
    root: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

class UserError extends Error {}
/** The editor ended a prompt with Ctrl-C (exit code 130) or Ctrl-D, the end of input (exit code 1). */
class Cancelled extends Error {
  readonly exitCode: number;
  constructor(exitCode: number) {
    super('cancelled');
    this.exitCode = exitCode;
  }
}

const kind = positionals[0];
if (flags.help || (kind !== 'case' && kind !== 'issue')) {
  console.log(usage);
  process.exit(flags.help ? 0 : 2);
}

const root = resolve(flags.root ?? join(import.meta.dirname, '..'));
const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY && !flags.yes);
const rl: Interface | undefined = interactive ? createInterface({ input: process.stdin, output: process.stdout }) : undefined;
// Ctrl-C at a prompt reaches readline as a key (the terminal is in raw mode), Ctrl-D closes its input. Either
// way the pending question is abandoned; `prompt` below turns that into a clean cancel instead of a stack trace.
let cancelledWith: number | undefined;
let cancel: (exitCode: number) => void = () => {};
// Settles only when the editor cancels; raced against each question (a closed readline may leave it pending).
const cancellation = new Promise<never>((_, reject) => {
  cancel = (exitCode) => {
    cancelledWith ??= exitCode;
    reject(new Cancelled(cancelledWith));
  };
});
cancellation.catch(() => {});
rl?.on('SIGINT', () => {
  cancel(130);
  rl.close();
});
rl?.on('close', () => cancel(1));

// Lines are read through the iterator, which keeps what was typed ahead of a prompt for the next question.
const lines = rl?.[Symbol.asyncIterator]();

async function prompt(text: string): Promise<string> {
  if (cancelledWith !== undefined) throw new Cancelled(cancelledWith);
  rl!.setPrompt(text);
  rl!.prompt();
  const next = await Promise.race([lines!.next(), cancellation]);
  if (next.done) throw new Cancelled(cancelledWith ?? 1);
  return String(next.value);
}

// Ctrl-C as a signal (before the prompt takes the terminal, or while checking): the file is written in one
// step, so at any moment it either exists complete or not at all.
let written: string | undefined;
process.on('SIGINT', () => {
  console.error(written ? `\n已取消（${written} 已经写好）。` : '\n已取消，未写入任何文件。');
  process.exit(130);
});

/** A one-line field: line breaks folded (and the editor told), control characters refused. */
function oneLine(label: string, value: string): string;
function oneLine(label: string, value: string | undefined): string | undefined;
function oneLine(label: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const result = foldToOneLine(label, value);
  if (!result.ok) throw new UserError(result.message);
  if (result.folded) console.log(`  ${label}只能写一行，其中的换行已去掉：${result.text}`);
  return result.text || undefined;
}

/** Ask in a terminal (with a default in brackets), or fail with the flag to use. */
async function ask(question: string, flag: string, fallback?: string): Promise<string> {
  if (!rl) {
    if (fallback !== undefined) return fallback;
    throw new UserError(`缺少 --${flag}（${question}）。`);
  }
  for (;;) {
    const answer = (await prompt(`${question}${fallback ? `（直接回车：${fallback}）` : ''}：`)).trim();
    if (answer) return answer;
    if (fallback !== undefined) return fallback;
    console.log('  这一项必填。');
  }
}

async function confirm(question: string): Promise<boolean> {
  if (!rl) return true;
  const answer = (await prompt(`${question}（回车确认，输入 n 重新填写）：`)).trim().toLowerCase();
  return !['n', 'no', '否', '不'].includes(answer);
}

async function main(): Promise<number> {
  const sources = await readContentSources(root);
  const regions = buildRegionIndex(JSON.parse(sources.regions.text) as Region[]);
  const topics = (parseYaml(sources.topics.text) as Topic[]) ?? [];
  const caseEntries = sources.cases.map((file) => {
    const data = (parseMdxSource(file.text).data ?? {}) as Record<string, unknown>;
    return { id: globEntryId(file.relativePath!, data), title: String(data.title ?? '') };
  });
  const issueIds = new Set(sources.issues.map((file) => globEntryId(file.relativePath!, parseYamlSource(file.text).data)));

  console.log(kind === 'case' ? '新建案例' : '新建专版');
  const title = oneLine('标题', flags.title ?? (await ask('标题', 'title')));
  if (!title) throw new UserError('标题不能是空的（--title）。');
  const kicker = oneLine('引题', flags.kicker);
  const subtitle = oneLine('副题', flags.subtitle);
  const publication = oneLine('刊物', flags.publication) ?? '劳模工匠专版';
  const date = await askDate();
  const draft = !flags.publish;

  let id: string;
  let path: string;
  let text: string;
  if (kind === 'case') {
    const organisation = oneLine('单位', flags.organisation ?? flags.org ?? (await ask('单位（如：平阳县劳模协会）', 'organisation')));
    if (!organisation) throw new UserError('单位不能是空的（--organisation）。');
    const region = await askRegion(organisation, regions);
    const topicIds = await askTopics(topics);
    const taken = new Set(caseEntries.map((entry) => entry.id));
    id = await askId(caseIdFor({ region: region.id, title }, taken), taken);
    path = `${contentPaths.cases.replace(/^\.\//, '')}/${id}.mdx`;
    text = caseTemplate({
      title,
      kicker,
      subtitle,
      organisation,
      region: region.id,
      topics: topicIds,
      byline: oneLine('署名', flags.byline),
      publication,
      date: date.date,
      datePrecision: date.precision,
      draft,
    });
  } else {
    const caseIds = await askCases(caseEntries);
    const [seriesName, seriesPart, page] = [oneLine('系列名', flags.series), oneLine('篇名', flags.part), oneLine('版面', flags.page)];
    id = await askId(issueIdFor({ title, series: { part: seriesPart } }, issueIds), issueIds);
    path = `${contentPaths.issues.replace(/^\.\//, '')}/${id}.yaml`;
    text = issueTemplate({
      title,
      kicker,
      subtitle,
      seriesName,
      seriesPart,
      cases: caseIds,
      publication,
      page,
      date: date.date,
      datePrecision: date.precision,
      draft,
    });
  }

  // No more questions: give the terminal back, so Ctrl-C from here on is a signal (handled above), not a key.
  rl?.close();

  // Written as the desk saves it (its serializer, its field order), so that opening and saving it there changes nothing.
  text = await saveAsDesk(deskCollections(root), path, text);

  // The new file must parse and pass the check like any other before it exists at all: checked in memory
  // alongside the current content, then written to a temporary file and linked into place in one step.
  const collection = kind === 'case' ? sources.cases : sources.issues;
  collection.push({ file: path, relativePath: path.slice(path.lastIndexOf('/') + 1), text });
  const errors = runChecks(sources).problems.filter((problem) => problem.file === path && problem.severity === 'error');
  if (errors.length) {
    for (const problem of errors) console.error(formatProblem(problem));
    throw new UserError(`新文件会有 ${errors.length} 个问题（见上），所以没有写入。请改正输入后重试。`);
  }
  try {
    createFileAtomically(join(root, path), text);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UserError(`${path} 已经存在，不会覆盖它。请换一个文件名（--id）。`);
    throw error;
  }
  written = path;
  console.log(`\n已新建 ${path}`);
  const address = kind === 'case' ? `/cases/${id}/` : `/issues/${id}/`;
  console.log(`检查通过。${draft ? '它现在是草稿（draft: true），只在本机预览中出现。' : ''}

下一步：
  1. 在编辑台（npm run desk）里打开它，或用编辑器打开 ${path}，${kind === 'case' ? '写正文（文件里的注释说明了写法）' : '核对文章顺序，补上编者按'}。
  2. npm run check          检查
  3. npm run dev            本机预览：http://localhost:4321${address}
  4. ${draft ? '写完后把 draft: true 改为 false，再' : ''}按 docs/编辑指南.md 提交发布。`);
  return 0;
}

async function askDate(): Promise<DateAnswer> {
  const today = todayInChina();
  for (;;) {
    const input = flags.date ?? (await ask('日期（2024-05-10；只知道月份写 2024-05，只知道年份写 2024）', 'date', today));
    const parsed = parseDateInput(input);
    if (parsed) return parsed;
    if (!rl || flags.date) throw new UserError(`无法识别日期“${input}”：请写成 2024-05-10、2024-05 或 2024。`);
    console.log('  无法识别，请写成 2024-05-10、2024-05 或 2024。');
  }
}

async function askRegion(organisation: string, index: ReturnType<typeof buildRegionIndex>): Promise<Region> {
  const guessed = guessRegionFromText(organisation, index);
  let query = flags.region;
  for (;;) {
    query ??= await ask('地区（如：平阳、平阳县或 pingyang）', 'region', guessed?.shortName);
    const answer = resolveRegion(query, index);
    if (answer.kind === 'found') {
      console.log(`  地区：${answer.path}（${answer.region.id}）`);
      if (!flags.region && !(await confirm('  是这个地区吗？'))) {
        query = undefined;
        continue;
      }
      return answer.region;
    }
    const list = answer.kind === 'ambiguous' ? answer.candidates : answer.suggestions;
    const lines = list.map((item, at) => `  ${at + 1}. ${item.path}（${item.region.id}）`).join('\n');
    if (!rl) {
      throw new UserError(
        answer.kind === 'ambiguous'
          ? `“${query}”对应多个地区，请写得更具体（如带上所属的市）：\n${lines}`
          : `找不到地区“${query}”。${list.length ? `是不是：\n${lines}` : '请写县、市、区的名称（如：平阳县）或拼音（pingyang），全部地区见 content/regions.json。'}`,
      );
    }
    console.log(answer.kind === 'ambiguous' ? `  “${query}”对应多个地区：\n${lines}` : `  找不到“${query}”。${list.length ? `是不是：\n${lines}` : ''}`);
    const pick = list.length ? (await prompt('  输入序号选择，或重新输入地区：')).trim() : '';
    const chosen = /^\d+$/.test(pick) ? list[Number(pick) - 1] : undefined;
    if (chosen) {
      console.log(`  地区：${chosen.path}（${chosen.region.id}）`);
      return chosen.region;
    }
    query = pick || undefined;
  }
}

async function askTopics(topics: Topic[]): Promise<string[]> {
  let input = flags.topics;
  if (input === undefined && rl) {
    console.log(`可选话题：${topics.map((topic, at) => `${at + 1}.${topic.name}`).join('  ')}`);
  }
  for (;;) {
    input ??= await ask('话题（序号或名称，多个用空格或顿号分开；没有就直接回车）', 'topics', '');
    const { ids, unknown } = resolveTopics(input, topics);
    if (!unknown.length) {
      if (ids.length) console.log(`  话题：${ids.map((id) => topics.find((topic) => topic.id === id)!.name).join('、')}`);
      return ids;
    }
    const message = `不认识的话题：${unknown.join('、')}。可用的话题：${topics.map((topic) => topic.name).join('、')}（新话题请先加进 content/topics.yaml）。`;
    if (!rl || flags.topics !== undefined) throw new UserError(message);
    console.log(`  ${message}`);
    input = undefined;
  }
}

async function askCases(entries: { id: string; title: string }[]): Promise<string[]> {
  const known = new Set(entries.map((entry) => entry.id));
  let input = flags.cases;
  if (input === undefined && rl) {
    console.log('已有的文章：');
    entries.forEach((entry, at) => console.log(`  ${at + 1}. ${entry.id}  ${entry.title}`));
  }
  for (;;) {
    input ??= await ask('本版文章（文件名或序号，按版面顺序，用空格或逗号分开）', 'cases');
    const ids = input
      .split(/[\s,，、]+/)
      .filter(Boolean)
      .map((word) => (/^\d+$/.test(word) && entries[Number(word) - 1] ? entries[Number(word) - 1]!.id : word.replace(/\.mdx$/, '')));
    const unknown = ids.filter((id) => !known.has(id));
    const repeated = ids.filter((id, at) => ids.indexOf(id) !== at);
    const message = unknown.length
      ? `找不到文章：${unknown.join('、')}（写 content/cases/ 中的文件名，不含 .mdx）。`
      : repeated.length
        ? `文章重复：${[...new Set(repeated)].join('、')}。`
        : ids.length
          ? undefined
          : '至少要有一篇文章。';
    if (!message) return ids;
    if (!rl || flags.cases !== undefined) throw new UserError(message);
    console.log(`  ${message}`);
    input = undefined;
  }
}

async function askId(proposed: string, taken: ReadonlySet<string>): Promise<string> {
  for (;;) {
    const id = (flags.id ?? (await ask('文件名（也是网址的一部分，只用小写拼音、数字和连字符）', 'id', proposed))).trim();
    const problem = !validId(id) ? `文件名“${id}”只能用小写字母、数字和连字符（-），如 ${proposed}。` : taken.has(id) ? `已经有叫 ${id} 的文件了，不会覆盖它。` : undefined;
    if (!problem) return id;
    if (!rl || flags.id) throw new UserError(problem);
    console.log(`  ${problem}`);
  }
}

let code: number;
try {
  code = await main();
} catch (error) {
  if (error instanceof Cancelled) {
    console.error('\n已取消，未写入任何文件。');
    code = error.exitCode;
  } else if (error instanceof UserError) {
    console.error(`\n没有新建文件：${error.message}${rl ? '' : '\n\n运行 npm run new -- --help 查看全部参数。'}`);
    code = 1;
  } else throw error;
} finally {
  rl?.close();
}
process.exit(code!);
