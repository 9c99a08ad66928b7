/**
 * The allow-list inside the build: a Sätteri mdast plugin (Astro's MDX integration runs the markdown
 * processor's `mdastPlugins` when it compiles `.mdx`). It sees the tree the compiler is about to turn into
 * JavaScript and throws before any of it is emitted, so `astro build` fails and `astro dev` shows the error.
 * Every MDX file is checked except those under `trustedDirs` (src/: pages are developers' code). Checking
 * by exclusion keeps a symlink in content/ pointing elsewhere (Vite compiles the link's target) checked too.
 */
import { relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkMdxTree, type PolicyNode, type PolicyViolation } from './check-tree.ts';

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

interface FactoryContext { fileURL: URL | undefined; sourceFormat: string }
interface VisitorContext { data: { astro?: { frontmatter?: Record<string, unknown> } } }

/**
 * For `satteri({ mdastPlugins: [mdxPolicyPlugin(…)] })`. A factory: files under `trustedDirs` get no plugin;
 * a document compiled without a file name is checked, not waved through.
 */
export function mdxPolicyPlugin({ trustedDirs, root }: MdxPolicyOptions) {
  return (context: FactoryContext) => {
    const path = context.fileURL?.protocol === 'file:' ? fileURLToPath(context.fileURL) : undefined;
    if (path && trustedDirs.some((dir) => isInside(path, dir))) return null;
    const file = path ? relative(root, path).split(sep).join('/') : '（未知文件）';
    return {
      name: 'laomo-mdx-policy',
      options: { position: true },
      before(tree: unknown, visitor: VisitorContext) {
        enforceMdxPolicy(tree as PolicyNode, file, visitor.data.astro?.frontmatter);
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
