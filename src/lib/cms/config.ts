/**
 * The Decap CMS configuration of the editors' desk, generated from the project's schemas (src/schemas) and data
 * (regions, topics): every schema field gets the widget of widgets.ts, the label the check prints, and
 * `required`/`default` from zod. Pure: the caller passes the data and the build settings.
 */
import { fieldName } from '../content-check/field-labels.ts';
import type { SchemaField } from './schema-fields.ts';
import { widgetTable, type WidgetOptions, type WidgetSpec } from './widgets.ts';
import type { DeskBackend } from './backend.ts';
import { figureComponentId, noteComponentId } from './body-components.ts';
import { deskFormats, newEntrySlug } from './new-entry-id.ts';

export type DecapField = Record<string, unknown> & { name: string; label: string; widget: string };

export interface CmsConfigInput extends WidgetOptions {
  caseFields: readonly SchemaField[];
  issueFields: readonly SchemaField[];
  backend: DeskBackend;
  /** The site's public address, shown as “查看网站”. */
  siteUrl?: string;
}

/** Where case photos live: next to the cases, in the folder the build optimises with sharp. */
export const caseMediaFolder = 'images';

/** `title` → `标题`: the Chinese name `npm run check` uses for the field. */
export function labelOf(path: readonly string[]): string {
  const named = /（([^（）]+)）$/.exec(fieldName(path));
  return named ? named[1]! : path[path.length - 1]!;
}

export function deskFields(fields: readonly SchemaField[], table: Record<string, WidgetSpec>, prefix: string[] = [], parentRequired = true): DecapField[] {
  return fields.map((field) => {
    const path = [...prefix, field.name];
    const spec = table[path.join('.')];
    if (!spec) throw new Error(`编辑台没有为字段 ${path.join('.')}（${labelOf(path)}）配置编辑控件：请在 src/lib/cms/widgets.ts 中添加。`);
    // Members of an optional group (series) are optional in the form: the check still insists on series.name
    // when the group is filled in.
    const required = parentRequired && field.required;
    const decap: DecapField = { name: field.name, label: labelOf(path), ...spec, required };
    if (field.default !== undefined) decap.default = field.default;
    if (field.fields) decap.fields = deskFields(field.fields, table, path, required);
    return decap;
  });
}

const bodyField: DecapField = {
  name: 'body',
  label: '正文',
  widget: 'markdown',
  hint: '小标题用“标题 2”。插入照片：点“+”选“照片”，上传照片并写说明；只有说明、还没有照片的，勾选“等待配图”。',
  modes: ['rich_text', 'raw'],
  buttons: ['bold', 'italic', 'link', 'heading-two', 'heading-three', 'quote', 'bulleted-list', 'numbered-list'],
  editor_components: [figureComponentId, noteComponentId],
  sanitize_preview: true,
};

/** Commit messages in Chinese: they are what editors see in the history of the repository. */
export const commitMessages = {
  create: '编辑台：新建{{collection}}“{{slug}}”',
  update: '编辑台：修改{{collection}}“{{slug}}”',
  delete: '编辑台：删除{{collection}}“{{slug}}”',
  uploadMedia: '编辑台：上传照片“{{path}}”',
  deleteMedia: '编辑台：删除照片“{{path}}”',
};

/**
 * The lists say which entries are drafts (`draft: true`, as `npm run import` writes them): “【草稿】标题（日期）”,
 * and the list can be narrowed to drafts or to published entries.
 */
export const draftSummary = "{{draft | ternary('【草稿】', '')}}{{title}}（{{date}}）";
export const draftFilters = [
  { label: '草稿', field: 'draft', pattern: true },
  { label: '已发布', field: 'draft', pattern: false },
];

export function buildCmsConfig(input: CmsConfigInput): Record<string, unknown> {
  const table = widgetTable(input);
  return {
    locale: 'zh_Hans',
    backend: { ...input.backend.backend, commit_messages: commitMessages },
    publish_mode: input.backend.publish_mode,
    ...(input.siteUrl ? { site_url: input.siteUrl, display_url: input.siteUrl } : {}),
    show_preview_links: false,
    media_folder: `content/cases/${caseMediaFolder}`,
    public_folder: `./${caseMediaFolder}`,
    // Ids are ASCII like the rest of the site's addresses (the pinyin of new-entry-id.ts already is).
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'cases',
        label: '案例文章',
        label_singular: '案例文章',
        description: '每篇文章一个文件（content/cases/）。保存时由“内容检查”把关，草稿标“【草稿】”。',
        folder: 'content/cases',
        extension: 'mdx',
        format: deskFormats.cases.name,
        create: true,
        // region + the title's pinyin, as npm run new proposes (new-entry-id.ts); made once, on the first save.
        slug: newEntrySlug,
        identifier_field: 'title',
        summary: draftSummary,
        sortable_fields: ['date', 'title', 'organisation'],
        view_filters: draftFilters,
        media_folder: caseMediaFolder,
        public_folder: `./${caseMediaFolder}`,
        fields: [...deskFields(input.caseFields, table), bodyField],
      },
      {
        name: 'issues',
        label: '专版',
        label_singular: '专版',
        description: '一期专版一个文件（content/issues/），列出本期刊登的文章。',
        folder: 'content/issues',
        extension: 'yaml',
        format: deskFormats.issues.name,
        create: true,
        slug: newEntrySlug,
        identifier_field: 'title',
        summary: draftSummary,
        sortable_fields: ['date', 'title'],
        view_filters: draftFilters,
        fields: deskFields(input.issueFields, table),
      },
    ],
  };
}
