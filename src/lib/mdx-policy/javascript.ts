/**
 * The JavaScript inside MDX (`import` lines, `{…}` expressions, `src={…}`), parsed with acorn as the module
 * the compiler will emit — never matched with patterns, so comments, strings and odd whitespace cannot hide code.
 */
import { parse, type Program } from 'acorn';
import { isImagePath } from './urls.ts';

/** Parse as an ES module (strict, no hashbang, no HTML-like comments); undefined when it is not valid JS. */
function parseModule(code: string): Program | undefined {
  try {
    return parse(code, { ecmaVersion: 'latest', sourceType: 'module', allowHashBang: false, allowReturnOutsideFunction: false });
  } catch {
    return undefined;
  }
}

/** True when `{…}` holds nothing but comments (or nothing at all). */
export function isCommentOnly(code: string): boolean {
  const program = parseModule(code);
  return program !== undefined && program.body.length === 0;
}

/** The identifier a `{…}` attribute value names, when that is all it holds (comments aside). */
export function bareIdentifier(code: string): string | undefined {
  const program = parseModule(code);
  const [statement, ...rest] = program?.body ?? [];
  if (!statement || rest.length > 0 || statement.type !== 'ExpressionStatement') return undefined;
  return statement.expression.type === 'Identifier' ? statement.expression.name : undefined;
}

/**
 * The text of a `{…}` attribute value that is one string literal (`caption={"含\"引号\"的说明"}`, as
 * `npm run import` writes captions with quotes or braces); undefined for anything else, templates included.
 */
export function stringLiteral(code: string): string | undefined {
  const program = parseModule(code);
  const [statement, ...rest] = program?.body ?? [];
  if (!statement || rest.length > 0 || statement.type !== 'ExpressionStatement') return undefined;
  const expression = statement.expression;
  return expression.type === 'Literal' && typeof expression.value === 'string' ? expression.value : undefined;
}

export type ImportProblem = { statement: string; reason: 'syntax' | 'not-import' | 'not-default' | 'not-image' | 'reserved-name' };
export interface ImageImports {
  images: { name: string; path: string }[];
  problems: ImportProblem[];
}

/**
 * The `import name from './images/…'` lines of one ESM block. Anything else — `export`, named or namespace
 * imports, import attributes, other statements, a path outside ./images/ — is a problem.
 */
export function imageImports(code: string, reserved: ReadonlySet<string>): ImageImports {
  const program = parseModule(code);
  if (!program) return { images: [], problems: [{ statement: code.trim(), reason: 'syntax' }] };
  const images: ImageImports['images'] = [];
  const problems: ImportProblem[] = [];
  for (const statement of program.body) {
    const text = code.slice(statement.start, statement.end);
    if (statement.type !== 'ImportDeclaration') {
      problems.push({ statement: text, reason: 'not-import' });
      continue;
    }
    const [specifier, ...others] = statement.specifiers;
    const attributes = (statement as { attributes?: unknown[] }).attributes ?? [];
    const phase = (statement as { phase?: string }).phase;
    if (!specifier || others.length > 0 || specifier.type !== 'ImportDefaultSpecifier' || attributes.length > 0 || phase) {
      problems.push({ statement: text, reason: 'not-default' });
      continue;
    }
    const path = statement.source.value;
    if (typeof path !== 'string' || !isImagePath(path)) {
      problems.push({ statement: text, reason: 'not-image' });
      continue;
    }
    const name = specifier.local.name;
    if (!/^[A-Za-z][A-Za-z0-9]*$/.test(name) || reserved.has(name)) {
      problems.push({ statement: text, reason: 'reserved-name' });
      continue;
    }
    images.push({ name, path });
  }
  return { images, problems };
}
