/**
 * The site's public address (SITE_URL): scheme and host, used for canonical links, RSS, the sitemap, og:url and
 * the QR codes and printed address of the special issues. A production build must be told it; a local build
 * uses a placeholder and says so.
 */
export const placeholderSiteUrl = 'https://laomo.example.org';

export interface SiteUrl {
  /** The address to build with (the placeholder when SITE_URL is not set). */
  url: string;
  placeholder: boolean;
}

type Env = Record<string, string | undefined>;

/** A production build: NODE_ENV=production, or any CI (CI=true, as GitHub Actions sets). */
export function isProductionBuild(env: Env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return env.NODE_ENV === 'production' || (ci !== undefined && ci !== '' && ci !== 'false' && ci !== '0');
}

/** SITE_URL checked, or the placeholder; throws (in Chinese) when it is not an http(s) address of a host. */
export function siteUrlFromEnv(env: Env): SiteUrl {
  const value = env.SITE_URL?.trim();
  if (!value) return { url: placeholderSiteUrl, placeholder: true };
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    throw new Error(`SITE_URL “${value}” 不是网址。应为协议加域名，如 https://laomo.zjgh.org。`);
  }
  if (!/^https?:$/.test(parsed.protocol) || parsed.username || parsed.password || parsed.search || parsed.hash) {
    throw new Error(`SITE_URL “${value}” 不可用：应为 http:// 或 https:// 开头的协议加域名，如 https://laomo.zjgh.org。`);
  }
  if (parsed.pathname !== '/') {
    throw new Error(`SITE_URL “${value}” 含路径 “${parsed.pathname}”：SITE_URL 只写协议和域名，路径请放在 BASE_PATH（如 BASE_PATH=${parsed.pathname}）。`);
  }
  return { url: parsed.origin, placeholder: false };
}

export const missingSiteUrlMessage =
  '正式构建必须设置网站地址 SITE_URL（协议和域名，如 SITE_URL=https://laomo.zjgh.org），否则二维码、打印版上的网址、canonical 链接、RSS 和站点地图都会指向占位地址 ' +
  `${placeholderSiteUrl}。发布流程请在仓库的 Settings › Secrets and variables › Actions › Variables 中设置 SITE_URL；本机试构建不要设 NODE_ENV=production 和 CI。`;

export const placeholderNotice = `提示：没有设置 SITE_URL，本次构建的链接和二维码使用占位地址 ${placeholderSiteUrl}，不能用于发布。正式构建请设置 SITE_URL，如 SITE_URL=https://laomo.zjgh.org npm run build。`;

/**
 * What a build should do about the address: `error` for a production build without SITE_URL, `notice` for a
 * local build on the placeholder, nothing otherwise.
 */
export function siteUrlVerdict(env: Env): { site: SiteUrl; error?: string; notice?: string } {
  const site = siteUrlFromEnv(env);
  if (!site.placeholder) return { site };
  return isProductionBuild(env) ? { site, error: missingSiteUrlMessage } : { site, notice: placeholderNotice };
}
