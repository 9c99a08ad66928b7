/**
 * Which Decap widget edits each schema field, and the hint shown under it. Keyed by the field's path in the
 * schema (`source.publication`); the label is the one `npm run check` prints (field-labels.ts), so the desk and
 * the check name a field the same way. tests/cms-config.test.ts fails when a schema field has no entry here or
 * an entry names no schema field.
 */
import type { SchemaField } from './schema-fields.ts';

/** A Decap field, minus what is generated: name, label, required, default and nested fields. */
export type WidgetSpec = Record<string, unknown> & { widget: string; hint?: string };

/** Lists the desk builds from the project's data (regions.json, topics.yaml). */
export interface WidgetOptions {
  regions: { label: string; value: string }[];
  topics: { label: string; value: string }[];
}

const datePrecisionOptions = [
  { label: '精确到日（知道哪一天）', value: 'day' },
  { label: '只知道年和月', value: 'month' },
  { label: '只知道年份', value: 'year' },
];

export function widgetTable(options: WidgetOptions): Record<string, WidgetSpec> {
  return {
    kicker: { widget: 'string', hint: '引题：印在主题上方的一行小字，没有就空着。' },
    title: { widget: 'string', hint: '主题：报纸上最大的那行标题。' },
    subtitle: { widget: 'string', hint: '副题：印在主题下方，常以“——”开头；没有就空着。' },
    titleNote: { widget: 'text', hint: '只在原版标题丢失、由编辑拟定标题时填写，说明来由。' },
    editorNote: { widget: 'text', hint: '编者按：原版正文前的编者按语，照原文录入；没有就空着。' },
    organisation: { widget: 'string', hint: '文章介绍的单位，写全称，如“湖州市劳动模范协会”。' },
    region: {
      widget: 'select',
      options: options.regions,
      hint: '单位所在的地区。可以直接输入“平阳”等字查找。',
    },
    topics: {
      widget: 'select',
      multiple: true,
      options: options.topics,
      hint: '选一个或几个话题；话题表在 content/topics.yaml，需要新话题请联系网站维护人员。',
    },
    byline: { widget: 'string', hint: '作者或通讯员署名，如“通讯员 张三”；没有就空着。' },
    source: { widget: 'object', collapsed: false, hint: '这篇文章印在哪里。' },
    'source.publication': { widget: 'string', hint: '刊物名称，如“劳模工匠专版”。' },
    'source.page': { widget: 'string', hint: '版面，如“第3版”；不知道就空着。' },
    'source.file': { widget: 'string', hint: '原始排版文件名（content/sources/ 中），导入时自动填写；手工录入的文章空着。' },
    number: {
      widget: 'number',
      value_type: 'int',
      min: 1,
      step: 1,
      hint: '期号：报纸上印的第几期。原版印了就照填；没有印就空着，网站按日期自动编号。已有的期号不要改。',
    },
    series: { widget: 'object', collapsed: false, hint: '属于某个系列时填写，如“全省各市劳模协会工作交流”和“湖州篇”；不是系列就两项都空着。' },
    'series.name': { widget: 'string', hint: '系列名称。' },
    'series.part': { widget: 'string', hint: '本期在系列中的篇名，如“湖州篇”。' },
    cases: {
      widget: 'list',
      allow_add: true,
      collapsed: false,
      hint: '本期专版刊登的文章，按版面上的先后排列；拖动左侧的把手可以调整顺序。',
      field: {
        name: 'case',
        label: '文章',
        widget: 'relation',
        collection: 'cases',
        value_field: '{{slug}}',
        search_fields: ['title', 'organisation'],
        display_fields: ['title'],
      },
    },
    date: {
      widget: 'datetime',
      format: 'YYYY-MM-DD',
      date_format: 'YYYY-MM-DD',
      time_format: false,
      picker_utc: true,
      hint: '刊出日期。只知道年份时填该年的 1 月 1 日，只知道年月时填该月 1 日，再在下面选择“日期精度”（保存时编辑台按精度自动改成 1 日）。',
    },
    datePrecision: {
      widget: 'select',
      options: datePrecisionOptions,
      hint: '网站按这里显示日期：“2021年”“2021年5月”或“2021年5月8日”。',
    },
    dateNote: { widget: 'text', hint: '日期是推断出来的时候，写明依据，如“原版未印日期，正文称……”。' },
    draft: { widget: 'boolean', hint: '打开后文章不在网站上显示，也不进搜索。' },
  };
}

/** Paths of every schema field, `source.publication` style. */
export function fieldPaths(fields: readonly SchemaField[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    return [path, ...(field.fields ? fieldPaths(field.fields, path) : [])];
  });
}
