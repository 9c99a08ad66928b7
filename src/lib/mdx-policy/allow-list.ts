/**
 * What an article body (MDX under content/) may contain. The one allow-list behind both `npm run check`
 * (src/lib/content-check/mdx-body.ts) and the MDX compile of the build (./satteri-plugin.ts): anything not
 * listed here is refused, so a new kind of markup is refused until someone decides it is safe.
 */

/**
 * The site's own content components and their attributes: text (quoted, or one JS string literal `{"…"}`),
 * and `src`, which takes an image path under ./images/ (as the desk writes it) or a bare imported image name.
 */
export const contentComponents: Readonly<Record<string, { attributes: readonly string[]; imageAttributes: readonly string[] }>> = {
  Figure: { attributes: ['caption', 'alt', 'awaitingPhoto'], imageAttributes: ['src'] },
  // A visible mark where the printed source is incomplete: <Gap note="原版此处文字不全" />.
  Gap: { attributes: ['note'], imageAttributes: [] },
};

/** Ordinary HTML an editor may write, with the attributes each element may carry (besides `globalAttributes`). */
export const htmlElements: Readonly<Record<string, readonly string[]>> = {
  p: [], br: [], hr: [], span: [], div: [],
  strong: [], b: [], em: [], i: [], u: [], s: [], small: [], mark: [], sub: [], sup: [],
  abbr: [], cite: [], code: [], kbd: [], pre: [], q: ['cite'], blockquote: ['cite'],
  del: ['cite', 'datetime'], ins: ['cite', 'datetime'], time: ['datetime'],
  h2: [], h3: [], h4: [], h5: [], h6: [],
  ul: [], ol: ['start', 'reversed', 'type'], li: ['value'], dl: [], dt: [], dd: [],
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [],
  th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  figure: [], figcaption: [], ruby: [], rt: [], rp: [],
  a: ['href'],
  img: ['src', 'alt', 'width', 'height'],
};

/** Attributes every listed HTML element may carry. No `style`, `class`, `id`, event handlers or `on…`. */
export const globalAttributes: readonly string[] = ['title', 'lang', 'dir'];

/** Attributes whose value is a URL: checked against `allowedUrlForms`. */
export const urlAttributes: ReadonlySet<string> = new Set(['href', 'src', 'cite']);

/**
 * Image files an article may import or show. No SVG: an SVG file can carry script, and Astro inlines
 * imported SVGs into the page.
 */
export const imageExtensions: readonly string[] = ['jpg', 'jpeg', 'png', 'webp', 'avif', 'gif'];

/** Where images live, relative to the article: `./images/…`, no `..`, no query. */
export const imageFolder = './images/';

/** Link, image and URL-attribute values: these schemes, or a site-relative address. */
export const allowedUrlSchemes: ReadonlySet<string> = new Set(['http', 'https', 'mailto', 'tel']);
/** Site-relative forms: `/…` (not `//…`), `./…`, `../…` and `#anchor`. */
export const allowedRelativeUrl = /^(?:\/(?![/\\])|\.\.?\/|#)/;

/** Names an imported image may not take: they would shadow a component or a name the compiled page defines. */
export const reservedImportNames: ReadonlySet<string> = new Set([
  ...Object.keys(contentComponents),
  'MDXContent', 'Content', 'frontmatter', 'file', 'url', 'getHeadings', 'props',
]);

/** Frontmatter keys the MDX compiler itself acts on: `layout` would import a module of the editor's choosing. */
export const refusedFrontmatterKeys: Readonly<Record<string, string>> = { layout: 'layout（版式）' };

/** Markdown node types an article may contain (besides the MDX ones checked one by one). */
export const markdownNodeTypes: ReadonlySet<string> = new Set([
  'root', 'yaml', 'paragraph', 'heading', 'thematicBreak', 'blockquote', 'list', 'listItem', 'code', 'definition',
  'text', 'emphasis', 'strong', 'inlineCode', 'break', 'link', 'image', 'linkReference', 'imageReference',
  'footnoteDefinition', 'footnoteReference', 'table', 'tableRow', 'tableCell', 'delete',
]);

/** One sentence per rule, for error messages: what *is* allowed. */
export const allowedSummary = {
  url: '链接和图片地址只能是 https://、http://、mailto:、tel:，或本站地址（/…、./…、../…、#…）',
  import: `只能导入图片：import 名称 from '${imageFolder}文件名.jpg';（${imageExtensions.join('、')}）`,
  image: `图片放在 content/cases/images/ 中，写作 ./images/文件名.jpg（${imageExtensions.join('、')}），或 https:// 网址`,
  expression: '花括号 { } 里只能写注释 {/* 注释 */}；要显示花括号，请写全角 ｛ ｝ 或 \\{ \\}',
  component: `组件只有 ${Object.keys(contentComponents).map((name) => `<${name}>`).join('、')}，属性值要用引号写成文字，如 caption="……"（含引号时写 caption={"……"}）；图片写 src="./images/文件名.jpg"（或 src={导入的图片名}）`,
  html: '只能用普通排版标签（如 <p> <strong> <em> <sup> <sub> <br> <a href="https://…"> <table>），属性只能是引号里的文字',
} as const;
