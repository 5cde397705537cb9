/**
 * Every HTML page of each build, read from disk: each internal link, asset, frame, form action and share
 * image points at a file the build wrote (with trailingSlash 'always' and directory output), each #fragment
 * at an id of its page, every link or source uses http(s) or a relative URL, and every page carries the
 * Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { distFiles, fileOf, ids, internalTarget, metaPolicy, pageFile, pagePaths, references, servedFile } from './dist.ts';

const builds = { fixture: inject('fixtureDist'), hostile: inject('hostileDist'), real: inject('realDist') };

/** The policy every page must carry, apart from the hashes Astro adds to script-src and style-src-elem. */
const CSP_DIRECTIVES = [
  "default-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "style-src-attr 'unsafe-inline'",
];

describe.each(Object.entries(builds))('the %s build', (_name, dist) => {
  it('links only to files that exist, and to ids that exist', async () => {
    const files = await distFiles(dist);
    const pages = await pagePaths(dist);
    const idsOf = new Map<string, Set<string>>();
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = await readFile(fileOf(dist, pageFile(page)), 'utf8');
      idsOf.set(pageFile(page), ids(html));
      for (const ref of references(html)) {
        const target = internalTarget(page, ref.value);
        if (!target) continue;
        checked++;
        const file = servedFile(files, target.path);
        if (!file) broken.push(`${page}: ${ref.from} ${ref.value}`);
        else if (target.hash !== '' && file.endsWith('.html')) {
          let targetIds = idsOf.get(file);
          if (!targetIds) {
            targetIds = ids(await readFile(fileOf(dist, file), 'utf8'));
            idsOf.set(file, targetIds);
          }
          if (!targetIds.has(target.hash)) broken.push(`${page}: ${ref.from} ${ref.value} (no id "${target.hash}")`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(pages.length).toBeGreaterThan(30);
    expect(checked).toBeGreaterThan(pages.length * 5);
    console.info(`crawl ${_name}: ${pages.length} pages, ${checked} internal references`);
  });

  it('renders only http(s) and relative URLs in links and sources', async () => {
    const schemes = new Set<string>();
    for (const page of await pagePaths(dist)) {
      const html = await readFile(fileOf(dist, pageFile(page)), 'utf8');
      for (const ref of references(html)) schemes.add(new URL(ref.value, 'http://relative.invalid/').protocol);
    }
    // Relative references resolve to http: here; javascript:, data: or anything else would show up.
    expect([...schemes].filter((s) => s !== 'http:' && s !== 'https:')).toEqual([]);
  });

  it('gives every page the Content-Security-Policy in a <meta> element', async () => {
    const missing: string[] = [];
    for (const page of await pagePaths(dist)) {
      const html = await readFile(fileOf(dist, pageFile(page)), 'utf8');
      const { policy, first } = metaPolicy(html);
      const directives = (policy ?? '').split(';').map((d) => d.trim());
      const scriptSrc = directives.find((d) => d.startsWith('script-src ')) ?? '';
      const ok =
        first && CSP_DIRECTIVES.every((d) => directives.includes(d)) && /^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/.test(scriptSrc);
      if (!ok) missing.push(`${page}: ${policy ?? 'no policy'}`);
    }
    expect(missing).toEqual([]);
  });
});
