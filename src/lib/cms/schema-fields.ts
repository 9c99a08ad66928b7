/**
 * The fields of a zod object schema as the desk needs them: name, whether an editor must fill it in, its
 * default, and the nested fields of objects. Reads zod 4's own definitions (`def.type`), so a field added to
 * src/schemas shows up here without anyone copying it.
 */
import type { z } from 'astro/zod';

export interface SchemaField {
  name: string;
  /** zod's type of the innermost schema: string, boolean, date, enum, array, object… */
  type: string;
  required: boolean;
  default?: unknown;
  /** enum members */
  values?: readonly string[];
  /** array element type */
  element?: string;
  /** object members */
  fields?: SchemaField[];
}

interface Def {
  type: string;
  innerType?: z.ZodType;
  defaultValue?: unknown;
  element?: z.ZodType;
  entries?: Record<string, string>;
  shape?: Record<string, z.ZodType>;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { def: Def }).def;

function describe(name: string, schema: z.ZodType): SchemaField {
  let required = true;
  let defaultValue: unknown;
  let current = schema;
  for (;;) {
    const def = defOf(current);
    if (def.type === 'optional' || def.type === 'nullable') {
      required = false;
      current = def.innerType!;
    } else if (def.type === 'default') {
      required = false;
      defaultValue = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      current = def.innerType!;
    } else if (def.type === 'pipe') {
      current = def.in!;
    } else break;
  }
  const def = defOf(current);
  const field: SchemaField = { name, type: def.type, required };
  if (defaultValue !== undefined) field.default = defaultValue;
  if (def.type === 'enum') field.values = Object.values(def.entries ?? {});
  if (def.type === 'array') field.element = describe('', def.element!).type;
  if (def.type === 'object') field.fields = schemaFields(current);
  return field;
}

/** The members of a zod object, in declaration order. */
export function schemaFields(schema: z.ZodType): SchemaField[] {
  // A schema with a whole-entry transform (e.g. settling the date's precision) is a pipe from the object.
  let current = schema;
  while (defOf(current).type === 'pipe') current = defOf(current).in!;
  const shape = defOf(current).shape;
  if (!shape) throw new Error(`不是对象 schema：${defOf(current).type}`);
  return Object.entries(shape).map(([name, member]) => describe(name, member));
}
