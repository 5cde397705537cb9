/**
 * The fixture site on a phone: one page of every type, in Chinese and English, at the widths of common phones (360,
 * 390 and 414 CSS px). No page is wider than the screen (no sideways scrolling of the page itself: wide tables
 * scroll inside their own region), no page logs an error at these widths, and axe finds nothing at 390 px. The
 * site from data/ gets the same checks and more in real-phone.test.ts; this file runs while that site builds.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launch, PagePool } from './browser.ts';
import { pageType, readPage } from './dist.ts';
import { sitesReady } from './built-sites.ts';
import { overflow, samplePages, WIDTHS } from './phone-checks.ts';

await sitesReady('fixture');

let browser: Browser;
let pool: PagePool;
beforeAll(async () => {
  browser = await launch();
  pool = new PagePool(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe.each([['fixture', 'fixtureDist', 'fixtureUrl']] as const)('the %s site on a phone', async (_name, distKey, urlKey) => {
  const pages = await samplePages(inject(distKey));
  const cases = pages.flatMap((path) =>
    WIDTHS.map((width) => [`${pageType(path.split('?')[0] ?? path)} ${path} @${width}`, path, width] as const),
  );

  it.concurrent.for(cases)('%s: no wider than the screen', async ([, path, width], { expect }) => {
    const { scrollWidth, innerWidth, culprits, problems, violations } = await overflow(pool, inject(urlKey), path, width, true);
    expect({ path, width, scrollWidth, culprits }).toEqual({ path, width, scrollWidth: innerWidth, culprits: [] });
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });

  // A page without scripts looks the same with JavaScript off: the cases above have checked it at 360 px.
  const dist = inject(distKey);
  const scripted = await Promise.all(pages.map(async (path) => /<(no)?script/.test(await readPage(dist, path.split('?')[0] ?? path))));
  it.concurrent.for(pages.filter((_, i) => scripted[i]).map((path) => [path] as const))(
    '%s without JavaScript at 360 px: no wider than the screen',
    async ([path], { expect }) => {
      const { scrollWidth, innerWidth, culprits } = await overflow(pool, inject(urlKey), path, 360, false);
      expect({ path, scrollWidth, culprits }).toEqual({ path, scrollWidth: innerWidth, culprits: [] });
    },
  );
});
