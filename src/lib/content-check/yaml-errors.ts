/**
 * The `yaml` library's syntax errors (English, by error code) as Chinese sentences an editor can act on.
 * Some codes cover several situations; the English message (and the line it points at) tells them apart.
 * An unknown code gets a general Chinese explanation plus the original message, so nothing is hidden.
 */

export interface YamlErrorInput {
  code: string;
  message: string;
  /** The text of the line the error points at, when known: `title: 标题：副题`. */
  lineText?: string;
}

export interface YamlErrorExplanation {
  message: string;
  hint: string;
}

const generalHint = '检查这一行的缩进（用空格，不用 Tab）、冒号后的空格和引号是否成对；含有冒号、井号或以引号、括号开头的值，请给整个值加引号。';

/** An unquoted value that itself holds `: ` (e.g. `title: 标题: 副题`) — YAML reads it as a nested field. */
const colonInValue = (lineText = '') => /^\s*(?:-\s+)?[\w.-]+:\s+[^'"\s][^#]*:(?:\s|$)/.test(lineText);

const unclosedFlow = { message: '方括号 [ 或花括号 { 没有闭合（可能在上面一行）', hint: '值以 [ 或 { 开头时会被当成列表；请给整个值加引号，如 title: "[专版] 标题"，或补上 ] }。' };
/** A line with text but no `key:` — the colon was forgotten (or is full-width). */
const missingColon = (lineText = '') => lineText.trim() !== '' && !/^\s*(?:-\s+)?[^\s:#][^:]*:(?:\s|$)/.test(lineText) && !/^\s*-\s/.test(lineText) && !/^\s*#/.test(lineText);

export function explainYamlError({ code, message, lineText }: YamlErrorInput): YamlErrorExplanation {
  if (/Flow (sequence|mapping|collection)|flow collection/i.test(message)) return unclosedFlow;
  if ((code === 'MULTILINE_IMPLICIT_KEY' || code === 'MISSING_CHAR') && missingColon(lineText)) {
    return { message: '这一行缺少冒号，应写作 “字段名: 值”', hint: '字段名后面是半角冒号“:”加一个空格（不能用全角“：”）；这一行如果是上一行的值的延续，请把它接到上一行，或给整个值加引号。' };
  }
  switch (code) {
    case 'TAB_AS_INDENT':
      return { message: '缩进用了 Tab（制表符）', hint: '请把行首的 Tab 换成空格（每级两个空格），与上下行对齐。' };
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (colonInValue(lineText)) {
        return { message: '值里有冒号，被当成了新的字段', hint: '标题（或其他值）里有冒号时，请给整个值加引号，如 title: "标题：副题"（也可以把半角冒号改成全角“：”）。' };
      }
      if (/compact mappings/.test(message)) {
        return { message: '下一行缩进多了，被当成了这个值的一部分', hint: '同一级的字段要从同一列开始：删去下一行开头多出的空格。' };
      }
      return { message: '这一行的写法会被当成字段名', hint: generalHint };
    case 'DUPLICATE_KEY':
      return { message: '同一个字段写了两次', hint: '每个字段只能出现一次：删去重复的一行，或把两行合成一行。' };
    case 'BAD_INDENT':
      return { message: '缩进不对：这一行和同级的行没有对齐', hint: '同一级的字段要从同一列开始；下一级（如 source: 下面的 publication:）多缩进两个空格；列表项 “- ” 彼此对齐。' };
    case 'MISSING_CHAR':
      if (/closing "quote/.test(message)) return { message: '双引号没有闭合', hint: '值开头有 "，结尾也要有 "；值里面要用引号时请用中文引号“”。' };
      if (/closing 'quote/.test(message)) return { message: '单引号没有闭合', hint: "值开头有 '，结尾也要有 '；值里面要用引号时请用中文引号“”。" };
      if (/followed by map values/.test(message)) return { message: '字段名后面缺少冒号', hint: '每个字段写作 “字段名: 值”，冒号是半角的“:”，后面有一个空格。' };
      if (/Missing space after :/.test(message)) return { message: '冒号后面缺少空格', hint: '写作 “字段名: 值”，半角冒号后面加一个空格。' };
      if (/Missing ,/.test(message)) return { message: '方括号列表里缺少逗号', hint: '写作 [甲, 乙]，或改为每行一项的 “- ” 列表。' };
      if (/separated from other tokens/.test(message)) return { message: '井号 # 前缺少空格', hint: '# 之后的内容是注释；值里要用 # 时请给整个值加引号。' };
      if (/Sequence item without -/.test(message)) return { message: '列表项缺少开头的 “- ”', hint: '列表每项一行，以 “- ”（半角减号加空格）开头，彼此对齐。' };
      break;
    case 'MULTILINE_IMPLICIT_KEY':
      return { message: '字段名跨了行，或上一行的值没有写完', hint: '检查上一行的引号是否闭合；一个值要写成多行时，请给整个值加引号。' };
    case 'BAD_SCALAR_START':
      return { message: '值不能以这个符号开头', hint: '以 @ ` % 等符号开头的值，请给整个值加引号。' };
    case 'BAD_DQ_ESCAPE':
      return { message: '双引号里的反斜杠 \\ 写法不对', hint: '双引号里的 \\ 有特殊含义：请改用单引号，或把 \\ 写成 \\\\。' };
    case 'UNEXPECTED_TOKEN':
      if (/Unexpected .* in (flow|collection|flow map|flow sequence)|Unexpected , in/.test(message)) {
        return { message: '括号或逗号用得不对', hint: '值里有 [ ] { } 或以它们开头时，请给整个值加引号；列表请用每行一项的 “- ”。' };
      }
      if (/at node end/.test(message) && /["']/.test(lineText ?? '')) {
        return { message: '引号后面还有文字', hint: '引号要把整个值括起来，如 title: "标题"；值里面要用引号时请用中文引号“”。' };
      }
      return { message: '这里有多余的内容', hint: generalHint };
    case 'BLOCK_IN_FLOW':
      return { message: '方括号或花括号里不能换行写列表', hint: '改为每行一项的 “- ” 列表，或把整个值加引号。' };
    case 'MULTIPLE_DOCS':
      return { message: '文件里有多余的 --- 分隔线', hint: '一个文件只能有一组字段：删去多余的 --- 行。' };
    case 'BAD_ALIAS':
    case 'ALIAS_PROPS':
    case 'MULTIPLE_ANCHORS':
      return { message: '值里的 & 或 * 被当成了 YAML 的特殊符号', hint: '以 & 或 * 开头的值，请给整个值加引号。' };
    case 'TAG_RESOLVE_FAILED':
    case 'MULTIPLE_TAGS':
    case 'BAD_PROP_ORDER':
      return { message: '值里的 ! 被当成了 YAML 的特殊符号', hint: '以 ! 开头的值，请给整个值加引号。' };
    case 'KEY_OVER_1024_CHARS':
      return { message: '字段名太长（可能漏了冒号后的空格或换行）', hint: generalHint };
  }
  return { message: `格式错误（${message}）`, hint: generalHint };
}
