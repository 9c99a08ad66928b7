import { describe, expect, it, vi } from 'vitest';
import { fieldName } from '../src/lib/content-check/field-labels.ts';
import { deskBackend } from '../src/lib/cms/backend.ts';
import { caseFields, issueFields, loadDeskConfig } from '../src/lib/cms/desk-config.ts';
import type { SchemaField } from '../src/lib/cms/schema-fields.ts';
import { fieldPaths, widgetTable } from '../src/lib/cms/widgets.ts';
import { deskFields } from '../src/lib/cms/config.ts';
import { loadDecap } from '../scripts/lib/decap-node.ts';

const root = process.cwd();
type Field = { name: string; label: string; widget: string; fields?: Field[]; options?: { label: string; value: string }[]; required?: boolean };
const config = loadDeskConfig(root, {}) as { collections: { name: string; fields: Field[] }[] };
const collection = (name: string) => config.collections.find((item) => item.name === name)!;

/** Paths of the widgets of a generated collection, `source.publication` style. */
function widgetPaths(fields: readonly Field[], prefix = ''): string[] {
  return fields.flatMap((field) => {
    const path = prefix ? `${prefix}.${field.name}` : field.name;
    return [path, ...(field.fields ? widgetPaths(field.fields, path) : [])];
  });
}

describe('desk configuration generated from src/schemas', () => {
  it.each([
    ['cases', caseFields, ['body']],
    ['issues', issueFields, []],
  ] as const)('%s: every schema field has a widget and every widget a schema field', (name, fields, extra) => {
    const schema = fieldPaths(fields);
    const widgets = widgetPaths(collection(name).fields);
    expect(schema.filter((path) => !widgets.includes(path))).toEqual([]);
    expect(widgets.filter((path) => !schema.includes(path))).toEqual([...extra]);
  });

  it('the widget table names no field the schemas do not have', () => {
    const schema = new Set([...fieldPaths(caseFields), ...fieldPaths(issueFields)]);
    const table = Object.keys(widgetTable({ regions: [], topics: [] }));
    expect(table.filter((path) => !schema.has(path))).toEqual([]);
  });

  it('refuses to generate a config for a schema field without a widget', () => {
    const extraField: SchemaField = { name: 'photographer', type: 'string', required: false };
    expect(() => deskFields([...caseFields, extraField], widgetTable({ regions: [], topics: [] }))).toThrow(/photographer/);
  });

  it('labels every field as the check names it', () => {
    const walk = (fields: readonly Field[], prefix: string[] = []): void => {
      for (const field of fields) {
        const path = [...prefix, field.name];
        if (field.name !== 'body') expect(fieldName(path)).toBe(`${path.join('.')}（${field.label}）`);
        if (field.fields) walk(field.fields, path);
      }
    };
    walk(collection('cases').fields);
    walk(collection('issues').fields);
  });

  it('offers every region as “city › county” and every topic', () => {
    const region = collection('cases').fields.find((field) => field.name === 'region')!;
    expect(region.widget).toBe('select');
    expect(region.options).toHaveLength(102);
    expect(region.options).toContainEqual({ label: '温州市 › 平阳县', value: 'pingyang' });
    expect(region.options).toContainEqual({ label: '浙江省', value: 'zhejiang' });
    const topics = collection('cases').fields.find((field) => field.name === 'topics')!;
    expect(topics.options).toContainEqual({ label: '志愿服务', value: 'zhiyuan-fuwu' });
  });

  it('required and optional follow zod; the members of an optional group are optional in the form', () => {
    const fields = collection('issues').fields;
    expect(fields.find((field) => field.name === 'title')!.required).toBe(true);
    expect(fields.find((field) => field.name === 'kicker')!.required).toBe(false);
    expect(fields.find((field) => field.name === 'series')!.fields!.every((field) => field.required === false)).toBe(true);
    expect(fields.find((field) => field.name === 'cases')!.widget).toBe('list');
  });
});

describe('backend settings', () => {
  it('defaults to the local git proxy with the editorial workflow', () => {
    expect(deskBackend({})).toEqual({
      backend: { name: 'proxy', proxy_url: 'http://127.0.0.1:8081/api/v1', branch: 'main' },
      publish_mode: 'editorial_workflow',
    });
  });

  it('builds the Gitea, Forgejo and GitLab settings from CMS_*', () => {
    const env = { CMS_REPO: 'laomo/site', CMS_BASE_URL: 'https://git.example.org/', CMS_APP_ID: 'abc' };
    expect(deskBackend({ ...env, CMS_BACKEND: 'gitea' })).toMatchObject({
      backend: { name: 'gitea', repo: 'laomo/site', app_id: 'abc', base_url: 'https://git.example.org', api_root: 'https://git.example.org/api/v1' },
      publish_mode: 'simple',
    });
    expect(deskBackend({ ...env, CMS_BACKEND: 'forgejo' }).publish_mode).toBe('editorial_workflow');
    expect(deskBackend({ ...env, CMS_BACKEND: 'gitlab' })).toMatchObject({
      backend: { name: 'gitlab', auth_type: 'pkce', api_root: 'https://git.example.org/api/v4' },
    });
  });

  it('says in Chinese which setting is missing', () => {
    expect(() => deskBackend({ CMS_BACKEND: 'gitea', CMS_BASE_URL: 'https://git.example.org' })).toThrow(/缺少 CMS_REPO/);
    expect(() => deskBackend({ CMS_BACKEND: 'github' })).toThrow(/不认识/);
  });
});

describe("Decap's own config validation", () => {
  const production = { CMS_REPO: 'laomo/site', CMS_BASE_URL: 'https://git.example.org', CMS_APP_ID: 'abc', SITE_URL: 'https://laomo.example.org' };
  it.each(['proxy', 'gitea', 'forgejo', 'gitlab'])('accepts the generated config for %s', async (backend) => {
    const decap = await loadDecap();
    expect(() => decap.validateConfig(loadDeskConfig(root, { ...production, CMS_BACKEND: backend }))).not.toThrow();
  });

  it('lists drafts as “【草稿】标题（日期）” (Decap’s own summary formatter), and offers a 草稿 filter', async () => {
    const decap = await loadDecap();
    const config = loadDeskConfig(root, {}) as { collections: Record<string, unknown>[] };
    for (const collection of config.collections) {
      const immutable = decap.fromJS(collection);
      const title = (draft: boolean) => decap.summaryFormatter(collection.summary as string, decap.fromJS({ path: 'content/x/a.yaml', data: { title: '标题', date: '2023-05-01', draft } }), immutable);
      expect(title(true)).toBe('【草稿】标题（2023-05-01）');
      expect(title(false)).toBe('标题（2023-05-01）');
      expect(collection.view_filters).toContainEqual({ label: '草稿', field: 'draft', pattern: true });
    }
  });

  it('rejects a broken config (the validator is really running)', async () => {
    const decap = await loadDecap();
    const broken = loadDeskConfig(root, {}) as { collections: Record<string, unknown>[] };
    broken.collections[0] = { ...broken.collections[0], fields: [{ name: 'region', widget: 'relation' }] };
    vi.spyOn(console, 'error').mockImplementation(() => {}); // Decap prints the errors it throws
    expect(() => decap.validateConfig(broken)).toThrow(/label|collection/);
  });
});
