import type { Lang } from '../lib/core/format.ts';
import { absoluteUrl, sitePath } from '../lib/core/hosting.ts';
import { en } from './en.ts';
import { zh, type Messages } from './zh.ts';

export const LANGS: readonly Lang[] = ['zh', 'en'];

export function messages(lang: Lang): Messages {
  return lang === 'zh' ? zh : en;
}

/** Fill {name} placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}

/**
 * Link to a page in a language: zh at the root, en under /en/, both under the base path. `path` is the
 * language-neutral page path, starting and ending with a slash.
 */
export function localePath(lang: Lang, path: string): string {
  return sitePath(lang === 'zh' ? path : `/en${path}`);
}

/** The absolute public URL of a page in a language, for links that leave the site (embeds, citations, share tags). */
export function localeUrl(lang: Lang, path: string): string {
  return absoluteUrl(lang === 'zh' ? path : `/en${path}`);
}

/** getStaticPaths entries for a page that exists in both languages: zh at the root, en under /en/. */
export function languagePaths() {
  return LANGS.map((lang) => ({ params: { lang: lang === 'zh' ? undefined : lang }, props: { lang } }));
}
