/**
 * Every type of page in Chromium, in Chinese and English: every page of the small fixture site, and one page
 * of each type of the site built from data/ (types are found in dist/, so new pages are covered). Each page
 * loads without console errors or warnings, failed requests or HTTP errors, has no axe-core violations at
 * WCAG 2.1 AA, and gives each chart a text alternative and its numbers in a table.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it, type ExpectStatic } from 'vitest';
import { axeViolations } from './axe.ts';
import { launch, PagePool, settle } from './browser.ts';
import { onePerType, pagePaths, pageType } from './dist.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('fixture', 'real');

let browser: Browser;
let pool: PagePool;
beforeAll(async () => {
  browser = await launch();
  pool = new PagePool(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** Charts drawn at build time, each with the table that carries its numbers. */
async function chartsWithoutAlternative(page: Page): Promise<string[]> {
  return page.locator('svg[role="img"]').evaluateAll((charts) =>
    charts.flatMap((svg, i) => {
      const label = svg.getAttribute('aria-label')?.trim() ?? '';
      // The table sits beside the chart: in its section (agency page), inside <details> (embed page) or
      // after its figure (ranking page).
      const scope = svg.closest('section.chart') ?? (svg.closest('figure')?.parentElement as Element | null) ?? document.body;
      const table = scope.querySelector('table');
      const cells = [...(table?.querySelectorAll('tbody td') ?? [])].map((td) => td.textContent?.trim() ?? '');
      const problems: string[] = [];
      if (label === '') problems.push(`chart ${i}: no aria-label`);
      if (!table || !cells.some((c) => /\d/.test(c))) problems.push(`chart ${i}: no table with its numbers`);
      if (svg.closest('body > figure') && !table?.closest('details')) problems.push(`chart ${i}: embed table not in <details>`);
      return problems;
    }),
  );
}

/** One page, checked in full. Pages are independent, so the tests run a few at a time (vitest's maxConcurrency). */
async function check(expect: ExpectStatic, base: string, path: string) {
  await pool.use({}, async ({ page, problems }) => {
    const response = await page.goto(`${base}${path}`);
    expect(response?.status(), path).toBe(200);
    await settle(page);
    expect(await chartsWithoutAlternative(page), path).toEqual([]);
    expect(await axeViolations(page), path).toEqual([]);
    expect(problems, path).toEqual([]);
  });
}

describe('every page of the fixture site', async () => {
  const paths = await pagePaths(inject('fixtureDist'));
  it('has pages of every type in both languages', () => {
    // The not-found page is one page in both languages: hosts serve the single /404.html at any unknown address.
    const types = [...onePerType(paths).keys()].filter((t) => t !== 'zh /404.html/');
    const zh = types.filter((t) => t.startsWith('zh ')).sort();
    expect(zh.length).toBeGreaterThanOrEqual(8);
    expect(types.filter((t) => t.startsWith('en ')).sort()).toEqual(zh.map((t) => t.replace(/^zh /, 'en ')));
  });
  it.concurrent.for(paths)('%s', (path, { expect }) => check(expect, inject('fixtureUrl'), path));
});

describe('one page of each type of the site built from data/', async () => {
  const types = onePerType(await pagePaths(inject('realDist')));
  it.concurrent.for([...types.values()].map((path) => [pageType(path), path]))('%s (%s)', ([, path], { expect }) =>
    check(expect, inject('realUrl'), path ?? ''),
  );
});
