/**
 * Checks a parsed MDX body (the mdast that Sätteri — or remark-mdx — produces) against the allow-list.
 * Pure: the content check runs it on `mdxToMdast` output, the build's Sätteri plugin on the tree it is
 * about to compile. Each violation names its line and says what is allowed, in Chinese.
 */
import {
  allowedSummary,
  contentComponents,
  globalAttributes,
  htmlElements,
  markdownNodeTypes,
  refusedFrontmatterKeys,
  reservedImportNames,
  urlAttributes,
} from './allow-list.ts';
import { bareIdentifier, imageImports, isCommentOnly, stringLiteral, type ImportProblem } from './javascript.ts';
import { isAllowedUrl, isImagePath, normalizeUrl, urlScheme } from './urls.ts';

export interface PolicyViolation {
  line?: number;
  column?: number;
  field: string;
  message: string;
  hint: string;
}

interface Point { line: number; column: number }
export interface PolicyNode {
  type: string;
  value?: unknown;
  name?: string | null;
  url?: string;
  attributes?: readonly { type: string; name?: string; value?: unknown }[];
  children?: readonly PolicyNode[];
  position?: { start: Point };
}

const BODY = '正文';
const short = (text: string, length = 40) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
};

const importMessage: Record<ImportProblem['reason'], string> = {
  'syntax': '不是有效的 import 语句',
  'not-import': '正文不能包含代码（export、变量、函数等）',
  'not-default': '只能导入图片，写作 import 名称 from \'./images/…\'，不能用 { }、* as 或 with',
  'not-image': '只能导入图片，不能导入代码或 ./images/ 以外的文件（路径里不能有 ..、? 或 %）',
  'reserved-name': '图片名只能用英文字母和数字、以字母开头，且不能与组件同名',
};

