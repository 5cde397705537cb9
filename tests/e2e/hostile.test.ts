/**
 * The site built from the hostile fixture (tests/unit/hostile-fixtures.ts): markup and script in every name,
 * alias, note, locator and metric label, quotes and markup in URLs. On every page no dialog opens, no element
 * or event handler is injected, and only the site's own scripts exist; the hostile text shows as literal
 * text where it belongs, in pages and in the chart files; and the Content-Security-Policy stops an inline
 * script that got in anyway.
 */
import Papa from 'papaparse';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  HOSTILE_IDS,
  HOSTILE_LOCATOR,
  HOSTILE_METRIC,
  HOSTILE_NAMES,
  HOSTILE_NOTE,
  HOSTILE_URLS,
  PAYLOAD,
} from '../unit/hostile-fixtures.ts';
import { launch, PagePool, settle, watchedPage } from './browser.ts';
import { pagePaths } from './dist.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('hostile');

const base = inject('hostileUrl');
let browser: Browser;
let pool: PagePool;
beforeAll(async () => {
  browser = await launch();
  pool = new PagePool(browser);
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string) {
  const watched = await watchedPage(browser);
  const response = await watched.page.goto(`${base}${path}`);
  if (response?.status() !== 200) throw new Error(`${path}: HTTP ${response?.status()}`);
  await settle(watched.page);
  return watched;
}

/** What an injection would leave in the DOM: payload elements, event-handler attributes, unknown scripts. */
async function injected(page: Awaited<ReturnType<typeof open>>['page']): Promise<string[]> {
  return page.evaluate(async () => {
    const found: string[] = [];
    for (const el of document.querySelectorAll('img[src="x"]')) found.push(`element ${el.outerHTML}`);
    for (const el of document.querySelectorAll('*')) {
      for (const attr of el.attributes) if (/^on/i.test(attr.name)) found.push(`handler ${el.tagName} ${attr.name}`);
    }
    // Every script is a bundle from /_astro/ or an inline script whose hash the policy lists.
    const policy = document.querySelector('meta[http-equiv="content-security-policy"]')?.getAttribute('content') ?? '';
    for (const script of document.querySelectorAll('script')) {
      if (script.src) {
        if (new URL(script.src).pathname.startsWith('/_astro/')) continue;
        found.push(`script ${script.src}`);
      } else {
        const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(script.textContent ?? ''));
        const hash = btoa(String.fromCharCode(...new Uint8Array(digest)));
        if (!policy.includes(`'sha256-${hash}'`)) found.push(`inline script ${(script.textContent ?? '').slice(0, 60)}`);
      }
    }
    return found;
  });
}

