/**
 * Every HTML page of each build, read from disk: each internal link, asset, frame, form action and share
 * image points at a file the build wrote (with trailingSlash 'always' and directory output), each #fragment
 * at an id of its page, every link or source uses http(s) or a relative URL, and every page carries the
 * Content-Security-Policy.
 */
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { distFiles, fileOf, internalTarget, pageFacts, pageFile, pagePaths, servedFile, type PageFacts } from './dist.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('fixture', 'hostile', 'real');

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
  // Each page is parsed once for all three checks.
  let facts: Map<string, PageFacts>;
  let files: Set<string>;
  beforeAll(async () => {
    files = await distFiles(dist);
    facts = new Map();
    for (const page of await pagePaths(dist)) facts.set(pageFile(page), pageFacts(await readFile(fileOf(dist, pageFile(page)), 'utf8')));
  }, 600_000);

  it('links only to files that exist, and to ids that exist', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const [file, { references }] of facts) {
      const page = file.replace(/index\.html$/, '');
      for (const ref of references) {
        const target = internalTarget(page, ref.value);
        if (!target) continue;
        checked++;
        const served = servedFile(files, target.path);
        if (!served) broken.push(`${page}: ${ref.from} ${ref.value}`);
        else if (target.hash !== '' && served.endsWith('.html') && !facts.get(served)?.ids.has(target.hash)) {
          broken.push(`${page}: ${ref.from} ${ref.value} (no id "${target.hash}")`);
        }
      }
    }
    expect(broken).toEqual([]);
    expect(facts.size).toBeGreaterThan(30);
    expect(checked).toBeGreaterThan(facts.size * 5);
    console.info(`crawl ${_name}: ${facts.size} pages, ${checked} internal references`);
  });

  it('renders only http(s) and relative URLs in links and sources', () => {
    const schemes = new Set<string>();
    for (const { references } of facts.values()) {
      for (const ref of references) schemes.add(new URL(ref.value, 'http://relative.invalid/').protocol);
    }
    // Relative references resolve to http: here; javascript:, data: or anything else would show up.
    expect(schemes.size).toBeGreaterThan(0);
    expect([...schemes].filter((s) => s !== 'http:' && s !== 'https:')).toEqual([]);
  });

  it('gives every page the Content-Security-Policy in a <meta> element', () => {
    const missing: string[] = [];
    for (const [file, { policy, policyFirst }] of facts) {
      const directives = (policy ?? '').split(';').map((d) => d.trim());
      const scriptSrc = directives.find((d) => d.startsWith('script-src ')) ?? '';
      const ok =
        policyFirst &&
        CSP_DIRECTIVES.every((d) => directives.includes(d)) &&
        /^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/.test(scriptSrc);
      if (!ok) missing.push(`${file}: ${policy ?? 'no policy'}`);
    }
    expect(facts.size).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });
});
