/**
 * What the site says about itself in one place: where readers send corrections, and the licences of the code and
 * of the compiled data. The contact is set for a deployment with CORRECTIONS_URL at build time (an https://
 * page such as the project's issue tracker, or a mailto: address); /about/ shows it.
 */

export const LICENCES = {
  /** The source code of the site and the data build. */
  code: { name: 'MIT License', url: 'https://opensource.org/license/mit' },
  /** The compiled figures, locators and downloads (the reports themselves are the agencies' publications). */
  data: { name: 'CC BY 4.0', url: 'https://creativecommons.org/licenses/by/4.0/' },
} as const;

/** CORRECTIONS_URL, checked: an http(s) page or a mailto: address; null when the deployment sets none. */
export function readCorrectionsUrl(env: Record<string, string | undefined> = process.env): string | null {
  const raw = env.CORRECTIONS_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`CORRECTIONS_URL="${raw}" is not a URL; set it to the issue tracker page or a mailto: address`);
  }
  if (!['https:', 'http:', 'mailto:'].includes(url.protocol)) {
    throw new Error(`CORRECTIONS_URL="${raw}" must start with https://, http:// or mailto:`);
  }
  return url.href;
}

export const CORRECTIONS_URL = readCorrectionsUrl();
