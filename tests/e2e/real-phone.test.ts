/**
 * The site built from data/ on a phone: one page of every type, in Chinese and English, at the widths of common
 * phones (phone-checks.ts), with the checks of phone.test.ts; agency pages with the longest unbroken strings; chart
 * text at least 11 px and never overlapping on a phone and a desktop; tooltips that open on a tap.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, PagePool, watchedPage } from './browser.ts';
import { pagePaths, pageType, readPage } from './dist.ts';
import { sitesReady } from './built-sites.ts';
import { overflow, samplePages, WIDTHS } from './phone-checks.ts';

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

describe.each([['data/', 'realDist', 'realUrl']] as const)('the %s site on a phone', async (_name, distKey, urlKey) => {
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
