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

export interface PolicyOptions {
  /** The parsed YAML; refused keys (`layout`) are reported on line 1 unless `frontmatterLine` says where. */
  frontmatter?: Record<string, unknown>;
  frontmatterLine?: (key: string) => number | undefined;
}

/** How each kind of node is checked. The keys are mdast node types; anything else is refused by `refuse`. */
export interface PolicyChecker {
  mdxjsEsm(node: PolicyNode): void;
  expression(node: PolicyNode): void;
  element(node: PolicyNode): void;
  link(node: PolicyNode): void;
  definition(node: PolicyNode): void;
  image(node: PolicyNode): void;
  refuse(node: PolicyNode): void;
  /** After every node: checks that need the whole document (image names used vs. imported). */
  finish(frontmatter?: Record<string, unknown>): PolicyViolation[];
}

/**
 * A checker fed node by node, in any order: by `checkMdxTree`'s walk, or by the Sätteri plugin's visitors
 * (which only cross into JavaScript for the node types they name — walking the whole tree from JS is slow).
 */
export function createPolicyChecker(options: PolicyOptions = {}): PolicyChecker {
  const violations: PolicyViolation[] = [];
  const add = (node: PolicyNode | undefined, field: string, message: string, hint: string) =>
    violations.push({ line: node?.position?.start.line, column: node?.position?.start.column, field, message, hint });
  const images = new Set<string>();
  const imageUses: { node: PolicyNode; field: string; name: string; identifier: string }[] = [];

  const checkFrontmatter = (frontmatter: Record<string, unknown> | undefined) => {
    for (const [key, field] of Object.entries(refusedFrontmatterKeys)) {
      if (!frontmatter || !Object.hasOwn(frontmatter, key)) continue;
      violations.push({ line: options.frontmatterLine?.(key) ?? 1, field, message: `文件开头不能设置 ${key}`, hint: `删去 ${key}: 这一行；文章的版式由网站统一决定。` });
    }
  };

  const checkEsm = (node: PolicyNode) => {
    const result = imageImports(String(node.value ?? ''), reservedImportNames);
    for (const problem of result.problems) {
      add(node, BODY, `${importMessage[problem.reason]}：${short(problem.statement, 60)}`, allowedSummary.import);
    }
    for (const image of result.images) {
      if (images.has(image.name)) add(node, BODY, `图片名 ${image.name} 导入了两次`, '每张图片用不同的名字导入。');
      images.add(image.name);
    }
  };

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
        // The desk writes the photo as its path, src="./images/文件名.jpg"; hand-written files may import it.
        if (typeof value === 'string') {
          if (!isImagePath(value)) add(node, `${field} ${attributeName}`, `${label} 的地址不允许：${short(value)}`, allowedSummary.image);
          continue;
        }
        const expression = typeof value === 'object' && value ? String((value as { value?: unknown }).value ?? '') : undefined;
        const identifier = expression === undefined ? undefined : bareIdentifier(expression);
        if (!identifier) add(node, `${field} ${attributeName}`, `${label} 只能是图片路径 ${attributeName}="./images/文件名.jpg" 或导入的图片名 ${attributeName}={photo}`, allowedSummary.image);
        // MDX hoists imports, so whether it is imported is known only at the end.
        else imageUses.push({ node, field: `${field} ${attributeName}`, name, identifier });
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

  const refuse = (node: PolicyNode) => {
    if (node.type === 'html') add(node, BODY, `正文不能包含 HTML 源码：${short(String(node.value ?? ''))}`, allowedSummary.html);
    else add(node, BODY, `不支持的写法（${node.type}）`, '正文只能用 Markdown 排版（段落、标题、列表、表格、链接、图片、脚注）和 <Figure>。');
  };

  return {
    mdxjsEsm: checkEsm,
    expression(node) {
      const code = String(node.value ?? '');
      if (!isCommentOnly(code)) add(node, BODY, `{${short(code, 30)}} 会被当作代码执行，不允许`, allowedSummary.expression);
    },
    element: checkElement,
    link: (node) => checkUrl(node, node.url ?? '', '链接'),
    definition: (node) => checkUrl(node, node.url ?? '', '链接定义'),
    image: (node) => checkImageUrl(node, node.url ?? '', '图片'),
    refuse,
    finish(frontmatter = options.frontmatter) {
      checkFrontmatter(frontmatter);
      for (const use of imageUses) {
        if (!images.has(use.identifier)) add(use.node, use.field, `<${use.name}> 的图片 ${use.identifier} 没有导入`, `在文件开头（--- 之后）加一行 import ${use.identifier} from './images/文件名.jpg';`);
      }
      return violations.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    },
  };
}

/** Which checker method each node type goes to; a type not here and not in `markdownNodeTypes` is refused. */
export const checkedNodeTypes: Readonly<Record<string, Exclude<keyof PolicyChecker, 'refuse' | 'finish'>>> = {
  mdxjsEsm: 'mdxjsEsm',
  mdxFlowExpression: 'expression',
  mdxTextExpression: 'expression',
  mdxJsxFlowElement: 'element',
  mdxJsxTextElement: 'element',
  link: 'link',
  definition: 'definition',
  image: 'image',
};

/** Check a whole parsed body (the content check's `mdxToMdast` tree, or remark-mdx's). */
export function checkMdxTree(tree: PolicyNode, options: PolicyOptions = {}): PolicyViolation[] {
  const checker = createPolicyChecker(options);
  const visit = (node: PolicyNode) => {
    const method = Object.hasOwn(checkedNodeTypes, node.type) ? checkedNodeTypes[node.type] : undefined;
    if (method) checker[method](node);
    else if (!markdownNodeTypes.has(node.type)) return checker.refuse(node);
    // Code and comments have no children worth a look; elements' children are ordinary content.
    if (node.type === 'mdxjsEsm' || method === 'expression') return;
    for (const child of node.children ?? []) visit(child);
  };
  visit(tree);
  return checker.finish();
}
