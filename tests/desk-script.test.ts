import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deskScriptEntry, deskScriptSource, deskScriptSrc } from '../src/lib/cms/desk-script.ts';

describe('the desk script the admin page links', () => {
  it('is the bundle beside /admin/ in a build, under any base path', () => {
    expect(deskScriptSrc(false, '/')).toBe(`desk/${deskScriptEntry}`);
    expect(deskScriptSrc(false, '/laomo/')).toBe(`desk/${deskScriptEntry}`);
  });

  it('is the source, under the base path, in astro dev; and that source exists', () => {
    expect(deskScriptSrc(true, '/')).toBe('/src/admin/desk.ts');
    expect(deskScriptSrc(true, '/laomo')).toBe('/laomo/src/admin/desk.ts');
    expect(existsSync(join(import.meta.dirname, '..', deskScriptSource))).toBe(true);
  });
});
