/** Chinese names of the fields editors see in check messages: `region（地区）`. */
const labels: Record<string, string> = {
  kicker: '引题',
  title: '标题',
  subtitle: '副题',
  titleNote: '标题说明',
  editorNote: '编者按',
  organisation: '单位',
  region: '地区',
  topics: '话题',
  byline: '作者署名',
  source: '出处',
  publication: '刊物',
  page: '版面',
  file: '原始文件',
  date: '日期',
  datePrecision: '日期精度',
  dateNote: '日期说明',
  draft: '草稿',
  series: '系列',
  name: '名称',
  part: '篇名',
  cases: '文章列表',
  code: '行政区划代码',
  shortName: '简称',
  kind: '类型',
  parent: '上级',
  id: '编号',
};

/** `source.publication` → `source.publication（刊物）`; array indexes shown as `cases[2]`. */
export function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(整个文件)';
  const text = path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
  const last = [...path].reverse().find((key) => typeof key === 'string') as string | undefined;
  return last && labels[last] ? `${text}（${labels[last]}）` : text;
}
