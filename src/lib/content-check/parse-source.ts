import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';

/** Parsed YAML (a data file or an MDX file's frontmatter) that can say on which line each field stands. */
export interface ParsedSource {
  data: unknown;
  /** 1-based line of the value at `path` in the whole file, or the nearest ancestor's line. */
  lineOf(path: readonly (string | number)[]): number | undefined;
  /** YAML syntax errors, with their lines and columns (1-based) and the `yaml` library's error code. */
  errors: SyntaxError[];
  /** For MDX: the body after the frontmatter, and the line it starts on. */
  body?: string;
  bodyStartLine?: number;
  /** The YAML document (with node ranges) and where its text starts in the file, for typography checks. */
  document?: Document;
  yamlOffset?: number;
}

export interface SyntaxError {
  line?: number;
  column?: number;
  /** The `yaml` library's code (`TAB_AS_INDENT`, `DUPLICATE_KEY` …); absent for errors found here. */
  code?: string;
  message: string;
  /** The text of the line, for explaining the error. */
  lineText?: string;
}

/** A UTF-8 byte-order mark (Windows Notepad writes one) and CRLF line ends are accepted, as the build does. */
export const frontmatterPattern = /^\uFEFF?---[ \t]*\r?\n(?:([\s\S]*?)\r?\n)?---[ \t]*(?:\r?\n|$)/;

export function parseYamlSource(text: string, lineOffset = 0, yamlOffset = 0): ParsedSource {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset;
  const lineOf = (path: readonly (string | number)[]) => {
    let node: Node | null | undefined = doc.contents as Node | null;
    let line = node?.range ? lineAt(node.range[0]) : undefined;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((item) => (item.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const keyNode = pair.key as Node;
        if (keyNode?.range) line = lineAt(keyNode.range[0]);
        node = pair.value as Node | null;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key] as Node | null;
        if (node?.range) line = lineAt(node.range[0]);
      } else break;
    }
    return line;
  };
  const lines = text.split('\n');
  const errors = doc.errors.map((error): SyntaxError => {
    const { line, col } = lineCounter.linePos(Math.min(error.pos[0], text.length));
    return { line: line + lineOffset, column: col, code: error.code, message: error.message, lineText: lines[line - 1]?.replace(/\r$/, '') };
  });
  return { data: errors.length ? undefined : doc.toJS(), lineOf, errors, document: doc, yamlOffset };
}

/** MDX: the frontmatter between `---` lines is YAML starting on line 2. */
export function parseMdxSource(text: string): ParsedSource {
  const match = frontmatterPattern.exec(text);
  if (!match) {
    const opened = /^\uFEFF?---[ \t]*\r?\n/.test(text);
    const message = opened ? '文件开头的元数据（frontmatter）没有结束：缺少第二个 --- 行' : '文件开头缺少以 --- 包围的元数据（frontmatter）';
    return { data: undefined, lineOf: () => 1, errors: [{ line: 1, message }] };
  }
  const parsed = parseYamlSource(match[1] ?? '', 1, match[0].indexOf('\n') + 1);
  const bodyStartLine = match[0].split('\n').length;
  return { ...parsed, body: text.slice(match[0].length), bodyStartLine };
}
