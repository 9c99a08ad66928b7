/**
 * What an article body (MDX) may contain, read with Sätteri — the parser the build itself uses — so a file
 * that passes here does not fail the build on its syntax:
 * - no raw `<script>`, `<iframe>`, `<object>`, `<embed>`, `<form>`, `<style>`, no event-handler attributes
 *   (`onclick=…`), no `javascript:` links: the site runs no code from articles;
 * - no JavaScript: `import` only of images, no `export`, no `{…}` expressions except `{/* 注释 *\/}`;
 * - images are files in the repository, with alternative text; `<Figure>` has a caption, and a caption
 *   still waiting for its photo is a warning;
 * - only the components the site provides (`<Figure>`) and ordinary HTML tags.
 * It also returns the prose ranges of the body (text nodes, captions, alt texts) for the typography check.
 */
import { mdxToMdast } from 'satteri';
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
}

export interface BodyCheckResult {
  problems: Problem[];
  prose: TextRange[];
}

const imageExtensions = /\.(?:jpe?g|png|webp|avif|gif|svg)$/i;
const refusedTags = new Set(['script', 'iframe', 'object', 'embed', 'form', 'style', 'frame', 'frameset', 'base', 'meta', 'link']);
const components = new Set(['Figure']);
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
const isScriptUrl = (url: string) => /^\s*(?:javascript|vbscript|data:text\/html)/i.test(url);

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
    tree = mdxToMdast(text, { features: { smartPunctuation: false } }) as MdNode;
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

  const assets = options.assets;
  const images = new Map<string, MdNode>();
  const localImage = (node: MdNode, url: string, what: string) => {
    if (isRemote(url)) {
      add(node, `${what}引用了外部网址 ${url}`, '图片请放进仓库（如 content/cases/images/），用相对路径引用；外部图片会被网站的安全设置拦截，也可能失效。');
      return;
    }
    if (assets && !assets.has(resolveRelative(file, decodeURI(url)))) {
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
        return; // checked first, below
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const value = String(node.value ?? '').trim();
        if (value && !/^\/\*[\s\S]*\*\/$/.test(value)) {
          add(node, `正文中的 {${value.slice(0, 30)}} 会被当作代码执行`, '要显示花括号，请写成全角 ｛ ｝ 或 \\{ \\}；要写注释，请用 {/* 注释 */}。');
        }
        return;
      }
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
      case 'link': {
        if (node.url && isScriptUrl(node.url)) add(node, `链接不能是脚本：${node.url.slice(0, 40)}`, '链接只能指向网页地址（https://…）或本站页面。');
        break;
      }
    }
    for (const child of node.children ?? []) visit(child);
  };

  const checkEsm = (node: MdNode) => {
    const source = String(node.value ?? '');
    const statements = source.split(/;?\s*\n|;/).map((statement) => statement.trim()).filter(Boolean);
    for (const statement of statements) {
      const match = /^import\s+([A-Za-z_$][\w$]*)\s+from\s+(['"])([^'"]+)\2$/.exec(statement);
      if (match && imageExtensions.test(match[3]!)) {
        images.set(match[1]!, node);
        localImage(node, match[3]!, `导入的图片 ${match[1]} `);
      } else if (match || statement.startsWith('import')) {
        add(node, `正文只能导入图片，不能导入代码：${statement}`, '删去这一行；图片写作 import 名称 from \'./images/文件名.jpg\';');
      } else {
        add(node, `正文不能包含代码：${statement.slice(0, 60)}`, '删去这一行。以 import/export 开头的行在 MDX 中是代码。');
      }
    }
  };

  const checkElement = (node: MdNode) => {
    const name = node.name ?? '';
    const attributes = node.attributes ?? [];
    if (refusedTags.has(name.toLowerCase())) {
      add(node, `正文不能包含 <${name}> 标签`, name.toLowerCase() === 'script' ? '网站不运行文章里的脚本，请删去整个 <script>…</script>。' : '请删去这个标签；需要嵌入内容请联系网站维护人员。');
    }
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute') {
        add(node, `<${name}> 中不能用 {…} 展开属性`, '请逐个写出属性，如 caption="……"。');
        continue;
      }
      const attributeName = attribute.name ?? '';
      if (/^on/i.test(attributeName)) {
        add(node, `<${name}> 的属性 ${attributeName} 是脚本（事件处理），不允许`, `删去 ${attributeName}=… 这一属性。`);
      }
      if (typeof attribute.value === 'string' && isScriptUrl(attribute.value)) {
        add(node, `<${name}> 的属性 ${attributeName} 是脚本链接，不允许`, '链接只能指向网页地址（https://…）或本站页面。');
      }
    }
    const attribute = (key: string) => attributes.find((item) => item.type === 'mdxJsxAttribute' && item.name === key);
    const stringValue = (key: string) => {
      const value = attribute(key)?.value;
      if (typeof value === 'string') return value;
      const expression = (value as { value?: string } | null | undefined)?.value;
      const literal = expression ? /^\s*(['"`])([\s\S]*)\1\s*$/.exec(expression) : null;
      return literal ? literal[2] : undefined;
    };

    if (name === 'Figure') {
      const caption = stringValue('caption')?.trim();
      if (!caption) add(node, '<Figure> 缺少图片说明 caption', '写作 <Figure src={图片名} caption="图片说明。" />。', 'error', 'Figure caption（图片说明）');
      else addAttributeRange(node, 'caption', stringValue('caption')!, 'Figure caption（图片说明）');
      const alt = stringValue('alt');
      if (alt) addAttributeRange(node, 'alt', alt, 'Figure alt（图片替代文字）');
      const src = attribute('src');
      if (!src) {
        add(node, `图片说明还在等待配图：${(caption ?? '').slice(0, 24)}`, '拿到照片后放进 content/cases/images/，在文件开头 import，并给 <Figure> 加上 src={…}、删去 awaitingPhoto。', 'warning', 'Figure src（图片）');
      } else {
        const value = src.value as { value?: string } | string | null | undefined;
        const identifier = typeof value === 'object' && value ? String(value.value ?? '').trim() : undefined;
        if (typeof value === 'string') localImage(node, value, '<Figure> 的图片');
        else if (!identifier || !images.has(identifier)) {
          add(node, `<Figure> 的图片 ${identifier ?? ''} 没有导入`, `在文件开头（--- 之后）加一行 import ${identifier || '图片名'} from './images/文件名.jpg';`, 'error', 'Figure src（图片）');
        }
      }
    } else if (/^[A-Z]/.test(name) && !components.has(name)) {
      add(node, `未知的组件 <${name}>`, `网站只提供 <Figure>。检查拼写（区分大小写）${name.toLowerCase() === 'figure' ? '：应为 <Figure>' : ''}。`);
    } else if (name.toLowerCase() === 'img') {
      const alt = stringValue('alt');
      if (!alt?.trim()) add(node, '<img> 缺少说明文字 alt', '建议改用 <Figure src={…} caption="……" />，它会同时显示图片说明。');
      const src = stringValue('src');
      if (src) localImage(node, src, '<img> 的图片');
    }
  };

  for (const node of tree.children ?? []) if (node.type === 'mdxjsEsm') checkEsm(node);
  visit(tree);
  prose.sort((a, b) => a.start - b.start);
  return { problems, prose };
}
