/**
 * What an article body (MDX) may contain, read with Sätteri — the parser the build itself uses — so a file
 * that passes here does not fail the build on its syntax:
 * - the MDX allow-list (src/lib/mdx-policy/, the same one the build enforces): only image imports, no
 *   `export`, `{…}` only for comments, only the site's components and ordinary HTML tags with literal
 *   attributes, no event handlers or `style`, and only http(s), mailto, tel and site-relative URLs;
 * - images are files in the repository, with alternative text; `<Figure>` has a caption, and a caption
 *   still waiting for its photo is a warning.
 * It also returns the prose ranges of the body (text nodes, captions, alt texts) for the typography check.
 */
import { parseMdx } from '#mdx-parser';
import { reservedImportNames } from '../mdx-policy/allow-list.ts';
import { checkMdxTree, type PolicyNode } from '../mdx-policy/check-tree.ts';
import { imageImports, stringLiteral } from '../mdx-policy/javascript.ts';
import { isImagePath } from '../mdx-policy/urls.ts';
import type { Problem } from './problem.ts';
import type { TextRange } from './typography.ts';

interface Point { line: number; column: number; offset: number }
interface MdNode {
  type: string;
  value?: unknown;
  name?: string | null;
  url?: string;
  alt?: string | null;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: MdNode[];
  position?: { start: Point; end: Point };
}

export interface BodyCheckOptions {
  /** Root-relative paths of the files under content/ (images); when absent, file existence is not checked. */
  assets?: ReadonlySet<string>;
  /** The parsed frontmatter and where its keys are, for the keys the compiler acts on (`layout`). */
  frontmatter?: Record<string, unknown>;
  frontmatterLine?: (key: string) => number | undefined;
}

export interface BodyCheckResult {
  problems: Problem[];
  prose: TextRange[];
}

const BODY = '正文';

/** `content/cases/a.mdx` + `./images/x.jpg` → `content/cases/images/x.jpg`. */
export function resolveRelative(file: string, spec: string): string {
  const parts = file.split('/').slice(0, -1);
  for (const segment of spec.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') parts.pop();
    else parts.push(segment);
  }
  return parts.join('/');
}

const isRemote = (url: string) => /^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(url);

/** Translate Sätteri's English syntax messages into what an editor should do. */
function syntaxHint(message: string): string {
  if (message.includes('comment')) return '正文里的注释要写成 {/* 注释 */}，不能用 <!-- -->。';
  if (/brace|expression/i.test(message)) return '正文里的花括号 { } 会被当作代码。要显示花括号，请写成全角 ｛ ｝ 或 \\{ \\}。';
  if (/closing tag|end of file|attribute|tag/i.test(message)) return '检查 < > 标签是否写完整、是否闭合，如 <Figure caption="……" />。要显示小于号，请写成全角 ＜。';
  return '检查这一行附近的 < > { } 等符号；要显示它们本身，请改用全角符号。';
}

