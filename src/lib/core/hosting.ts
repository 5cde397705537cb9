/**
 * Where the site is published. Two environment variables, read once at build time:
 *
 *   SITE_URL   origin of the public site, e.g. https://disclosure.example.org (default http://localhost:4321)
 *   BASE_PATH  path the site lives under, e.g. /dashboard/ (default /)
 *
 * Every internal link goes through sitePath(); embed code, oEmbed and og:image need absolute URLs, built by
 * absoluteUrl(). astro.config.mjs reads the same values, so the two can never disagree.
 */

export interface Hosting {
  /** Origin without a trailing slash. */
  siteUrl: string;
  /** Starts and ends with "/". */
  basePath: string;
}

export function readHosting(env: Record<string, string | undefined> = process.env): Hosting {
  const rawSite = env.SITE_URL?.trim() || 'http://localhost:4321';
  let site: URL;
  try {
    site = new URL(rawSite);
  } catch {
    throw new Error(`SITE_URL="${rawSite}" is not a URL; set it to the public origin, e.g. https://disclosure.example.org`);
  }
  if (site.protocol !== 'https:' && site.protocol !== 'http:') {
    throw new Error(`SITE_URL="${rawSite}" must start with https:// or http://`);
  }
  if (site.pathname !== '/' || site.search || site.hash) {
    throw new Error(`SITE_URL="${rawSite}" must be an origin only; put the path in BASE_PATH instead`);
  }
  const rawBase = env.BASE_PATH?.trim() || '/';
  if (!/^\/([A-Za-z0-9._~-]+\/)*$/.test(rawBase.endsWith('/') ? rawBase : `${rawBase}/`)) {
    throw new Error(`BASE_PATH="${rawBase}" must be a path such as /dashboard/ (letters, digits, . _ ~ - between slashes)`);
  }
  const basePath = rawBase.endsWith('/') ? rawBase : `${rawBase}/`;
  return { siteUrl: site.origin, basePath };
}

const hosting = readHosting();

/** A site-internal path under the base path; `path` starts with "/". */
export function sitePath(path: string): string {
  return hosting.basePath + path.replace(/^\//, '');
}

/** The absolute public URL of a site-internal path. */
export function absoluteUrl(path: string): string {
  return hosting.siteUrl + sitePath(path);
}

export const SITE_URL = hosting.siteUrl;
export const BASE_PATH = hosting.basePath;

/**
 * How pages are produced: `static` (the default) renders every page at build time into plain files; `server`
 * (RENDER_MODE=server) builds a Node server with Astro's official adapter, which renders agency pages and chart
 * files when they are first asked for (docs/scale.md). Read once, like the hosting variables.
 */
export type RenderMode = 'static' | 'server';
export function readRenderMode(env: Record<string, string | undefined> = process.env): RenderMode {
  const raw = env.RENDER_MODE?.trim() || 'static';
  if (raw !== 'static' && raw !== 'server') throw new Error(`RENDER_MODE="${raw}" must be static or server`);
  return raw;
}
export const RENDER_MODE = readRenderMode();
