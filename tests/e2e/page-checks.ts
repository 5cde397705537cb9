/**
 * The checks every page gets in Chromium (pages.test.ts, real-pages.test.ts): it loads with status 200 and
 * without console errors or warnings, failed requests or HTTP errors, has no axe-core violations at WCAG 2.1 AA,
 * and gives each chart a text alternative and its numbers in a table.
 */
import type { Page } from 'playwright-core';
import type { ExpectStatic } from 'vitest';
import { axeViolations } from './axe.ts';
import { settle, type PagePool } from './browser.ts';

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
export async function checkPage(pool: PagePool, expect: ExpectStatic, url: string): Promise<void> {
  await pool.use({}, async ({ page, problems }) => {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(200);
    await settle(page);
    expect(await chartsWithoutAlternative(page), url).toEqual([]);
    expect(await axeViolations(page), url).toEqual([]);
    expect(problems, url).toEqual([]);
  });
}
