/**
 * The text Pagefind keeps of a page (a fragment's `content`), worked out from a small element tree instead of
 * rendered HTML, for the dev server's search index (src/lib/search/source-pages.ts). Pagefind's rules
 * (fossick/parser.rs): text is concatenated; a block element (h1–h6, p, td, div, ul, li, article, section) is
 * wrapped in spaces and, when its text ends in a letter, digit, quote, `)`, `$` or `*`, gets a “.”; `<br>` is a
 * space; nav, footer, form, svg, label, script, style, noscript, iframe, template and `data-pagefind-ignore`d
 * elements are left out; whitespace is collapsed. Pagefind also puts U+200B between the words it segments: the
 * sidecar and the search page drop it, so the text here has none.
 */

/** An element: its tag and children. Text is a string. */
export interface TextElement {
  tag: string;
  children: TextNode[];
}
export type TextNode = string | TextElement | null | undefined | false;

export const el = (tag: string, ...children: TextNode[]): TextElement => ({ tag, children });

const sentenceTags = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'td', 'div', 'ul', 'li', 'article', 'section']);
/** Left out with their content (Pagefind's REMOVE_SELECTORS). */
export const removedTags = new Set(['head', 'style', 'script', 'noscript', 'label', 'form', 'svg', 'footer', 'nav', 'iframe', 'template']);
// Rust's `\w` is Unicode-aware: Han characters count as word characters.
const sentenceChar = /[\p{Alphabetic}\p{M}\p{Nd}\p{Pc}\p{Join_Control}'")$*]$/u;

function collect(node: TextNode): string {
  if (!node) return '';
  if (typeof node === 'string') return node;
  if (removedTags.has(node.tag)) return '';
  if (node.tag === 'br') return ' ';
  let text = '';
  for (const child of node.children) text += collect(child);
  if (!sentenceTags.has(node.tag)) return text;
  return ` ${text}${sentenceChar.test(text) ? '.' : ''} `;
}

/** The page text Pagefind would index for this tree, whitespace collapsed. */
export function pagefindText(node: TextNode): string {
  return collect(node).replace(/\s+/g, ' ').trim();
}

/** A hast node as Sätteri's mdxToHast gives it (elements, text, MDX JSX elements, expressions, ESM). */
export interface HastLike {
  type: string;
  tagName?: string;
  name?: string | null;
  value?: unknown;
  attributes?: { type: string; name?: string; value?: unknown }[];
  children?: HastLike[];
}

/** How an MDX component renders, as text elements: name → (string attributes, children) → node. */
export type ComponentText = Record<string, (attributes: Record<string, string | true>, children: TextNode[]) => TextNode>;

/** The attributes of an MDX JSX element: literal strings, `{"…"}` string literals, `true` for bare names. */
function jsxAttributes(node: HastLike): Record<string, string | true> {
  const attributes: Record<string, string | true> = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== 'mdxJsxAttribute' || !attribute.name) continue;
    const value = attribute.value;
    if (value === null || value === undefined) attributes[attribute.name] = true;
    else if (typeof value === 'string') attributes[attribute.name] = value;
    else if (typeof value === 'object' && typeof (value as { value?: unknown }).value === 'string') {
      // An expression value: the allow-list only lets a string literal ({"…"}) or an image name through.
      const source = (value as { value: string }).value.trim();
      attributes[attribute.name] = /^(["'])[\s\S]*\1$/.test(source) ? String(JSON.parse(source.startsWith("'") ? `"${source.slice(1, -1).replace(/"/g, '\\"')}"` : source)) : true;
    }
  }
  return attributes;
}

/** The text-element tree of an MDX hast: HTML elements as they are, components through `components`. */
export function hastToTextNode(node: HastLike, components: ComponentText): TextNode {
  const children = () => (node.children ?? []).map((child) => hastToTextNode(child, components));
  switch (node.type) {
    case 'root':
      return el('#root', ...children());
    case 'text':
      return typeof node.value === 'string' ? node.value : '';
    case 'element':
      return el(node.tagName ?? 'span', ...children());
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement': {
      if (!node.name) return el('#fragment', ...children());
      const component = components[node.name];
      if (component) return component(jsxAttributes(node), children());
      // Ordinary HTML written in the article (<p>, <sup>, <table> …) renders as itself.
      return el(node.name.toLowerCase(), ...children());
    }
    default:
      // Comments ({/* … */}), imports, raw nodes: no text on the page.
      return '';
  }
}
