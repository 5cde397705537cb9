/**
 * One page of each type of the site built from data/ in Chromium, in Chinese and English (types are found in
 * dist/, so new pages are covered), with the checks of page-checks.ts. A file of its own, apart from the fixture
 * site's pages (pages.test.ts), so those run while data/ builds.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, inject, it } from 'vitest';
import { launch, PagePool } from './browser.ts';
import { onePerType, pagePaths, pageType } from './dist.ts';
import { sitesReady } from './built-sites.ts';
import { checkPage } from './page-checks.ts';

await sitesReady('real');

let browser: Browser;
let pool: PagePool;
beforeAll(async () => {
  browser = await launch();
  pool = new PagePool(browser);
});
afterAll(async () => {
  await browser?.close();
});

describe('one page of each type of the site built from data/', async () => {
  const types = onePerType(await pagePaths(inject('realDist')));
  it.concurrent.for([...types.values()].map((path) => [pageType(path), path]))('%s (%s)', ([, path], { expect }) =>
    checkPage(pool, expect, `${inject('realUrl')}${path ?? ''}`),
  );
});
