/**
 * What a phone test checks on a page (phone.test.ts for the fixture site, real-phone.test.ts for the site from data/):
 * the pages to try, and how far a page reaches past the right edge of the screen.
 */
import { axeViolations } from './axe.ts';
import { settle, type PagePool } from './browser.ts';
import { onePerType, pagePaths } from './dist.ts';

/** The widths of common phones, in CSS px. */
export const WIDTHS = [360, 390, 414];

/** Pages to try: one of each type, plus compare with selections in its URL (what a shared link opens). */
export async function samplePages(dist: string): Promise<string[]> {
  const all = await pagePaths(dist);
  const paths = [...onePerType(all).values()];
  const agencies = all.flatMap((p) => /^\/agencies\/([^/]+)\/$/.exec(p)?.[1] ?? []).sort();
  const [agency] = agencies;
  // Three agencies make the compare table wider than a phone: it must scroll inside its own region.
  const three = agencies.slice(0, 3).join(',');
  return [
    ...paths,
    `/compare/?agencies=${agency}&metric=requests.new.total`,
    `/en/compare/?agencies=${agency}&metric=proactive.total`,
    `/compare/?agencies=${three}&metric=requests.new.total`,
    `/en/compare/?agencies=${three}&metric=requests.new.total`,
  ];
}

/** How far the page reaches past the right edge of the screen, and which elements stick out. */
export async function overflow(pool: PagePool, base: string, path: string, width: number, javaScriptEnabled: boolean) {
  return pool.use({ javaScriptEnabled, viewport: { width, height: 800 } }, async ({ page, problems }) => {
    await page.goto(`${base}${path}`);
    await settle(page);
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
      // Text squeezed into a column a character or two wide (首/页, 北/京/市 one per line) fits the screen but
      // cannot be read.
      // Measured on the text itself, not its element: an element may be narrower than its text (a label beside a
      // number) without squeezing it, and a machine without CJK fonts sizes such boxes from the number alone.
      const squeezed = [...document.querySelectorAll('body *')]
        .filter((el) => {
          const size = parseFloat(getComputedStyle(el).fontSize);
          return [...el.childNodes].some((n) => {
            if (n.nodeType !== Node.TEXT_NODE || [...(n.textContent?.trim() ?? '')].length < 3) return false;
            const range = document.createRange();
            range.selectNodeContents(n);
            const box = range.getBoundingClientRect();
            return box.width > 2 && box.width < 3 * size && box.height > 3.5 * size;
          });
        })
        .slice(0, 5)
        .map((el) => `${el.tagName.toLowerCase()}: ${el.textContent?.trim().slice(0, 20) ?? ''}`);
      return { scrollWidth, innerWidth, culprits: [...culprits, ...squeezed] };
    });
    // Accessibility at a phone width too: the reflowed tables and the wrapped menu must stay valid.
    const violations = width === 390 ? await axeViolations(page) : [];
    return { ...result, problems: [...problems], violations };
  });
}
