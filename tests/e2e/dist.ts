/**
 * Reading a built site from disk: its pages, their types (so a new kind of page is covered without naming it),
 * the internal references in each page, and the JavaScript a page loads.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join, posix, relative, sep } from 'node:path';
import { parse } from 'node-html-parser';
import { BASE_PATH, SITE_URL } from '../../src/lib/core/hosting.ts';

/** Every file of the build, as site paths under the base path ("/agencies/x/index.html"). */
export async function distFiles(dist: string): Promise<Set<string>> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return new Set(entries.filter((e) => e.isFile()).map((e) => BASE_PATH + relative(dist, join(e.parentPath, e.name)).split(sep).join('/')));
}

/** The URL path of every HTML page ("/agencies/x/", and "/404.html", which hosts serve at unknown addresses), sorted. */
export async function pagePaths(dist: string): Promise<string[]> {
  return [...(await distFiles(dist))]
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.replace(/index\.html$/, ''))
    .sort();
}

/** The file a page path is read from: "/x/" is x/index.html, a file-named page ("/404.html") is itself. */
export function pageFile(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

export function fileOf(dist: string, sitePath: string): string {
  return join(dist, sitePath.slice(BASE_PATH.length));
}

export async function readPage(dist: string, path: string): Promise<string> {
  return readFile(fileOf(dist, pageFile(path)), 'utf8');
}

/**
 * The type of a page: language, then the first path segment with every deeper segment generalised, e.g.
 * "en /metrics/*\/*\/" for /en/metrics/proactive.total/2022/. Pages of one type share one template.
 */
export function pageType(path: string): string {
  const segments = path.slice(BASE_PATH.length).split('/').filter(Boolean);
  const lang = segments[0] === 'en' ? 'en' : 'zh';
  const rest = lang === 'en' ? segments.slice(1) : segments;
  return `${lang} /${rest.map((s, i) => (i === 0 ? s : '*')).join('/')}${rest.length > 0 ? '/' : ''}`;
}

/** The first page (in sorted order) of each type. */
export function onePerType(paths: readonly string[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const path of paths) if (!types.has(pageType(path))) types.set(pageType(path), path);
  return types;
}

export interface Reference {
  /** The element and attribute, e.g. "a[href]". */
  from: string;
  /** The value as written. */
  value: string;
}

/** Where a page can point at another resource: links, assets, frames and the share image. */
const REFERENCES: [selector: string, attribute: string][] = [
  ['a[href]', 'href'],
  ['link[href]', 'href'],
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['iframe[src]', 'src'],
  ['source[src]', 'src'],
  ['form[action]', 'action'],
  ['meta[property="og:image"]', 'content'],
  ['meta[property="og:url"]', 'content'],
];

/** What the crawl needs from a page, read in one parse (a parse of the real site's 280 MB of HTML takes over a minute). */
export interface PageFacts {
  references: Reference[];
  /** The ids the page defines, for checking #fragment links. */
  ids: Set<string>;
  /** The Content-Security-Policy <meta>'s content, or null. */
  policy: string | null;
  /** Whether that <meta> comes before every script and style (a policy only governs what the parser meets after it). */
  policyFirst: boolean;
}

export function pageFacts(html: string): PageFacts {
  const root = parse(html);
  const references = REFERENCES.flatMap(([selector, attribute]) =>
    root
      .querySelectorAll(selector)
      .map((el) => ({ from: `${el.tagName.toLowerCase()}[${attribute}]`, value: el.getAttribute(attribute) ?? '' })),
  );
  const elements = root.querySelectorAll('*');
  const meta = elements.findIndex(
    (el) => el.tagName === 'META' && el.getAttribute('http-equiv')?.toLowerCase() === 'content-security-policy',
  );
  const asset = elements.findIndex(
    (el) => el.tagName === 'SCRIPT' || el.tagName === 'STYLE' || (el.tagName === 'LINK' && el.getAttribute('rel') === 'stylesheet'),
  );
  return {
    references,
    ids: new Set(elements.filter((el) => el.id !== '').map((el) => el.id)),
    policy: meta < 0 ? null : (elements[meta]?.getAttribute('content') ?? null),
    policyFirst: meta >= 0 && (asset < 0 || meta < asset),
  };
}

/**
 * The site path a reference points at, or null when it leaves the site (another origin, mailto:). Relative
 * references resolve against the page, absolute ones count as internal when they use SITE_URL.
 */
export function internalTarget(pagePath: string, value: string): { path: string; hash: string } | null {
  const url = new URL(value, SITE_URL + pagePath);
  if (url.origin !== SITE_URL) return null;
  return { path: decodeURIComponent(url.pathname), hash: decodeURIComponent(url.hash.slice(1)) };
}

/**
 * The file a site path is served from, given trailingSlash 'always' and directory output: "/x/" is
 * x/index.html, "/x.csv" is x.csv, and "/x" (no slash) only exists when it names a file.
 */
export function servedFile(files: ReadonlySet<string>, path: string): string | null {
  const file = path.endsWith('/') ? `${path}index.html` : path;
  return files.has(file) ? file : null;
}

// ---------------------------------------------------------------------------------------------------------
// JavaScript a page loads.

/** Static `import … from "x"`, `import "x"` and `export … from "x"` (not dynamic `import("x")`). */
const STATIC_IMPORT = /(?:^|[^\w$.])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"']+)["']/g;
/** Dynamic `import("x")`; the bundler writes the specifier as a template literal. */
const DYNAMIC_IMPORT = /(?:^|[^\w$.])import\(\s*["'`]([^"'`]+)["'`]\s*\)/g;

/** The scripts of a page: inline bodies and the site paths of external ones. */
export function pageScripts(html: string, pagePath: string): { inline: string[]; external: string[] } {
  const scripts = parse(html).querySelectorAll('script');
  const inline = scripts.filter((s) => !s.getAttribute('src')).map((s) => s.textContent);
  const external = scripts.flatMap((s) => {
    const src = s.getAttribute('src');
    const target = src ? internalTarget(pagePath, src) : null;
    return target ? [target.path] : [];
  });
  return { inline, external };
}

/** Site paths imported by a script at `from` (a site path; inline scripts resolve against their page). */
export function imports(code: string, from: string, kind: 'static' | 'all'): string[] {
  const patterns = kind === 'static' ? [STATIC_IMPORT] : [STATIC_IMPORT, DYNAMIC_IMPORT];
  return patterns.flatMap((pattern) =>
    [...code.matchAll(pattern)].flatMap((m) => {
      const spec = m[1] ?? '';
      if (!/^(\.{1,2}\/|\/)/.test(spec)) return [];
      return [spec.startsWith('/') ? posix.normalize(spec) : posix.join(posix.dirname(from), spec)];
    }),
  );
}

/**
 * Every script file a page loads, following imports from its scripts: only static ones (what loading the
 * page costs) or dynamic ones too (everything it may ever fetch). Returns site paths.
 */
export async function scriptClosure(dist: string, html: string, pagePath: string, kind: 'static' | 'all'): Promise<Set<string>> {
  const { inline, external } = pageScripts(html, pagePath);
  const seen = new Set<string>();
  const queue = [...external, ...inline.flatMap((code) => imports(code, pagePath, kind))];
  while (queue.length > 0) {
    const path = queue.pop() ?? '';
    if (seen.has(path)) continue;
    seen.add(path);
    queue.push(...imports(await readFile(fileOf(dist, path), 'utf8'), path, kind));
  }
  return seen;
}
