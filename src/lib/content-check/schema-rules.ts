import type { z } from 'astro/zod';
import type { ParsedSource } from './parse-source.ts';
import type { Problem } from './problem.ts';
import { fieldName } from './field-labels.ts';

type Issue = z.core.$ZodIssue;

/** Zod's English messages turned into sentences an editor can act on. */
function describeIssue(issue: Issue, value: unknown): { message: string; hint?: string } {
  switch (issue.code) {
    case 'invalid_type':
      return value === undefined
        ? { message: '缺少必填字段', hint: '请补上这一项，可参照 content/ 中已有的文件。' }
        : { message: `类型不对：应为${typeName(issue.expected)}`, hint: '日期写作 2022-01-11；列表每项以 “- ” 开头。' };
    case 'too_small':
      return issue.origin === 'array' ? { message: `至少需要 ${issue.minimum} 项` } : { message: '不能为空' };
    case 'invalid_value':
      return { message: `取值不在允许范围内，可选：${issue.values.map(String).join(' / ')}` };
    case 'invalid_format':
      return { message: issue.message };
    case 'unrecognized_keys':
      return { message: `无法识别的字段：${issue.keys.join('、')}`, hint: '检查字段名是否拼写错误。' };
    default:
      return { message: issue.message };
  }
}

const typeNames: Record<string, string> = { string: '文字', number: '数字', boolean: 'true 或 false', date: '日期', array: '列表', object: '对象' };
const typeName = (expected: string) => typeNames[expected] ?? expected;

const valueAt = (data: unknown, path: readonly PropertyKey[]) =>
  path.reduce<unknown>((value, key) => (value == null ? undefined : (value as Record<PropertyKey, unknown>)[key]), data);

/** Validate one entry's data against its schema; every issue becomes a problem with the field's line. */
export function schemaProblems(file: string, source: ParsedSource, data: unknown, schema: z.ZodType, pathPrefix: (string | number)[] = []): Problem[] {
  const result = schema.safeParse(data);
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
    const { message, hint } = describeIssue(issue, valueAt(data, path));
    return { file, line: source.lineOf([...pathPrefix, ...path]), field: fieldName(path), message, hint, severity: 'error' as const };
  });
}
