/**
 * Site settings an editor keeps in `content/site.yaml`: the contact line, where to send contributions (投稿) and
 * the ICP 备案 number. Shown on /about/; the footer shows the ICP number when it is set. Pure parsing and
 * checking (used by `npm run check` and by the pages).
 */
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';

export interface SiteSettings {
  /** 联系方式, e.g. “浙江省劳动模范协会办公室 电话 0571-00000000”. */
  contact?: string;
  /** 投稿邮箱. */
  submissionEmail?: string;
  /** 投稿地址（邮寄）. */
  submissionAddress?: string;
  /** ICP 备案号, e.g. “浙ICP备12345678号-1”. */
  icp?: string;
}

export interface SettingsProblem {
  line?: number;
  field: string;
  message: string;
  hint?: string;
  severity: 'error' | 'warning';
}

export const settingsFields: Record<keyof SiteSettings, string> = {
  contact: 'contact（联系方式）',
  submissionEmail: 'submissionEmail（投稿邮箱）',
  submissionAddress: 'submissionAddress（投稿地址）',
  icp: 'icp（ICP 备案号）',
};

const emailPattern = /^[^\s@<>"']+@[^\s@<>"']+\.[A-Za-z]{2,}$/;
/** 浙ICP备12345678号, 浙ICP备12345678号-1 */
export const icpPattern = /^[\u4e00-\u9fff]ICP备\d{6,10}号(?:-\d{1,3})?$/;
/** Where an ICP number links to (the MIIT filing system), as the rules ask. */
export const icpLink = 'https://beian.miit.gov.cn/';

/** Settings from the text of content/site.yaml, and what is wrong with it (file line and field named). */
export function parseSiteSettings(text: string): { settings: SiteSettings; problems: SettingsProblem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineAt = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const problems: SettingsProblem[] = [];
  if (doc.errors.length) {
    for (const error of doc.errors) {
      const { line } = lineCounter.linePos(Math.min(error.pos[0], text.length));
      const message = error.code === 'DUPLICATE_KEY' ? `格式错误（第 ${line} 行）：同一项写了两次，请删去一行` : `格式错误（第 ${line} 行）：请检查冒号后是否有空格、引号是否成对`;
      problems.push({ line, field: '(格式)', message, severity: 'error' });
    }
    return { settings: {}, problems };
  }
  if (doc.contents === null) return { settings: {}, problems };
  if (!isMap(doc.contents)) {
    return { settings: {}, problems: [{ line: 1, field: '(格式)', message: '网站设置应是“名称: 内容”的若干行', hint: '参见文件开头的说明。', severity: 'error' }] };
  }
  const settings: SiteSettings = {};
  for (const pair of doc.contents.items) {
    const key = String((pair.key as { value?: unknown } | null)?.value ?? '');
    const line = lineAt(pair.key as Node);
    if (!Object.hasOwn(settingsFields, key)) {
      problems.push({ line, field: key || '(空)', message: `没有 “${key}” 这一项`, hint: `可以填写的项目：${Object.values(settingsFields).join('、')}。`, severity: 'error' });
      continue;
    }
    const field = key as keyof SiteSettings;
    const raw = (pair.value as { value?: unknown } | null)?.value;
    if (raw === null || raw === undefined || raw === '') continue; // left empty: not shown
    if (typeof raw !== 'string' && typeof raw !== 'number') {
      problems.push({ line, field: settingsFields[field], message: '应填一行文字', severity: 'error' });
      continue;
    }
    const value = String(raw).trim();
    if (field === 'submissionEmail' && !emailPattern.test(value)) {
      problems.push({ line, field: settingsFields[field], message: `“${value}” 不是电子邮箱地址`, hint: '写作 tougao@example.org。', severity: 'error' });
      continue;
    }
    if (field === 'icp' && !icpPattern.test(value)) {
      problems.push({ line, field: settingsFields[field], message: `“${value}” 不是 ICP 备案号的写法`, hint: '照备案系统中的写法填写，如 浙ICP备12345678号 或 浙ICP备12345678号-1。', severity: 'error' });
      continue;
    }
    settings[field] = value;
  }
  if (!settings.contact) problems.push({ field: settingsFields.contact, message: '还没有填写联系方式，“关于本站”页面不显示联系信息', severity: 'warning' });
  if (!settings.icp) problems.push({ field: settingsFields.icp, message: '还没有填写 ICP 备案号；网站在中国大陆上线前须填写，页脚会显示它', severity: 'warning' });
  return { settings, problems };
}
