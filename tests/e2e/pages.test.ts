/**
 * Every page of the small fixture site in Chromium, in Chinese and English (real-pages.test.ts does one page of
 * each type of the site built from data/, with the same checks, page-checks.ts). Each page loads without console
 * errors or warnings, failed requests or HTTP errors, has no axe-core violations at WCAG 2.1 AA, and gives each
 * chart a text alternative and its numbers in a table.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, PagePool } from './browser.ts';
import { onePerType, pagePaths } from './dist.ts';
import { sitesReady } from './built-sites.ts';
import { checkPage } from './page-checks.ts';

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

describe('every page of the fixture site', async () => {
  const paths = await pagePaths(inject('fixtureDist'));
  it('has pages of every type in both languages', () => {
    // The not-found page is one page in both languages: hosts serve the single /404.html at any unknown address.
    const types = [...onePerType(paths).keys()].filter((t) => t !== 'zh /404.html/');
    const zh = types.filter((t) => t.startsWith('zh ')).sort();
    expect(zh.length).toBeGreaterThanOrEqual(8);
    expect(types.filter((t) => t.startsWith('en ')).sort()).toEqual(zh.map((t) => t.replace(/^zh /, 'en ')));
  });
  it.concurrent.for(paths)('%s', (path, { expect }) => checkPage(pool, expect, `${inject('fixtureUrl')}${path}`));
});
