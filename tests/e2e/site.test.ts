/** The built site in a real browser, on the fixture dataset (tests/unit/fixtures.ts) built with DATA_DIR. */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTree } from '../helpers.ts';
import { launch } from './browser.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('fixture', 'fixture-again');

const base = inject('fixtureUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

describe('agency page', () => {
  it('draws each headline chart as SVG with its data table and source links', async () => {
    const page = await open('/agencies/511100-jt/');
    const chart = page.locator('section.chart', { has: page.locator('h3', { hasText: '主动公开信息数' }) });
    // One drawing per width; the reader sees the one that fits.
    const svg = chart.locator('svg[role="img"]').locator('visible=true');
    await expect(svg.count()).resolves.toBe(1);
    await expect(svg.locator('path').count()).resolves.toBeGreaterThan(5);

    const rows = chart.locator('tbody tr');
    await expect(rows.locator('th').allTextContents()).resolves.toEqual(['2022', '2021', '2019']);
    await expect(rows.nth(1).locator('td.num').textContent()).resolves.toBe('120余');
    await expect(rows.nth(1).locator('td.num .approx').count()).resolves.toBe(1);
    await expect(rows.nth(1).locator('a').getAttribute('href')).resolves.toBe('https://example.gov.cn/2021.html');
    await expect(rows.nth(2).locator('td').last().textContent()).resolves.toBe('来源页面未知');
  });

  it('names the measures no report states once, instead of drawing empty boxes or zeros', async () => {
    const page = await open('/agencies/511100-jt/');
    await expect(page.locator('section.chart', { has: page.locator('h3', { hasText: '信息公开收费' }) }).count()).resolves.toBe(0);
    await expect(page.locator('.own-figures .unstated').allTextContents()).resolves.toEqual(['报告未给出：信息公开收费（元）、行政诉讼']);
  });

  it('shows headline figures with the change on the previous year', async () => {
    const page = await open('/agencies/511100-jt/');
    const card = page.locator('[data-headline="proactive"]');
    await expect(card.locator('.value').textContent()).resolves.toContain('150');
    await expect(card.textContent()).resolves.toContain('比上年（2021）：≈+30');
  });

  it('lists the data-quality warnings and the sources', async () => {
    const page = await open('/agencies/511100-jt/');
    await expect(page.locator('.warnings [data-rule="R4"]').count()).resolves.toBe(1);
    const sources = page.locator('.sources li');
    await expect(sources.count()).resolves.toBe(3);
    await expect(page.locator('[data-report="511100-jt-2019"]').textContent()).resolves.toContain('来源页面未知');
    await expect(page.locator('[data-report="511100-jt-2021"] a.url').getAttribute('href')).resolves.toBe(
      'https://example.gov.cn/2021.html',
    );
    // Each report links to its figures, listed on the agency's figures page with their locators.
    const link = page.locator('[data-report="511100-jt-2021"] a[href$="figures/#report-511100-jt-2021"]');
    await expect(link.textContent()).resolves.toMatch(/^本报告的\d+个数字$/);
    await expect(page.locator('[data-report] table').count()).resolves.toBe(0);
    await Promise.all([page.waitForURL(/\/figures\/#report-511100-jt-2021$/), link.click()]);
    await expect(page.locator('h1').textContent()).resolves.toBe('测试市交通运输局 · 报告中的全部数字');
    const figure = page.locator('[data-report="511100-jt-2021"] tr[data-metric="proactive.total"]');
    await expect(figure.locator('td').allTextContents()).resolves.toEqual(['120余 ', '第一部分（一）', '']);
  });

  it('offers the agency figures as CSV and JSON', async () => {
    const page = await open('/agencies/511100-jt/');
    const csvHref = await page.locator('#downloads ~ ul a', { hasText: 'CSV' }).getAttribute('href');
    const csv = await page.request.get(`${base}${csvHref}`);
    expect(csv.status()).toBe(200);
    expect(await csv.text()).toContain('511100-jt,测试市交通运输局,Test City Transport Bureau');
    const json = await page.request.get(`${base}/downloads/agencies/511100-jt.json`);
    expect((await json.json()).reports).toHaveLength(3);
  });

  it('is readable with JavaScript off: charts and tables are in the HTML', async () => {
    const page = await open('/agencies/511100-jt/', { javaScriptEnabled: false });
    // Each chart is drawn once on the page (embeds add wider drawings), and it shows. Peer strips are counted apart.
    await expect(page.locator('section.chart:not(.peer-strip) svg').count()).resolves.toBe(3);
    await expect(page.locator('section.chart:not(.peer-strip) svg').locator('visible=true').count()).resolves.toBe(3);
    await expect(page.locator('section.chart:not(.peer-strip) table').count()).resolves.toBe(3);
  });

  it('shows a tooltip with the value and its source when hovering a point', async () => {
    const page = await open('/agencies/511100-jt/');
    const chart = page.locator('chart-hover').first();
    await chart.locator('[ecmeta_series_index="0"][ecmeta_data_index="2"]').locator('visible=true').hover({ force: true });
    await expect(chart.locator('.chart-tip').textContent()).resolves.toContain('2021：120余');
  });

  it('exists in English with the qualifier in English', async () => {
    const page = await open('/en/agencies/511100-jt/');
    await expect(page.locator('h1').textContent()).resolves.toBe('Test City Transport Bureau');
    await expect(page.locator('section.chart').first().textContent()).resolves.toContain('120+');
  });
});

describe('directory and home', () => {
  it('filters a province list by kind, level and the search box, with counts on each choice', async () => {
    const page = await open('/agencies/in/510000/');
    await expect(page.locator('tbody tr:visible').count()).resolves.toBe(10);
    await expect(page.locator('select[name="sector"] option').allTextContents()).resolves.toEqual([
      '全部',
      '人民政府 (2)',
      '交通运输 (7)',
      '教育 (1)',
    ]);
    await page.selectOption('select[name="level"]', 'county');
    await expect(page.locator('tbody tr:visible').count()).resolves.toBe(7);
    await page.selectOption('select[name="sector"]', 'government');
    await expect(page.locator('tbody tr:visible').count()).resolves.toBe(1);
    const searched = await open('/en/agencies/in/510000/?q=test%20city');
    await expect(searched.locator('tbody tr:visible').count()).resolves.toBe(3);
  });

  it('finds agencies by name on the directory without carrying them in its HTML', async () => {
    const page = await open('/agencies/?q=甲区');
    await page.locator('.search-results a').first().waitFor();
    await expect(page.locator('.search-results a').allTextContents()).resolves.toEqual(['测试市甲区交通运输局', '测试市甲区人民政府']);
    await expect(page.locator('.search-status').textContent()).resolves.toBe('找到2个机关');
    await page.fill('#directory-q', '不存在的机关');
    await expect.poll(() => page.locator('.search-status').textContent()).toMatch(/^没有名称包含“不存在的机关”的机关/);
    const html = await (await fetch(`${base}/agencies/`)).text();
    expect(html).not.toContain('测试市乙区交通运输局');
  });

  it('offers facets by kind, level and province with counts on the directory and home page', async () => {
    for (const path of ['/agencies/', '/']) {
      const page = await open(path);
      const facets = page.locator('nav.facet');
      await expect(facets.nth(0).locator('li').allTextContents()).resolves.toEqual(['人民政府 2', '交通运输 8', '教育 1']);
      await expect(facets.nth(1).locator('li').allTextContents()).resolves.toEqual(['国家级 1', '地市级 3', '县区级 7']);
      await expect(facets.nth(2).locator('li').allTextContents()).resolves.toEqual(['全国 1', '四川省 10']);
    }
    const kind = await open('/agencies/kind/transport/');
    await expect(kind.locator('nav.facet').first().locator('a').first().getAttribute('href')).resolves.toBe(
      '/agencies/in/100000/?sector=transport',
    );
  });

  it('shows coverage on the home page', async () => {
    const page = await open('/');
    await expect(page.locator('.stats').textContent()).resolves.toMatch(/11\s*机关\s*20\s*年度报告/);
    await expect(page.locator('table.coverage tbody tr').count()).resolves.toBe(2);
  });
});

describe('deterministic output', () => {
  it('builds byte-identical HTML and downloads from the same input', async () => {
    const [a, b] = await Promise.all([readTree(inject('fixtureDist')), readTree(inject('fixtureDistAgain'))]);
    expect(Object.keys(a).length).toBeGreaterThan(10);
    expect(a).toEqual(b);
  });
});
