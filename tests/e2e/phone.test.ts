/**
 * The site on a phone: one page of every type, in Chinese and English, of the fixture site and of the site built
 * from data/, at the widths of common phones (360, 390 and 414 CSS px). No page is wider than the screen (no
 * sideways scrolling of the page itself: wide tables scroll inside their own region), no page logs an error at
 * these widths, and axe finds nothing at 390 px. Chart text keeps a readable size, tooltips open on a tap.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launch, PagePool, settle, watchedPage } from './browser.ts';
import { onePerType, pagePaths, pageType, readPage } from './dist.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('real');

const WIDTHS = [360, 390, 414];

let browser: Browser;
let pool: PagePool;
beforeAll(async () => {
  browser = await launch();
  pool = new PagePool(browser);
});
afterAll(async () => {
  await browser?.close();
});

/** Pages to try: one of each type, plus compare with selections in its URL (what a shared link opens). */
async function samplePages(dist: string): Promise<string[]> {
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
async function overflow(base: string, path: string, width: number, javaScriptEnabled: boolean) {
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

describe.each([
  ['fixture', 'fixtureDist', 'fixtureUrl'],
  ['data/', 'realDist', 'realUrl'],
] as const)('the %s site on a phone', async (_name, distKey, urlKey) => {
  const pages = await samplePages(inject(distKey));
  const cases = pages.flatMap((path) =>
    WIDTHS.map((width) => [`${pageType(path.split('?')[0] ?? path)} ${path} @${width}`, path, width] as const),
  );

  it.concurrent.for(cases)('%s: no wider than the screen', async ([, path, width], { expect }) => {
    const { scrollWidth, innerWidth, culprits, problems, violations } = await overflow(inject(urlKey), path, width, true);
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
      const { scrollWidth, innerWidth, culprits } = await overflow(inject(urlKey), path, 360, false);
      expect({ path, scrollWidth, culprits }).toEqual({ path, scrollWidth: innerWidth, culprits: [] });
    },
  );
});

describe('agency pages of the site built from data/', async () => {
  // The pages most likely to be too wide: the ones with the longest unbroken strings (source URLs, names),
  // plus 40 spread evenly over the rest. A fixed number, so the check takes the same time however many agencies
  // the data holds (every 25th page was 116 pages at 1,451 agencies, and grew with each curation round).
  const dist = inject('realDist');
  const all = (await pagePaths(dist)).filter((p) => /^\/(en\/)?agencies\/[^/]+\/$/.test(p));
  const longest = async (path: string) =>
    Math.max(0, ...[...(await readPage(dist, path)).matchAll(/>([^<\s]{20,})</g)].map((m) => m[1]?.length ?? 0));
  const scored = await Promise.all(all.map(async (path) => ({ path, longest: await longest(path) })));
  const sample = [
    ...new Set([
      ...scored
        .sort((a, b) => b.longest - a.longest)
        .slice(0, 60)
        .map((s) => s.path),
      ...all.filter((_, i) => i % Math.max(1, Math.floor(all.length / 40)) === 0),
    ]),
  ];

  it('are no wider than a 360 px screen', async () => {
    expect(sample.length).toBeGreaterThan(60);
    const { page } = await watchedPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    const wide: string[] = [];
    for (const path of sample) {
      await page.goto(`${inject('realUrl')}${path}`, { waitUntil: 'load' });
      const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      if (scrollWidth > 360) wide.push(`${path}: ${scrollWidth}`);
    }
    await page.context().close();
    expect(wide).toEqual([]);
  }, 600_000);
});

/** Every chart text the reader sees: its size on screen (font size × the drawing's scale) and its box. */
async function chartTexts(base: string, path: string, width: number, javaScriptEnabled: boolean) {
  const { page } = await watchedPage(browser, { javaScriptEnabled });
  await page.setViewportSize({ width, height: 900 });
  await page.goto(`${base}${path}`);
  await page.waitForLoadState('networkidle');
  if (path.includes('/compare/')) await page.locator('.compare-canvas svg').waitFor();
  const texts = await page.evaluate(() =>
    [...document.querySelectorAll<SVGTextElement>('svg text')].flatMap((t) => {
      const box = t.getBoundingClientRect();
      const ctm = t.getScreenCTM();
      if (box.width === 0 || !ctm || !t.textContent?.trim()) return [];
      const size = parseFloat(getComputedStyle(t).fontSize) * Math.hypot(ctm.a, ctm.b);
      const chart = t.closest('svg')?.getAttribute('aria-label') ?? '';
      return [{ text: t.textContent.trim(), size, chart, box: { left: box.left, right: box.right, top: box.top, bottom: box.bottom } }];
    }),
  );
  await page.context().close();
  return texts;
}

describe('chart text on a phone and on a desktop', async () => {
  const real = inject('realUrl');
  const chartPages = [
    '/agencies/511700-jt/',
    '/en/agencies/341821-jt/',
    '/metrics/requests.new.total/',
    '/en/metrics/appeals.review.total/',
    '/embed/341821-jt/appeals/',
    '/en/embed/511700-jt/requests/',
  ];
  const cases = chartPages.flatMap((path) => [360, 1366].map((width) => [`${path} @${width}`, path, width] as const));

  it.concurrent.for(cases)(
    '%s without JavaScript: every chart text at least 11 px, none overlapping',
    async ([, path, width], { expect }) => {
      const texts = await chartTexts(real, path, width, false);
      expect(texts.length).toBeGreaterThan(5);
      expect(texts.filter((t) => t.size < 11).map((t) => `${t.chart}: "${t.text}" ${t.size.toFixed(1)} px`)).toEqual([]);
      // Labels that run together ("1,000–9,99910,000–99,999") overlap; the × marks and "0" labels may touch the axis.
      const overlapping = texts.flatMap((a, i) =>
        texts.slice(i + 1).flatMap((b) => {
          const x = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
          const y = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
          return a.chart === b.chart && x > 2 && y > 2 ? [`${a.chart}: "${a.text}" / "${b.text}"`] : [];
        }),
      );
      expect(overlapping).toEqual([]);
    },
  );

  it.concurrent.for([360, 1366])('the compare chart at %i px: text at least 11 px', async (width, { expect }) => {
    const texts = await chartTexts(real, '/compare/?agencies=341821-jt,511700-jt&metric=proactive.total', width, true);
    expect(texts.length).toBeGreaterThan(5);
    expect(texts.filter((t) => t.size < 11).map((t) => `"${t.text}" ${t.size.toFixed(1)} px`)).toEqual([]);
  });
});

describe('tooltips on a touch screen', () => {
  const phone = { viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true };

  it('open on a tap on an agency chart and stay inside the screen', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${inject('realUrl')}/en/agencies/341821-jt/`);
    const mark = page.locator('section.chart svg [ecmeta_ssr_type="chart"][ecmeta_series_index="0"]').locator('visible=true').last();
    await mark.scrollIntoViewIfNeeded();
    const box = await mark.boundingBox();
    if (!box) throw new Error('no mark');
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2);
    const tip = page.locator('.chart-tip').locator('visible=true');
    await expect(tip.count()).resolves.toBe(1);
    const tipBox = await tip.boundingBox();
    expect(tipBox?.x).toBeGreaterThanOrEqual(0);
    expect((tipBox?.x ?? 0) + (tipBox?.width ?? 0)).toBeLessThanOrEqual(360);
    await expect(tip.textContent()).resolves.toMatch(/20\d\d/);
    await context.close();
  });

  it('open on a tap on the compare chart and stay inside the screen', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    await page.goto(`${inject('realUrl')}/compare/?agencies=341821-jt,511700-jt&metric=proactive.total`);
    const canvas = page.locator('.compare-canvas');
    await canvas.locator('svg').waitFor();
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no chart');
    await page.touchscreen.tap(box.x + box.width - 30, box.y + box.height - 60);
    const tip = canvas
      .locator('div')
      .filter({ hasText: /20\d\d/ })
      .locator('visible=true')
      .last();
    await tip.waitFor();
    const tipBox = await tip.boundingBox();
    expect(tipBox?.x).toBeGreaterThanOrEqual(0);
    expect((tipBox?.x ?? 0) + (tipBox?.width ?? 0)).toBeLessThanOrEqual(360);
    await context.close();
  });

  it('are never explained as hovering with a mouse', async () => {
    const { page } = await watchedPage(browser);
    for (const path of ['/compare/', '/en/compare/', '/agencies/341821-jt/', '/en/agencies/341821-jt/', '/about/', '/en/about/']) {
      await page.goto(`${inject('realUrl')}${path}?agencies=341821-jt`);
      await expect(page.locator('body').innerText(), path).resolves.not.toMatch(/hover|mouse|悬停|鼠标/i);
    }
    await page.context().close();
  });
});
