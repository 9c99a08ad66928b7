/** content/site.yaml, read once per build (the content check has refused a wrong one before pages render). */
import { readFileSync, existsSync } from 'node:fs';
import { contentPaths } from '../lib/content-paths.ts';
import { parseSiteSettings, type SiteSettings } from '../lib/site-settings.ts';

let settings: SiteSettings | undefined;

export function getSiteSettings(): SiteSettings {
  if (!settings) settings = existsSync(contentPaths.settings) ? parseSiteSettings(readFileSync(contentPaths.settings, 'utf8')).settings : {};
  return settings;
}