/** `frontmatter` is the parsed YAML; refused keys (`layout`) are reported on line 1 unless `frontmatterLine` says where. */
export function checkMdxTree(
  tree: PolicyNode,
  options: { frontmatter?: Record<string, unknown>; frontmatterLine?: (key: string) => number | undefined } = {},
): PolicyViolation[] {
  const violations: PolicyViolation[] = [];
  const add = (node: PolicyNode | undefined, field: string, message: string, hint: string) =>
    violations.push({ line: node?.position?.start.line, column: node?.position?.start.column, field, message, hint });

  for (const [key, field] of Object.entries(refusedFrontmatterKeys)) {
    if (options.frontmatter && Object.hasOwn(options.frontmatter, key)) {
      violations.push({ line: options.frontmatterLine?.(key) ?? 1, field, message: `文件开头不能设置 ${key}`, hint: `删去 ${key}: 这一行；文章的版式由网站统一决定。` });
    }
  }

  // Imports first: MDX hoists them, and <Figure src={…}> may use a name imported further down. MDX only has
  // them at the top level; any depth is searched so that none could go unchecked.
  const esm: PolicyNode[] = [];
  const collectEsm = (node: PolicyNode) => {
    if (node.type === 'mdxjsEsm') esm.push(node);
    for (const child of node.children ?? []) collectEsm(child);
  };
  collectEsm(tree);
  const images = new Set<string>();
  for (const node of esm) {
    const result = imageImports(String(node.value ?? ''), reservedImportNames);
    for (const problem of result.problems) {
      add(node, BODY, `${importMessage[problem.reason]}：${short(problem.statement, 60)}`, allowedSummary.import);
    }
    for (const image of result.images) {
      if (images.has(image.name)) add(node, BODY, `图片名 ${image.name} 导入了两次`, '每张图片用不同的名字导入。');
      images.add(image.name);
    }
  }

  const checkUrl = (node: PolicyNode, value: string, what: string, field = BODY) => {
    if (!isAllowedUrl(value)) add(node, field, `${what}的地址不允许：${short(value)}`, allowedSummary.url);
  };
  /** Local images come from ./images/ (as the imports); remote ones are a content question, left to the check. */
  const checkImageUrl = (node: PolicyNode, value: string, what: string, field = BODY) => {
    const url = normalizeUrl(value);
    const scheme = urlScheme(url);
    if (scheme === 'http' || scheme === 'https') return checkUrl(node, value, what, field);
    let decoded: string | undefined;
    try {
      decoded = decodeURI(url);
    } catch {
      decoded = undefined;
    }
    if (!decoded || !isImagePath(decoded)) {
      add(node, field, `${what}的地址不允许：${short(value)}`, allowedSummary.image);
    }
  };

  const checkElement = (node: PolicyNode) => {
    const name = node.name;
    const attributes = node.attributes ?? [];
    if (!name) return add(node, BODY, '正文不能包含空标签 <>…</>', allowedSummary.html);
    const component = Object.hasOwn(contentComponents, name) ? contentComponents[name] : undefined;
    const html = Object.hasOwn(htmlElements, name) ? htmlElements[name] : undefined;
    if (!component && !html) {
      const componentLike = /^[A-Z]/.test(name) && !/[.:]/.test(name);
      const spelling = Object.keys(contentComponents).find((component) => component.toLowerCase() === name.toLowerCase());
      const hint = /^[A-Z]/.test(name) ? `${spelling ? `检查大小写：应为 <${spelling}>。` : ''}${allowedSummary.component}` : allowedSummary.html;
      return add(node, BODY, componentLike ? `未知的组件 <${name}>` : `正文不能包含 <${name}> 标签`, hint);
    }
    const field = component ? `<${name}>` : BODY;
    for (const attribute of attributes) {
      if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) {
        add(node, field, `<${name}> 中不能写 {${short(String(attribute.value ?? ''), 30)}} 这样的代码属性`, component ? allowedSummary.component : allowedSummary.html);
        continue;
      }
      const attributeName = attribute.name;
      const value = attribute.value;
      const label = `<${name}> 的属性 ${attributeName}`;
      if (component?.imageAttributes.includes(attributeName)) {
        const expression = typeof value === 'object' && value ? String((value as { value?: unknown }).value ?? '') : undefined;
        const identifier = expression === undefined ? undefined : bareIdentifier(expression);
        if (!identifier) add(node, `${field} ${attributeName}`, `${label} 只能是导入的图片名，如 ${attributeName}={photo}`, allowedSummary.import);
        else if (!images.has(identifier)) add(node, `${field} ${attributeName}`, `<${name}> 的图片 ${identifier} 没有导入`, `在文件开头（--- 之后）加一行 import ${identifier} from './images/文件名.jpg';`);
        continue;
      }
      const allowed = component ? component.attributes : [...globalAttributes, ...html!];
      if (!allowed.includes(attributeName)) {
        const why = /^on/i.test(attributeName) ? '（事件处理属性会运行脚本）' : attributeName === 'style' ? '（样式由网站统一决定）' : '';
        add(node, component ? `${field} ${attributeName}` : BODY, `${label} 不允许${why}`, `<${name}> 只能有这些属性：${allowed.join('、') || '（无）'}`);
        continue;
      }
      // A component's text may also be one JS string literal, {"…"}: how quotes and braces are written in JSX.
      const literal = component && typeof value === 'object' && value ? stringLiteral(String((value as { value?: unknown }).value ?? '')) : undefined;
      if (value !== null && value !== undefined && typeof value !== 'string' && literal === undefined) {
        add(node, component ? `${field} ${attributeName}` : BODY, `${label} 不能写成 {…} 代码`, `属性值用引号写成文字，如 ${attributeName}="……"${component ? `（含引号时写 ${attributeName}={"……"}）` : ''}`);
        continue;
      }
      if (typeof value === 'string' && urlAttributes.has(attributeName)) {
        if (name === 'img' && attributeName === 'src') checkImageUrl(node, value, `${label} `);
        else checkUrl(node, value, `${label} `);
      }
    }
  };

  const visit = (node: PolicyNode) => {
    switch (node.type) {
      case 'mdxjsEsm':
        return; // checked above
      case 'mdxFlowExpression':
      case 'mdxTextExpression': {
        const code = String(node.value ?? '');
        if (!isCommentOnly(code)) add(node, BODY, `{${short(code, 30)}} 会被当作代码执行，不允许`, allowedSummary.expression);
        return;
      }
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement':
        checkElement(node);
        break;
      case 'link':
        checkUrl(node, node.url ?? '', '链接');
        break;
      case 'definition':
        checkUrl(node, node.url ?? '', '链接定义');
        break;
      case 'image':
        checkImageUrl(node, node.url ?? '', '图片');
        break;
      case 'html':
        add(node, BODY, `正文不能包含 HTML 源码：${short(String(node.value ?? ''))}`, allowedSummary.html);
        return;
      default:
        if (!markdownNodeTypes.has(node.type)) {
          add(node, BODY, `不支持的写法（${node.type}）`, '正文只能用 Markdown 排版（段落、标题、列表、表格、链接、图片、脚注）和 <Figure>。');
          return;
        }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return violations;
}
