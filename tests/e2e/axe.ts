/** axe-core in a page of the built site, run at WCAG 2.1 level AA. */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

const AXE = readFile(new URL('../../node_modules/axe-core/axe.min.js', import.meta.url), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  nodes: number;
}

/**
 * The site's Content-Security-Policy refuses inline scripts, so axe is not added as a <script> element:
 * page.evaluate runs it through the DevTools protocol, which the policy does not govern.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(await AXE);
  return page.evaluate(async () => {
    const { axe } = window as unknown as {
      axe: {
        run: (
          context: Document,
          options: { runOnly: { type: 'tag'; values: string[] } },
        ) => Promise<{ violations: { id: string; impact: string | null; nodes: unknown[] }[] }>;
      };
    };
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  });
}
