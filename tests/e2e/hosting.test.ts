/**
 * The fixture site built with SITE_URL and BASE_PATH set (see global-setup): every site-relative link stays
 * under the base path, and every absolute URL (canonical, hreflang, og:image, embed code, oEmbed) is built
 * from the public origin and the base path.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { HOSTED } from './global-setup.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('hosted');

const dist = inject('hostedDist');
const origin = HOSTED.siteUrl + HOSTED.basePath;

async function files(ext: string): Promise<string[]> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith(ext)).map((e) => join(e.parentPath, e.name));
}

describe('a build for https://disclosure.example.org/dash/', () => {
  it('keeps every site-relative link, source and form action under the base path', async () => {
    const outside: string[] = [];
    for (const file of await files('.html')) {
      const html = await readFile(file, 'utf8');
      for (const [, value] of html.matchAll(/(?:href|src|action)="(\/[^"]*)"/g)) {
        if (!value?.startsWith(HOSTED.basePath)) outside.push(`${file.slice(dist.length)}: ${value}`);
      }
    }
    expect(outside).toEqual([]);
  });

  it('builds absolute URLs from the public origin and the base path', async () => {
    const page = await readFile(join(dist, 'en/agencies/511100-jt/index.html'), 'utf8');
    expect(page).toContain(`<link rel="canonical" href="${origin}en/agencies/511100-jt/">`);
    expect(page).toContain(`<meta property="og:image" content="${origin}en/embed/511100-jt/proactive/chart.png">`);
    expect(page).toContain(`&lt;iframe src=&quot;${origin}en/embed/511100-jt/proactive/&quot;`);
    const oembed = JSON.parse(await readFile(join(dist, 'embed/511100-jt/proactive/oembed.json'), 'utf8')) as Record<string, string>;
    expect(oembed.thumbnail_url).toBe(`${origin}embed/511100-jt/proactive/chart.png`);
    expect(oembed.html).toContain(`<script async src="${origin}embed.js"></script>`);
    const absolute = (await Promise.all((await files('.html')).map((f) => readFile(f, 'utf8')))).flatMap((html) =>
      [...html.matchAll(/"(https?:\/\/(?:localhost|127\.0\.0\.1)[^"]*)"/g)].map((m) => m[1]),
    );
    expect(absolute).toEqual([]);
  });
});
