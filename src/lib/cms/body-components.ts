/**
 * The two things in an article body that Decap's Markdown editor cannot write by itself, as editor components:
 * a photo with its caption, written exactly as the site's `<Figure>` (src/components/Figure.astro), and an
 * editor's note, written as an MDX comment `{/* … *\/}` (never shown on the site). Pure: the admin page
 * registers them with CMS.registerEditorComponent; tests/cms-roundtrip.test.ts runs them through Decap's own
 * Markdown serializer.
 *
 * Photos are referenced by a literal path (`src="./images/x.jpg"`), never by an `import`: Decap cannot write
 * import lines, and literal attribute values are what the MDX allow-list accepts.
 */
export const figureComponentId = 'figure';
export const noteComponentId = 'note';
/** Largest photo the desk uploads, in bytes (Decap says so in Chinese: “文件体积过大”). */
export const maxPhotoBytes = 8_000_000;

export interface FigureData {
  /** `./images/x.jpg`, relative to the case file; empty while the photo is awaited. */
  src: string;
  caption: string;
  /** Alternative text when it should differ from the caption. */
  alt: string;
}

const attributePattern = /\s+([A-Za-z]+)(?:="([^"]*)")?/g;
/** One `<Figure … />` with literal attributes only, alone in its block. */
export const figurePattern = /^<Figure((?:\s+[A-Za-z]+(?:="[^"]*")?)*)\s*\/>/;

const decode = (value: string) => value.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
const encode = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\s*\n\s*/g, ' ');

export function parseFigureAttributes(attributes: string): FigureData {
  const values: Record<string, string> = {};
  for (const [, name, value] of attributes.matchAll(attributePattern)) values[name!] = value === undefined ? '' : decode(value);
  return { src: values.src ?? '', caption: values.caption ?? '', alt: values.alt ?? '' };
}

export function figureFromBlock(match: RegExpMatchArray): FigureData {
  return parseFigureAttributes(match[1] ?? '');
}

/** `<Figure src="./images/x.jpg" caption="说明。" />`, or `<Figure caption="说明。" awaitingPhoto />` without a photo. */
export function figureToBlock(data: Partial<FigureData>): string {
  const parts = ['<Figure'];
  // Decap's media library hands back `images/x.jpg`; the site writes paths relative to the case: `./images/x.jpg`.
  const picked = data.src?.trim();
  const src = picked && !/^(?:\.{1,2}\/|\/|[a-z][a-z0-9+.-]*:)/i.test(picked) ? `./${picked}` : picked;
  if (src) parts.push(`src="${encode(src)}"`);
  if (data.alt?.trim()) parts.push(`alt="${encode(data.alt.trim())}"`);
  parts.push(`caption="${encode(data.caption?.trim() ?? '')}"`);
  if (!src) parts.push('awaitingPhoto');
  return `${parts.join(' ')} />`;
}

export const notePattern = /^\{\/\*\s?([\s\S]*?)\s?\*\/\}/;

export function noteFromBlock(match: RegExpMatchArray): { note: string } {
  return { note: match[1] ?? '' };
}

export function noteToBlock(data: { note?: string }): string {
  const text = (data.note ?? '').replace(/\*\//g, '*／').replace(/\s*\n\s*/g, ' ').trim();
  return `{/* ${text} */}`;
}

/** The editor components as Decap's registerEditorComponent takes them (without the preview, added by the page). */
export function bodyComponents() {
  return [
    {
      id: figureComponentId,
      label: '照片',
      fields: [
        { name: 'src', label: '照片', widget: 'image', required: false, choose_url: false,
          media_library: { config: { max_file_size: maxPhotoBytes, multiple: false } },
          hint: '照片用 JPG、PNG 或 WebP，不超过 8 MB。还没有照片就先空着，只写说明。' },
        { name: 'caption', label: '图片说明', widget: 'string', hint: '照片下方的说明文字，照原版录入，以句号结尾。' },
        { name: 'alt', label: '替代文字', widget: 'string', required: false, hint: '一般空着（用图片说明）；说明没讲清照片内容时再写。' },
      ],
      pattern: figurePattern,
      fromBlock: figureFromBlock,
      toBlock: figureToBlock,
    },
    {
      id: noteComponentId,
      label: '编辑注释',
      fields: [{ name: 'note', label: '注释（不在网站上显示）', widget: 'text' }],
      pattern: notePattern,
      fromBlock: noteFromBlock,
      toBlock: noteToBlock,
    },
  ];
}
