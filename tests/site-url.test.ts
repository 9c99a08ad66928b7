import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isProductionBuild, placeholderSiteUrl, siteUrlFromEnv, siteUrlVerdict } from '../src/lib/site-url.ts';
import { astroCommandEnv } from './support/child-process.ts';

describe('the site address (SITE_URL)', () => {
  it('takes scheme and host from SITE_URL', () => {
    expect(siteUrlFromEnv({ SITE_URL: 'https://laomo.zjgh.org/' })).toEqual({ url: 'https://laomo.zjgh.org', placeholder: false });
    expect(siteUrlFromEnv({ SITE_URL: ' http://127.0.0.1:8080 ' }).url).toBe('http://127.0.0.1:8080');
  });

  it('falls back to the placeholder only when SITE_URL is unset or empty', () => {
    expect(siteUrlFromEnv({})).toEqual({ url: placeholderSiteUrl, placeholder: true });
    expect(siteUrlFromEnv({ SITE_URL: '' }).placeholder).toBe(true);
  });

  it('refuses, in Chinese, an address that is not scheme + host', () => {
    expect(() => siteUrlFromEnv({ SITE_URL: 'laomo.zjgh.org' })).toThrow(/不是网址/);
    expect(() => siteUrlFromEnv({ SITE_URL: 'ftp://laomo.zjgh.org' })).toThrow(/http:\/\/ 或 https:\/\//);
    expect(() => siteUrlFromEnv({ SITE_URL: 'https://zjgh.org/laomo/' })).toThrow(/BASE_PATH=\/laomo\//);
  });

  it('treats NODE_ENV=production and CI as production builds', () => {
    expect(isProductionBuild({ NODE_ENV: 'production' })).toBe(true);
    expect(isProductionBuild({ CI: 'true' })).toBe(true);
    expect(isProductionBuild({ CI: '1' })).toBe(true);
    expect(isProductionBuild({ CI: 'false' })).toBe(false);
    expect(isProductionBuild({ NODE_ENV: 'development' })).toBe(false);
    expect(isProductionBuild({})).toBe(false);
  });

  it('makes a production build without SITE_URL an error, and a local one a notice', () => {
    expect(siteUrlVerdict({ CI: 'true' }).error).toMatch(/正式构建必须设置网站地址 SITE_URL/);
    expect(siteUrlVerdict({ NODE_ENV: 'production' }).error).toBeDefined();
    const local = siteUrlVerdict({});
    expect(local.error).toBeUndefined();
    expect(local.notice).toMatch(/占位地址 https:\/\/laomo\.example\.org/);
    expect(siteUrlVerdict({ CI: 'true', SITE_URL: 'https://laomo.zjgh.org' })).toEqual({ site: { url: 'https://laomo.zjgh.org', placeholder: false } });
  });
});

describe('npm run build without SITE_URL', () => {
  const root = join(import.meta.dirname, '..');
  const outDir = join(root, 'node_modules/.cache/site-url-test-dist');
  const failure = (command: string, args: string[], env: NodeJS.ProcessEnv) => {
    try {
      execFileSync(command, args, { cwd: root, env, encoding: 'utf8', stdio: 'pipe' });
      return undefined;
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      return `${stdout}${stderr}`;
    }
  };

  it('fails with NODE_ENV=production, in Chinese, before Astro starts', () => {
    const env = astroCommandEnv({ NODE_ENV: 'production', SITE_URL: '' });
    delete env.CI;
    expect(failure('npm', ['run', 'build', '--', '--outDir', outDir], env)).toContain('正式构建必须设置网站地址 SITE_URL');
  });

  it('fails in CI even when astro build is run directly', () => {
    const env = astroCommandEnv({ CI: 'true', SITE_URL: '' });
    expect(failure(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build', '--outDir', outDir], env)).toContain('正式构建必须设置网站地址 SITE_URL');
  });
});
