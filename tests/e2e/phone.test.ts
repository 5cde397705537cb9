/**
 * The site on a phone: one page of every type, in Chinese and English, of the fixture site and of the site built
 * from data/, at the widths of common phones (360, 390 and 414 CSS px). No page is wider than the screen (no
 * sideways scrolling of the page itself: wide tables scroll inside their own region), and no page logs an
 * error at these widths.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, watchedPage } from './browser.ts';
import { onePerType, pagePaths, pageType } from './dist.ts';

const WIDTHS = [360, 390, 414];

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/** Pages to try: one of each type, plus compare with a selection in its URL (what a shared link opens). */
async function samplePages(dist: string): Promise<string[]> {
  const paths = [...onePerType(await pagePaths(dist)).values()];
  const agency =
    paths
      .find((p) => /^\/(en\/)?agencies\/[^/]+\/$/.test(p))
      ?.split('/')
      .at(-2) ?? '';
  return [...paths, `/compare/?agencies=${agency}&metric=requests.new.total`, `/en/compare/?agencies=${agency}&metric=proactive.total`];
}

/** How far the page reaches past the right edge of the screen, and which elements stick out. */
async function overflow(base: string, path: string, width: number, javaScriptEnabled: boolean) {
  const { page, problems } = await watchedPage(browser, { javaScriptEnabled });
  await page.setViewportSize({ width, height: 800 });
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(() => {
    const { scrollWidth } = document.documentElement;
    const culprits = [...document.querySelectorAll('body *')]
      .filter((el) => {
        // Elements inside a region that scrolls sideways on its own do not widen the page.
        if (el.closest('.table-scroll') && !el.matches('.table-scroll')) return false;
        return el.getBoundingClientRect().right > innerWidth + 0.5;
      })
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scrollWidth, innerWidth, culprits };
  });
  await page.context().close();
  return { ...result, problems };
}

describe.each([
  ['fixture', 'fixtureDist', 'fixtureUrl'],
  ['data/', 'realDist', 'realUrl'],
] as const)('the %s site on a phone', async (_name, distKey, urlKey) => {
  const pages = await samplePages(inject(distKey));
  const cases = pages.flatMap((path) =>
    WIDTHS.map((width) => [`${pageType(path.split('?')[0] ?? path)} ${path} @${width}`, path, width] as const),
  );

  it.concurrent.for(cases)('%s: no wider than the screen', async ([, path, width], { expect }) => {
    const { scrollWidth, innerWidth, culprits, problems } = await overflow(inject(urlKey), path, width, true);
    expect({ path, width, scrollWidth, culprits }).toEqual({ path, width, scrollWidth: innerWidth, culprits: [] });
    expect(problems).toEqual([]);
  });

  it.concurrent.for(pages.map((path) => [path] as const))(
    '%s without JavaScript at 360 px: no wider than the screen',
    async ([path], { expect }) => {
      const { scrollWidth, innerWidth, culprits } = await overflow(inject(urlKey), path, 360, false);
      expect({ path, scrollWidth, culprits }).toEqual({ path, scrollWidth: innerWidth, culprits: [] });
    },
  );
});

describe('every agency page of the site built from data/', async () => {
  const agencies = (await pagePaths(inject('realDist'))).filter((p) => /^\/(en\/)?agencies\/[^/]+\/$/.test(p));
  it('is no wider than a 360 px screen', async () => {
    expect(agencies.length).toBeGreaterThan(200);
    const { page } = await watchedPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    const wide: string[] = [];
    for (const path of agencies) {
      await page.goto(`${inject('realUrl')}${path}`, { waitUntil: 'load' });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 360) wide.push(`${path}: ${scrollWidth}`);
    }
    await page.context().close();
    expect(wide).toEqual([]);
  }, 600_000);
});
