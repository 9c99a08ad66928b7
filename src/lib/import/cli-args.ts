/** Command-line arguments of `npm run import`, parsed without side effects. */

export const USAGE = [
  '用法：npm run import -- <版面文件.txt 或 文件夹> [--issue <期号>] [--force] [--out <目录>]',
  '',
  '  <版面文件.txt>   排版系统导出的纯文本版面（UTF-8 或 GB18030/GBK 编码均可）',
  '  <文件夹>         导入文件夹里的每个 .txt 文件（不含子文件夹），每个文件是一个版面、一个期次',
  '  --issue <期号>   期次文件名，只能用小写字母、数字和连字符（默认按文件名生成）',
  '  --force          允许覆盖已存在的文件（默认遇到同名文件就停止，什么也不写）',
  '  --out <目录>     输出到哪个内容目录（默认 content），文章写入 <目录>/cases，期次写入 <目录>/issues',
  '  --help           显示本说明',
].join('\n');

export interface CliArgs {
  file: string;
  issueId?: string;
  force: boolean;
  outDir: string;
}

export type ParseResult = { ok: true; args: CliArgs } | { ok: false; message: string; help?: boolean };

export function parseCliArgs(argv: string[]): ParseResult {
  let file: string | undefined;
  let issueId: string | undefined;
  let force = false;
  let outDir = 'content';
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--help' || arg === '-h') return { ok: false, message: USAGE, help: true };
    if (arg === '--force') force = true;
    else if (arg === '--issue' || arg === '--out') {
      const value = argv[i + 1];
      if (value === undefined || value.startsWith('--')) return { ok: false, message: `参数 ${arg} 后面缺少取值。\n\n${USAGE}` };
      if (arg === '--issue') issueId = value;
      else outDir = value;
      i += 1;
    } else if (arg.startsWith('-')) return { ok: false, message: `不认识的参数：${arg}\n\n${USAGE}` };
    else if (file === undefined) file = arg;
    else return { ok: false, message: `只能一次导入一个文件，多余的参数：${arg}\n\n${USAGE}` };
  }
  if (file === undefined) return { ok: false, message: `请指定要导入的版面文件。\n\n${USAGE}` };
  if (issueId !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(issueId)) {
    return { ok: false, message: `期号“${issueId}”不合适：只能用小写字母、数字和连字符，例如 2022-01。` };
  }
  return { ok: true, args: { file, issueId, force, outDir } };
}
