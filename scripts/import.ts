/**
 * `npm run import -- <file.txt> [--issue <id>] [--force] [--out <dir>]`
 * Turns one raw newspaper page into draft case files and an issue file, and prints what it repaired.
 * Thin shell: arguments, reading and writing files, printing. The work is in src/lib/import/.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseCliArgs } from '../src/lib/import/cli-args.ts';
import { decodeInput } from '../src/lib/import/decode.ts';
import { importPage } from '../src/lib/import/pipeline.ts';
import { formatReport } from '../src/lib/import/report.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
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

async function main(): Promise<void> {
  const parsed = parseCliArgs(process.argv.slice(2));
  if (!parsed.ok) {
    if (parsed.help) {
      console.log(parsed.message);
      return;
    }
    fail(parsed.message);
  }
  const { file, issueId, force, outDir } = parsed.args;

  if (!existsSync(file)) fail(`找不到文件：${file}`);
  const bytes = readFileSync(file);
  console.log(`读取 ${file}（${bytes.length} 字节）…`);
  const decoded = decodeInput(bytes);
  if (!decoded.ok) fail(`无法导入 ${file}：${decoded.message}`);

  const result = importPage(decoded.text, decoded.encoding, {
    fileName: basename(file),
    issueId,
    guessRegion: await loadRegionGuess(),
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

  const targets = result.files.map((f) => ({ ...f, target: join(outDir, f.path) }));
  const conflicts = targets.filter((t) => existsSync(t.target));
  if (conflicts.length > 0 && !force) {
    fail(
      [
        '以下文件已经存在，为避免覆盖编辑过的内容，什么也没写：',
        ...conflicts.map((c) => `  ${c.target}`),
        '确认要覆盖，请加 --force；或用 --issue / --out 换一个位置。',
      ].join('\n'),
    );
  }

  for (const t of targets) {
    mkdirSync(dirname(t.target), { recursive: true });
    writeFileSync(t.target, t.content, 'utf8');
    console.log(`写入 ${t.target}${conflicts.includes(t) ? '（覆盖）' : ''}`);
  }
  console.log(`文字核对通过：原文 ${result.proof.inputChars} 个字符均已写入或记录在报告中。`);
  console.log('');
  console.log(formatReport(result.report));
}

await main();