export function checkMdxBody(file: string, text: string, options: BodyCheckOptions = {}): BodyCheckResult {
  const problems: Problem[] = [];
  const prose: TextRange[] = [];
  const add = (node: MdNode | undefined, message: string, hint: string, severity: Problem['severity'] = 'error', field = BODY) =>
    problems.push({ file, line: node?.position?.start.line, field, message, hint, severity });

  let tree: MdNode;
  try {
    tree = parseMdx(text) as MdNode;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const place = /^(\d+):(\d+)(?:-\d+:\d+)?:\s*/.exec(message);
    const reason = message.replace(/^(\d+):(\d+)(?:-\d+:\d+)?:\s*/, '').replace(/\s*\([\w:-]+\)\s*$/, '');
    problems.push({
      file,
      line: place ? Number(place[1]) : undefined,
      field: BODY,
      message: `正文无法解析（网站构建会因此失败）：${reason}`,
      hint: syntaxHint(reason),
      severity: 'error',
    });
    return { problems, prose };
  }

  // The allow-list first: everything the build would refuse.
  for (const violation of checkMdxTree(tree as PolicyNode, options)) {
    problems.push({ file, line: violation.line, field: violation.field, message: violation.message, hint: `允许的写法：${violation.hint}`, severity: 'error' });
  }

  const assets = options.assets;
  const localImage = (node: MdNode, url: string, what: string) => {
    if (isRemote(url)) {
      add(node, `${what}引用了外部网址 ${url}`, '图片请放进仓库（如 content/cases/images/），用相对路径引用；外部图片会被网站的安全设置拦截，也可能失效。');
      return;
    }
    let path: string;
    try {
      path = decodeURI(url);
    } catch {
      return; // a malformed %-escape: the allow-list already refuses it
    }
    if (assets && !assets.has(resolveRelative(file, path))) {
      add(node, `${what}的文件不存在：${url}`, '检查文件名和路径（区分大小写），图片应放在 content/cases/images/ 中，路径写作 ./images/文件名.jpg。');
    }
  };

  const slice = (node: MdNode) => (node.position ? text.slice(node.position.start.offset, node.position.end.offset) : '');
  const addAttributeRange = (node: MdNode, name: string, value: string, field: string) => {
    if (!node.position || !value) return;
    const source = slice(node);
    for (const quote of ['"', "'"]) {
      const at = source.indexOf(`${name}=${quote}${value}${quote}`);
      if (at !== -1) {
        const start = node.position.start.offset + at + name.length + 2;
        prose.push({ start, end: start + value.length, field, isolated: true });
        return;
      }
    }
  };

  const visit = (node: MdNode) => {
    switch (node.type) {
      case 'yaml':
      case 'code':
      case 'inlineCode':
        return;
      case 'text': {
        if (node.position && typeof node.value === 'string' && slice(node) === node.value) {
          prose.push({ start: node.position.start.offset, end: node.position.end.offset, field: BODY });
        }
        return;
      }
      case 'mdxjsEsm':
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        return; // the allow-list's
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        checkElement(node);
        break;
      }
      case 'image': {
        if (!node.alt?.trim()) add(node, `图片 ${node.url} 缺少说明文字（alt）`, '写作 ![图片说明](./images/文件名.jpg)：方括号里写这张图拍的是什么，供读屏软件和图片加载失败时显示。');
        else if (node.position) {
          const at = slice(node).indexOf(node.alt);
          if (at !== -1) prose.push({ start: node.position.start.offset + at, end: node.position.start.offset + at + node.alt.length, field: BODY });
        }
        if (node.url) localImage(node, node.url, '图片');
        return;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };

  /** Imported images must exist; what may be imported at all is the allow-list's. */
  const checkImportedFiles = (node: MdNode) => {
    for (const image of imageImports(String(node.value ?? ''), reservedImportNames).images) {
      localImage(node, image.path, `导入的图片 ${image.name} `);
    }
  };

  const checkElement = (node: MdNode) => {
    const name = node.name ?? '';
    const attributes = node.attributes ?? [];
    const attribute = (key: string) => attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === key);
    // Quoted text or one string literal {"…"}; any other {…} is the allow-list's to refuse.
    const stringValue = (key: string) => {
      const value = attribute(key)?.value;
      if (typeof value === 'string') return value;
      const expression = (value as { value?: string } | null | undefined)?.value;
      return expression === undefined ? undefined : stringLiteral(expression);
    };

    if (name === 'Figure') {
      const caption = stringValue('caption')?.trim();
      if (!caption) add(node, '<Figure> 缺少图片说明 caption', '写作 <Figure src={图片名} caption="图片说明。" />。', 'error', 'Figure caption（图片说明）');
      else addAttributeRange(node, 'caption', stringValue('caption')!, 'Figure caption（图片说明）');
      const alt = stringValue('alt');
      if (alt) addAttributeRange(node, 'alt', alt, 'Figure alt（图片替代文字）');
      const src = attribute('src')?.value;
      if (typeof src === 'string' && isImagePath(src)) localImage(node, src, '<Figure> 的图片'); // other paths: the allow-list refuses them
      if (!attribute('src')) {
        add(node, `图片说明还在等待配图：${(caption ?? '').slice(0, 24)}`, '拿到照片后放进 content/cases/images/，给 <Figure> 加上 src="./images/文件名.jpg"、删去 awaitingPhoto（在编辑台里直接上传照片即可）。', 'warning', 'Figure src（图片）');
      }
    } else if (name.toLowerCase() === 'img') {
      const alt = stringValue('alt');
      if (!alt?.trim()) add(node, '<img> 缺少说明文字 alt', '建议改用 <Figure src={…} caption="……" />，它会同时显示图片说明。');
      const src = stringValue('src');
      if (src) localImage(node, src, '<img> 的图片');
    }
  };

  for (const node of tree.children ?? []) if (node.type === 'mdxjsEsm') checkImportedFiles(node);
  visit(tree);
  prose.sort((a, b) => a.start - b.start);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { problems, prose };
}
