/** The import report as the editor reads it (Chinese, plain text). */
import type { ImportReport, Repair, RepairKind } from './types.ts';

const SECTIONS: [RepairKind[], string][] = [
  [['join', 'join-far'], '接续被分栏打断的段落'],
  [['fragment-heading'], '把误当标题的断句并回正文'],
  [['duplicate'], '删除完全重复的段落'],
  [['repeated-fragment'], '删除段尾重复前文的残句'],
  [['moved'], '移动标题错位的段落'],
  [['to-field', 'markup'], '移入字段或去掉的标记'],
];

export function formatReport(report: ImportReport): string {
  const out: string[] = [];
  out.push(`导入报告：${report.file}（编码：${report.encoding}）`);
  out.push(`识别出 ${report.articles.length} 篇文章：`);
  report.articles.forEach((a, i) => out.push(`  ${i + 1}. ${a.id}　《${a.title}》　单位：${a.organisation || '（未识别）'}`));

  out.push('', '自动修复：');
  for (const [kinds, label] of SECTIONS) {
    const items = report.repairs.filter((r) => kinds.includes(r.kind));
    if (items.length === 0) continue;
    out.push(`  · ${label}：${items.length} 处`);
    for (const item of items) out.push(`      ${line(item)}`);
  }
  const p = report.punctuation;
  if (p.count > 0) {
    out.push(`  · 中文里的半角标点改为全角：${p.count} 处，例如：`);
    for (const e of p.examples) out.push(`      ${e.before} → ${e.after}`);
  }
  if (report.captions.length > 0) {
    out.push(`  · 图片说明 ${report.captions.length} 条，已转为 <Figure … awaitingPhoto />（照片待补）：`);
    for (const c of report.captions) out.push(`      第 ${c.line} 行　${c.text}`);
  }

  out.push('', report.warnings.length > 0 ? `需要编辑核对（${report.warnings.length} 条）：` : '需要编辑核对：无');
  for (const w of report.warnings) {
    out.push(`  · ${w.line ? `第 ${w.line} 行：` : ''}${w.message}${w.excerpt ? `「${w.excerpt}」` : ''}`);
  }
  return out.join('\n');
}

function line(item: Repair): string {
  return `第 ${item.line} 行：${item.message}${item.excerpt ? `「${item.excerpt}」` : ''}`;
}
