/**
 * Size budgets, in gzip bytes, over every page of the site built from data/ (read from disk, so they are byte
 * counts, not timings): an agency page loads at most 3 KB of JavaScript (its scripts and their static imports)
 * and is at most 24 KB of HTML, 6 KB for the median page (each chart is drawn once for it: drawn at four widths,
 * three quarters of a page were chart drawings); an embed page is at most 16 KB in all (HTML with its inline SVG,
 * CSS and JavaScript); and only the compare page can ever load the ECharts client. The budgets sit just above what
 * the site measures, so a page that doubles fails.
 */
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import { describe, expect, inject, it } from 'vitest';
import { fileOf, internalTarget, pagePaths, pageScripts, pageType, readPage, scriptClosure } from './dist.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('real');

const KB = 1024;
const AGENCY_JS = 3 * KB;
// Measured with the bundled data (2,204 agencies, 2026-12-02): 18.3 KB largest, 4.5 KB median.
const AGENCY_HTML = 24 * KB;
const AGENCY_HTML_MEDIAN = 6 * KB;
const EMBED_TOTAL = 16 * KB;
const dist = inject('realDist');
const paths = await pagePaths(dist);

const gzip = (text: string) => gzipSync(text).length;
const gzipFile = async (sitePath: string) => gzip(await readFile(fileOf(dist, sitePath), 'utf8'));

/** Gzip bytes of the JavaScript loading the page costs: inline scripts plus every statically imported file. */
async function javaScriptBytes(path: string, html: string): Promise<number> {
  const inline = pageScripts(html, path).inline.reduce((n, code) => n + gzip(code), 0);
  let files = 0;
  for (const file of await scriptClosure(dist, html, path, 'static')) files += await gzipFile(file);
  return inline + files;
}

/** Gzip bytes of the stylesheets a page links. */
async function styleBytes(path: string, html: string): Promise<number> {
  let bytes = 0;
  for (const link of parse(html).querySelectorAll('link[rel="stylesheet"]')) {
    const target = internalTarget(path, link.getAttribute('href') ?? '');
    if (target) bytes += await gzipFile(target.path);
  }
  return bytes;
}

describe('size budgets of the site built from data/', () => {
  it('every agency page loads at most 3 KB of JavaScript (gzip)', async () => {
    const agencyPages = paths.filter((p) => /^(zh|en) \/agencies\/\*\/$/.test(pageType(p)));
    expect(agencyPages.length).toBeGreaterThan(100);
    const sizes = await Promise.all(agencyPages.map(async (p) => ({ path: p, bytes: await javaScriptBytes(p, await readPage(dist, p)) })));
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.info(`agency page JavaScript: largest ${largest.bytes} B gzip (${largest.path}) of ${sizes.length} pages`);
    expect(sizes.filter((s) => s.bytes > AGENCY_JS)).toEqual([]);
  });

  it('every agency page is at most 24 KB of HTML, the median 6 KB (gzip)', async () => {
    const agencyPages = paths.filter((p) => /^(zh|en) \/agencies\/\*\/$/.test(pageType(p)));
    expect(agencyPages.length).toBeGreaterThan(100);
    const sizes = await Promise.all(agencyPages.map(async (p) => ({ path: p, bytes: gzip(await readPage(dist, p)) })));
    const sorted = sizes.map((s) => s.bytes).sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.info(`agency page HTML: median ${median} B, largest ${largest.bytes} B gzip (${largest.path}) of ${sizes.length} pages`);
    expect(sizes.filter((s) => s.bytes > AGENCY_HTML)).toEqual([]);
    expect(median).toBeLessThanOrEqual(AGENCY_HTML_MEDIAN);
  });

  it('every embed page is at most 16 KB in all: HTML, CSS and JavaScript (gzip)', async () => {
    const embedPages = paths.filter((p) => /^(zh|en) \/embed\//.test(pageType(p)));
    expect(embedPages.length).toBeGreaterThan(100);
    const sizes = await Promise.all(
      embedPages.map(async (p) => {
        const html = await readPage(dist, p);
        return { path: p, bytes: gzip(html) + (await styleBytes(p, html)) + (await javaScriptBytes(p, html)) };
      }),
    );
    const largest = sizes.reduce((a, b) => (b.bytes > a.bytes ? b : a));
    console.info(`embed page total: largest ${largest.bytes} B gzip (${largest.path}) of ${sizes.length} pages`);
    expect(sizes.filter((s) => s.bytes > EMBED_TOTAL)).toEqual([]);
  });

  it('only the compare pages can load the ECharts client, even through dynamic imports', async () => {
    const echarts = new Set<string>();
    for (const path of paths) {
      const closure = await scriptClosure(dist, await readPage(dist, path), path, 'all');
      if ([...closure].some((file) => /echarts/i.test(file))) echarts.add(path);
    }
    expect([...echarts].sort()).toEqual(paths.filter((p) => /^(zh|en) \/compare\/$/.test(pageType(p))));
  });
});