describe('every page of the hostile site', async () => {
  const paths = await pagePaths(inject('hostileDist'));
  it.concurrent.for(paths)('%s runs nothing from the data', (path, { expect }) =>
    pool.use({}, async ({ page, problems }) => {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status(), path).toBe(200);
      await settle(page);
      expect(await injected(page)).toEqual([]);
      expect(problems).toEqual([]);
    }),
  );

  it('drew the compare chart from hostile names without injecting anything', async () => {
    const { page, problems } = await open(`/compare/?agencies=${HOSTILE_IDS.city},${HOSTILE_IDS.county}&metric=${HOSTILE_METRIC.key}`);
    await page.locator('.compare-canvas svg').waitFor();
    const canvas = page.locator('.compare-canvas');
    const box = await canvas.boundingBox();
    if (!box) throw new Error('no compare chart');
    // Hover the plot so the axis tooltip (HTML built from the names) is drawn too.
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.7);
    await expect.poll(() => canvas.textContent()).toContain(HOSTILE_NAMES.county.zh);
    expect(await page.locator('.compare-table thead th').allTextContents()).toEqual([
      '年度',
      HOSTILE_NAMES.city.zh,
      HOSTILE_NAMES.county.zh,
    ]);
    expect(await page.locator('.compare-table caption').textContent()).toContain(HOSTILE_METRIC.zh);
    expect(await page.locator('.compare-table tbody a').first().getAttribute('href')).toBe(HOSTILE_URLS.city2021);
    expect(await canvas.getAttribute('aria-label')).toContain(HOSTILE_NAMES.city.zh);
    expect(await injected(page)).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('hostile text is shown as text', () => {
  it('agency page: heading, aliases, notes, locators, source links and tooltips', async () => {
    const { page } = await open(`/agencies/${HOSTILE_IDS.city}/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAMES.city.zh);
    expect(await page.title()).toContain(HOSTILE_NAMES.city.zh);
    expect(await page.locator('main').textContent()).toContain(PAYLOAD.quotes);
    const report = page.locator(`[data-report="${HOSTILE_IDS.city}-2021"]`);
    expect(await report.locator('a').first().getAttribute('href')).toBe(HOSTILE_URLS.city2021);
    expect(await report.locator('a').first().textContent()).toBe(HOSTILE_URLS.city2021);
    // The figures with their locators and notes are on the agency's figures page.
    const figures = (await open(`/agencies/${HOSTILE_IDS.city}/figures/`)).page.locator(`[data-report="${HOSTILE_IDS.city}-2021"]`);
    expect(await figures.locator(`tr[data-metric="${HOSTILE_METRIC.key}"] td`).allTextContents()).toEqual(
      expect.arrayContaining([HOSTILE_LOCATOR]),
    );
    // Curators' notes are in English: the English page shows them (as text), the Chinese one does not.
    expect(await figures.textContent()).not.toContain(HOSTILE_NOTE);
    const english = (await open(`/en/agencies/${HOSTILE_IDS.city}/figures/`)).page.locator(`[data-report="${HOSTILE_IDS.city}-2021"]`);
    expect(await english.textContent()).toContain(HOSTILE_NOTE);
    expect(await english.locator(`tr[data-metric="${HOSTILE_METRIC.key}"] td`).allTextContents()).toEqual(
      expect.arrayContaining([HOSTILE_LOCATOR, HOSTILE_NOTE]),
    );
    const svg = page.locator('section.chart svg[role="img"]').first();
    expect(await svg.getAttribute('aria-label')).toBe(`${HOSTILE_NAMES.city.zh}：主动公开信息数`);
    expect(await svg.locator('text').allTextContents()).toContain(HOSTILE_METRIC.zh);
    const tips = JSON.parse((await page.locator('chart-hover').first().getAttribute('data-tips')) ?? '') as (string | null)[][];
    expect(tips.flat().some((tip) => tip?.startsWith(`${HOSTILE_METRIC.zh} · 2021`))).toBe(true);
    const embedCode = await page.locator('.share textarea').first().inputValue();
    expect(embedCode).toContain(`title="测试市&lt;script&gt;alert(1)&lt;/script&gt;局 · 主动公开信息数"`);
  });

  it('English agency page and directory', async () => {
    const { page } = await open(`/en/agencies/${HOSTILE_IDS.city}/`);
    expect(await page.locator('h1').textContent()).toBe(HOSTILE_NAMES.city.en);
    const directory = (await open('/en/agencies/in/510000/')).page;
    expect(await directory.locator('tbody a').allTextContents()).toEqual(
      expect.arrayContaining([HOSTILE_NAMES.city.en, HOSTILE_NAMES.county.en]),
    );
    // The search results are built from the name index in the browser: as text, never as markup.
    const search = (await open('/en/agencies/?q=bureau')).page;
    await search.locator('.search-results a').first().waitFor();
    expect(await search.locator('.search-results a').allTextContents()).toEqual([HOSTILE_NAMES.city.en]);
  });

  it('ranking tables and the distribution chart', async () => {
    const { page } = await open(`/metrics/${HOSTILE_METRIC.key}/2022/`);
    expect(await page.locator('h1').textContent()).toContain(HOSTILE_METRIC.zh);
    expect(await page.locator('main table a').allTextContents()).toEqual(
      expect.arrayContaining([HOSTILE_NAMES.city.zh, HOSTILE_NAMES.county.zh]),
    );
    expect(await page.locator('svg[role="img"]').first().getAttribute('aria-label')).toContain(HOSTILE_METRIC.zh);
  });

  it('embed page: caption, chart label and legend, data table', async () => {
    const { page } = await open(`/embed/${HOSTILE_IDS.county}/proactive/`);
    expect(await page.locator('figcaption a').first().textContent()).toBe(HOSTILE_NAMES.county.zh);
    expect(await page.locator('svg[role="img"]').first().getAttribute('aria-label')).toBe(`${HOSTILE_NAMES.county.zh}：主动公开信息数`);
    expect(await page.locator('svg text').allTextContents()).toContain(HOSTILE_METRIC.zh);
    expect(await page.locator('details table caption').textContent()).toBe(`${HOSTILE_NAMES.county.zh} · 主动公开信息数`);
    expect(await page.locator('details table thead').textContent()).toContain(HOSTILE_METRIC.zh);
  });

  it('chart.svg parses as XML with the names as text', async () => {
    const { page } = await open(`/embed/${HOSTILE_IDS.city}/proactive/`);
    const svg = await (await page.request.get(`${base}/en/embed/${HOSTILE_IDS.city}/proactive/chart.svg`)).text();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        title: doc.querySelector('title')?.textContent,
        texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
        elements: doc.querySelectorAll('script, img, foreignObject').length,
      };
    }, svg);
    expect(parsed).toMatchObject({ error: null, elements: 0, title: `${HOSTILE_NAMES.city.en} · Items disclosed proactively` });
    expect(parsed.texts).toContain(HOSTILE_METRIC.en);
  });

  it('data.csv and oembed.json round-trip the text', async () => {
    const { page } = await open(`/embed/${HOSTILE_IDS.city}/proactive/`);
    const csv = await (await page.request.get(`${base}/embed/${HOSTILE_IDS.city}/proactive/data.csv`)).text();
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.year === '2021')).toMatchObject({
      label_zh: HOSTILE_METRIC.zh,
      label_en: HOSTILE_METRIC.en,
      source_url: HOSTILE_URLS.city2021,
    });

    const oembed = (await (await page.request.get(`${base}/embed/${HOSTILE_IDS.city}/proactive/oembed.json`)).json()) as Record<
      string,
      string
    >;
    expect(oembed.title).toBe(`${HOSTILE_NAMES.city.zh} · 主动公开信息数`);
    const iframe = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      return { title: doc.querySelector('iframe')?.title, elements: doc.querySelectorAll('iframe, script').length };
    }, oembed.html ?? '');
    expect(iframe).toEqual({ title: oembed.title, elements: 2 });
  });

  it('compare page: the agency list and the messages JSON', async () => {
    const { page } = await open('/compare/');
    await page.locator('details.compare-province[data-chunk="510000"] summary').click();
    await page.locator(`label[for="compare-agency-${HOSTILE_IDS.county}"]`).waitFor();
    expect(await page.locator(`label[for="compare-agency-${HOSTILE_IDS.county}"]`).textContent()).toBe(HOSTILE_NAMES.county.zh);
    expect(await page.locator('select[name="metric"] option[value="proactive.total"]').getAttribute('data-label')).toBe(HOSTILE_METRIC.zh);
    const messages = await page.locator('compare-chart').getAttribute('data-messages');
    expect(JSON.parse(messages ?? '')).toMatchObject({ tableMissing: expect.any(String) });
  });
});

describe('Content-Security-Policy', () => {
  it('blocks an inline script and an event handler that reach the page', async () => {
    const { page } = await open(`/agencies/${HOSTILE_IDS.city}/`);
    const outcome = await page.evaluate(async () => {
      const violations: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => violations.push(e.violatedDirective));
      const flags = window as unknown as { injectedScript?: boolean; injectedHandler?: boolean };
      const script = document.createElement('script');
      script.textContent = 'window.injectedScript = true';
      document.body.append(script);
      const holder = document.createElement('div');
      // A whole 1×1 GIF: the handler is only judged when the image loads, and Chromium 150 no longer loads a truncated one.
      holder.innerHTML =
        '<img src="data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7" onload="window.injectedHandler = true">';
      document.body.append(holder);
      await new Promise((resolve) => setTimeout(resolve, 300));
      return { script: flags.injectedScript ?? false, handler: flags.injectedHandler ?? false, violations };
    });
    expect(outcome).toEqual({ script: false, handler: false, violations: expect.arrayContaining(['script-src-elem', 'script-src-attr']) });
  });
});
