/**
 * Reading a folder of saved report pages, as curators keep them: `.html`/`.htm` and `.txt` files (UTF-8, GBK
 * or GB18030), and JSONL files of search results, one `{url, title, text}` object per line. One list of pages
 * for the batch command, the evaluation and the bench, in a fixed order (file name, then line).
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { decodeBytes } from './decode.ts';

export interface Page {
  /** Where the page came from, for messages: `file.html` or `file.jsonl:12`. */
  origin: string;
  /** The file name without extension for files (often a report id); the URL for JSONL lines. */
  name: string;
  /** The page's address when known (JSONL `url`, or the canonical link of a saved HTML page). */
  url: string | null;
  /** Page title when the source gives it apart from the text (JSONL `title`). */
  title: string;
  /** The page text or HTML as saved. */
  raw: string;
  /** True for .html files; undefined when the content decides. */
  html: boolean | undefined;
}

export interface PageProblem {
  origin: string;
  message: string;
}

const PAGE_FILE = /\.(txt|html?)$/i;

/** The canonical address a saved HTML page declares about itself, if any. */
function declaredUrl(html: string): string | null {
  const head = html.slice(0, 20000);
  const m =
    /<link[^>]+rel=["']?canonical["']?[^>]*href=["']([^"']+)["']/i.exec(head) ??
    /<meta[^>]+property=["']og:url["'][^>]*content=["']([^"']+)["']/i.exec(head);
  return m?.[1] && /^https?:\/\//i.test(m[1]) ? m[1] : null;
}

/** Pages of one JSONL text; lines that are not page objects become problems, never silent skips. */
export function pagesFromJsonl(origin: string, text: string): { pages: Page[]; problems: PageProblem[] } {
  const pages: Page[] = [];
  const problems: PageProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const at = `${origin}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ origin: at, message: 'not a JSON object' });
      return;
    }
    const { url, title, text: body } = (value ?? {}) as Record<string, unknown>;
    if (typeof body !== 'string' || body.trim() === '') {
      problems.push({ origin: at, message: 'no "text" to read' });
      return;
    }
    const address = typeof url === 'string' && url !== '' ? url : null;
    pages.push({
      origin: at,
      name: address ?? at,
      url: address,
      title: typeof title === 'string' ? title.trim() : '',
      raw: body,
      html: undefined,
    });
  });
  return { pages, problems };
}

/** Every page in a folder (not its subfolders). */
export async function readPages(dir: string): Promise<{ pages: Page[]; problems: PageProblem[] }> {
  const files = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => e.name)
    .sort();
  const pages: Page[] = [];
  const problems: PageProblem[] = [];
  for (const file of files) {
    const path = join(dir, file);
    if (/\.jsonl$/i.test(file)) {
      const found = pagesFromJsonl(file, await readFile(path, 'utf8'));
      pages.push(...found.pages);
      problems.push(...found.problems);
      continue;
    }
    if (!PAGE_FILE.test(file)) continue;
    const decoded = decodeBytes(await readFile(path));
    if (!decoded.ok) {
      problems.push({ origin: file, message: decoded.reason });
      continue;
    }
    const html = /\.html?$/i.test(file);
    pages.push({
      origin: file,
      name: file.slice(0, -extname(file).length),
      url: html ? declaredUrl(decoded.text) : null,
      title: '',
      raw: decoded.text,
      html: html ? true : undefined,
    });
  }
  return { pages, problems };
}
