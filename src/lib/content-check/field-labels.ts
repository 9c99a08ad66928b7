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
  number: '期号',
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

/** How an item of a list is counted: `第 2 个话题`, `第 1 篇文章`. */
const listItems: Record<string, string> = { topics: '个话题', cases: '篇文章', keywords: '个关键词' };

/**
 * `region` → `region（地区）`, `source.publication` → `source.publication（刊物）` (the key as written in the
 * file, then its Chinese name); an item of a list reads `第 2 个话题（topics）`, `第 1 篇文章（cases）`.
 */
export function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(整个文件)';
  const index = path.findIndex((key) => typeof key === 'number');
  if (index > 0) {
    const list = path.slice(0, index).join('.');
    const listKey = String(path[index - 1]);
    const item = `第 ${(path[index] as number) + 1} ${listItems[listKey] ?? `项${labels[listKey] ?? ''}`}`;
    const rest = path.slice(index + 1);
    if (!rest.length) return `${item}（${list}）`;
    const inner = fieldName(rest);
    return `${item}的${inner}`;
  }
  if (index === 0) return `第 ${(path[0] as number) + 1} 项的${fieldName(path.slice(1))}`;
  const text = path.join('.');
  const last = path.at(-1) as string;
  return labels[last] ? `${text}（${labels[last]}）` : text;
}

/** A field of `content/redirects.yaml`: `第 2 条跳转的新网址（to）`. */
export function redirectFieldName(index: number, key: string): string {
  const name = key === 'from' ? '旧网址' : key === 'to' ? '新网址' : `字段 ${key}`;
  return `第 ${index + 1} 条跳转的${name}${key === 'from' || key === 'to' ? `（${key}）` : ''}`;
}

/**
 * The article-body checks name a component's attribute as `Figure src（图片）`; editors read
 * `图片（<Figure> 的 src）`. Anything else is returned unchanged.
 */
export function bodyFieldName(field: string): string {
  const match = /^<?([A-Z][\w]*)>? ([\w-]+)（(.+)）$/.exec(field);
  return match ? `${match[3]}（<${match[1]}> 的 ${match[2]}）` : field;
}
