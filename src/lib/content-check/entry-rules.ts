/**
 * Rules about one case or issue file as a whole: its name (which is its address), an article with no text,
 * and the provenance file it names.
 */
import { toPinyinSlug } from '../pinyin-slug.ts';
import { globEntryId } from './entry-id.ts';
import type { ParsedSource } from './parse-source.ts';
import type { Problem } from './problem.ts';

/** A name segment that is its own address: lower-case Latin letters, digits, `-` and `_`. */
const addressName = /^[a-z0-9][a-z0-9_-]*$/;

/** The name to give a file instead: its name (or title) in pinyin, lower case, words joined by `-`. */
export function suggestedFileName(name: string, title?: unknown): string {
  const fromName = toPinyinSlug(name, { separator: '-', maxSyllables: 12 });
  if (fromName) return fromName;
  return (typeof title === 'string' && toPinyinSlug(title, { separator: '-', maxSyllables: 12 })) || 'wenzhang';
}

/**
 * A file whose name has capitals, spaces or Chinese: Astro turns it into a different address (`PingYang.mdx`
 * → `/cases/pingyang/`, `平阳 协会.mdx` → `/cases/平阳-协会/`), so the printed link and the file name disagree.
 */
export function fileNameProblem(file: string, relativePath: string, data: Record<string, unknown>): Problem | undefined {
  if (data.slug) return undefined; // an explicit address
  const segments = relativePath.replace(/\.[^./]+$/, '').split('/');
  if (segments.every((segment) => addressName.test(segment))) return undefined;
  const extension = /\.[^./]+$/.exec(relativePath)?.[0] ?? '';
  const folder = file.slice(0, file.length - relativePath.length);
  const suggested = segments.map((segment, index) => (addressName.test(segment) ? segment : suggestedFileName(segment, index === segments.length - 1 ? data.title : undefined))).join('/');
  const collection = folder.replace(/^content\//, '').replace(/\/$/, '');
  const id = globEntryId(relativePath, data);
  return {
    file,
    line: 1,
    field: '文件名',
    message: `文件名 “${relativePath}” 含有大写字母、空格、中文或其他符号，网址会变成 /${collection}/${id}/，与文件名不一致`,
    hint: `文件名就是网址，只能用小写拼音、数字和连字符 -。请改名为 ${suggested}${extension}：git mv "${file}" ${folder}${suggested}${extension}${collection === 'cases' ? `（专版的 cases 里也要改成 ${suggested}）` : ''}。`,
    severity: 'error',
  };
}

/** The body with what does not show on the page removed: imports, `{/* 注释 *\/}` and `<!-- -->`. */
function visibleBody(body: string): string {
  return body
    .replace(/^\s*import\s[^\n]*$/gm, '')
    .replace(/\{\s*\/\*[\s\S]*?\*\/\s*\}/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trim();
}

/** A published (or scheduled) article with nothing after its frontmatter. Drafts may still be empty. */
export function emptyBodyProblem(file: string, source: ParsedSource, draft: boolean): Problem | undefined {
  if (draft || source.body === undefined || visibleBody(source.body)) return undefined;
  return {
    file,
    line: source.bodyStartLine,
    field: '正文',
    message: '正文是空的：第二个 --- 之后没有文字，发布后是一个空白页面',
    hint: '在第二个 --- 下面空一行，写上文章正文。还没写好的文章请设 draft: true（草稿不会发布）。',
    severity: 'error',
  };
}

/**
 * `source.file` names the original page in the provenance archive, `content/sources/`. Checked only when the
 * list of files under content/ is known.
 */
export function sourceFileProblem(file: string, source: ParsedSource, data: Record<string, unknown>, assets?: ReadonlySet<string>): Problem | undefined {
  const named = (data.source as { file?: unknown } | undefined)?.file;
  if (!assets || typeof named !== 'string' || !named) return undefined;
  if (assets.has(`content/sources/${named}`)) return undefined;
  const inArchive = [...assets].filter((path) => path.startsWith('content/sources/')).length;
  return {
    file,
    line: source.lineOf(['source', 'file']),
    field: 'source.file（原始文件）',
    message: `原始文件 “${named}” 不在 content/sources/（出处档案）中`,
    hint: `source.file 只写 content/sources/ 里的文件名，如 000_29dc03260d156840.txt${inArchive ? '' : '（现在这个文件夹是空的）'}。请把原始版面文件放进 content/sources/，或改正文件名；没有原始文件时删去这一行。`,
    severity: 'error',
  };
}
