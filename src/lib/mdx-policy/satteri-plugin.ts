/**
 * The allow-list inside the build: a Sätteri mdast plugin (Astro's MDX integration runs the markdown
 * processor's `mdastPlugins` when it compiles `.mdx`). It sees the tree the compiler is about to turn into
 * JavaScript and throws before any of it is emitted, so `astro build` fails and `astro dev` shows the error.
 * Every MDX file is checked except those under `trustedDirs` (src/: pages are developers' code). Checking
 * by exclusion keeps a symlink in content/ pointing elsewhere (Vite compiles the link's target) checked too.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { markdownNodeTypes } from './allow-list.ts';
import { checkedNodeTypes, checkMdxTree, createPolicyChecker, type PolicyNode, type PolicyViolation } from './check-tree.ts';

export interface MdxPolicyOptions {
  /** Absolute paths of folders whose MDX is developers' code and not checked (the project's src/). */
  trustedDirs: readonly string[];
  /** Absolute project root, for the file names in messages. */
  root: string;
}

/** True when `file` (absolute) lies inside `dir` (absolute). */
export function isInside(file: string, dir: string): boolean {
  const path = relative(dir, file);
  return path !== '' && !path.startsWith('..') && !path.startsWith(sep) && !/^[a-z]:/i.test(path);
}

/** The build error: every violation as `file:line  field  message` with what is allowed. */
export class MdxPolicyError extends Error {
  readonly line?: number;
  readonly column?: number;
  constructor(file: string, violations: PolicyViolation[]) {
    const lines = violations.map((violation) => `${file}${violation.line ? `:${violation.line}` : ''}  ${violation.field}  ${violation.message}\n    允许的写法：${violation.hint}`);
    super(`${file} 的正文有 ${violations.length} 处不允许的内容，网站不予构建：\n${lines.join('\n')}\n（运行 npm run check 可列出全部内容问题。）`);
    this.name = 'MdxPolicyError';
    this.line = violations[0]?.line;
    this.column = violations[0]?.column;
  }
}

/** Run the allow-list on one parsed document; throws MdxPolicyError when anything is refused. */
export function enforceMdxPolicy(tree: PolicyNode, file: string, frontmatter?: Record<string, unknown>): void {
  const violations = checkMdxTree(tree, { frontmatter });
  if (violations.length > 0) throw new MdxPolicyError(file, violations);
}

/** Every node type Sätteri's mdast visitors can report (its MdastPluginInstance keys; `custom` is any other). */
const satteriNodeTypes = [
  'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'html', 'code', 'definition', 'text',
  'emphasis', 'strong', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference',
  'footnoteDefinition', 'footnoteReference', 'table', 'tableRow', 'tableCell', 'delete', 'yaml', 'toml', 'math',
  'inlineMath', 'containerDirective', 'leafDirective', 'textDirective', 'superscript', 'subscript',
  'descriptionList', 'descriptionTerm', 'descriptionDetails', 'mdxJsxFlowElement', 'mdxJsxTextElement',
  'mdxFlowExpression', 'mdxTextExpression', 'mdxjsEsm', 'custom',
];
/** The types the allow-list neither lists nor checks: each one seen is refused. */
export const refusedSatteriNodeTypes = satteriNodeTypes.filter((type) => !markdownNodeTypes.has(type) && !Object.hasOwn(checkedNodeTypes, type));

interface FactoryContext { fileURL: URL | undefined; sourceFormat: string }
interface VisitorContext { data: { astro?: { frontmatter?: Record<string, unknown> } } }
type Visitor = (node: PolicyNode) => void;

/**
 * For `satteri({ mdastPlugins: [mdxPolicyPlugin(…)] })`. A factory, called once per compiled document: files
 * under `trustedDirs` get no plugin; a document compiled without a file name is checked, not waved through.
 * Visitors (not a walk from JavaScript, several times slower) feed the checked node types and every refused
 * one to the checker; `after` throws.
 */
export function mdxPolicyPlugin({ trustedDirs, root }: MdxPolicyOptions) {
  return (context: FactoryContext) => {
    const path = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
    if (path && trustedDirs.some((dir) => isInside(path, dir))) return null;
    const file = path ? relative(root, path).split(sep).join('/') : '（未知文件）';
    const checker = createPolicyChecker();
    const visitors: Record<string, Visitor> = {};
    // A visitor's return value would replace the node: return nothing.
    for (const [type, method] of Object.entries(checkedNodeTypes)) visitors[type] = (node) => void checker[method](node);
    for (const type of refusedSatteriNodeTypes) visitors[type] = (node) => void checker.refuse(node);
    return {
      name: 'laomo-mdx-policy',
      options: { position: true },
      ...visitors,
      after(_tree: unknown, visitor: VisitorContext) {
        const violations = checker.finish(visitor.data.astro?.frontmatter);
        if (violations.length > 0) throw new MdxPolicyError(file, violations);
      },
    };
  };
}

/** The same check for the remark pipeline (`MARKDOWN_PROCESSOR=unified`): remark-mdx builds the same mdast. */
export function remarkMdxPolicy({ trustedDirs, root }: MdxPolicyOptions) {
  return () => (tree: unknown, vfile: { path?: string; data: { astro?: { frontmatter?: Record<string, unknown> } } }) => {
    if (vfile.path && trustedDirs.some((dir) => isInside(vfile.path!, dir))) return;
    const file = vfile.path ? relative(root, vfile.path).split(sep).join('/') : '（未知文件）';
    enforceMdxPolicy(tree as PolicyNode, file, vfile.data.astro?.frontmatter);
  };
}
