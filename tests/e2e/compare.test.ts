/** The compare page in a real browser, on the fixture site (agencies 511100-jt and 511112-jt). */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { launch } from './browser.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('fixture');

const base = inject('fixtureUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Opened {
  page: Page;
  /** Console errors, page errors, failed requests and HTTP errors seen so far. */
  problems: string[];
  /** Every script the page loaded, with its body. */
  scripts: Map<string, Promise<string>>;
}

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Opened> {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems: string[] = [];
  const scripts = new Map<string, Promise<string>>();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`failed: ${r.url()}`));
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    if (r.request().resourceType() === 'script') scripts.set(r.url(), r.text());
  });
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBe(200);
  return { page, problems, scripts };
}

/** Wait until the table shows the given agencies (the chart and table are drawn after the series fetches). */
async function drawn(page: Page, agencies: number) {
  await page.locator(`.compare-table:not([hidden]) thead th:nth-child(${agencies + 1})`).waitFor();
  await page.locator('.compare-canvas svg').waitFor();
}

/** Move the focus with the Tab key only, until it reaches `selector`. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);
const headers = (page: Page) => page.locator('.compare-table thead th').allTextContents();
const cells = (page: Page, year: number) =>
  page.locator('.compare-table tbody tr', { has: page.locator(`th:text-is("${year}")`) }).locator('td');

describe('compare page', () => {
  it('draws the agencies of the URL, indexed, in the chart and the table', async () => {
    const { page, problems } = await open('/compare/?agencies=511100-jt,511112-jt&metric=proactive.total&mode=index');
    await drawn(page, 2);
    await expect(page.locator('select[name="metric"]').inputValue()).resolves.toBe('proactive.total');
    await expect(page.locator('input[name="mode"][value="index"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('#compare-agency-511112-jt').isChecked()).resolves.toBe(true);

    await expect(headers(page)).resolves.toEqual(['年度', '测试市交通运输局', '测试市甲区交通运输局']);
    await expect(page.locator('.compare-table caption').textContent()).resolves.toBe('主动公开信息总数 · 指数（基年 = 100）');
    await expect(cells(page, 2019).first().textContent()).resolves.toContain('100报告数字 80');
    await expect(cells(page, 2021).first().locator('a').textContent()).resolves.toBe('150余');
    await expect(cells(page, 2021).first().locator('a').getAttribute('href')).resolves.toBe('https://example.gov.cn/2021.html');
    await expect(cells(page, 2021).last().textContent()).resolves.toBe('—未提供');
    await expect(page.locator('.compare-table tbody th').allTextContents()).resolves.toEqual(['2019', '2021', '2022']);

    const label = await page.locator('.compare-canvas').getAttribute('aria-label');
    expect(label).toContain('指数');
    expect(label).toContain('测试市交通运输局、测试市甲区交通运输局');
    await expect(page.locator('.compare-canvas').getAttribute('role')).resolves.toBe('img');
    await expect(page.locator('.compare-canvas svg path').count()).resolves.toBeGreaterThan(5);
    const notes = await page.locator('.compare-notes li').allTextContents();
    expect(notes).toContain('测试市甲区交通运输局：没有这一指标的数字。');
    expect(notes.some((n) => n.includes('2019 年为基年'))).toBe(true);
    expect(problems).toEqual([]);
  });

  it('is operated by keyboard alone; the URL follows and reproduces the state', async () => {
    const { page, problems } = await open('/compare/?agencies=511100-jt&metric=proactive.total&mode=abs');
    await drawn(page, 1);

    await tabTo(page, 'select[name="metric"]');
    await page.keyboard.press('ArrowDown');
    const metric = await page.locator('select[name="metric"]').inputValue();
    expect(metric).not.toBe('proactive.total');
    await expect.poll(() => query(page).metric).toBe(metric);

    await tabTo(page, 'input[name="mode"]:checked');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => query(page).mode).toBe('index');

    await tabTo(page, '#compare-search');
    await page.keyboard.type('甲区');
    // Searching loads every province's list first, then filters.
    await expect.poll(() => page.locator('.compare-search output').textContent()).toBe('2 / 11 个机关符合');
    await tabTo(page, '#compare-agency-511112-jt');
    await page.keyboard.press('Space');
    await expect.poll(() => query(page).agencies).toBe('511100-jt,511112-jt');
    await expect
      .poll(() => page.locator('.compare-announce').textContent())
      .toMatch(/^已添加 测试市甲区交通运输局。 图表已更新：.+，2 个机关。$/);
    await drawn(page, 2);

    await tabTo(page, 'button[data-agency="511100-jt"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => query(page).agencies).toBe('511112-jt');
    await expect(page.evaluate(() => document.activeElement?.getAttribute('data-agency'))).resolves.toBe('511112-jt');

    const url = page.url();
    expect(url).toBe(`${base}/compare/?agencies=511112-jt&metric=${metric}&mode=index`);
    expect(problems).toEqual([]);

    const again = await open(url.slice(base.length));
    await drawn(again.page, 1);
    await expect(again.page.locator('select[name="metric"]').inputValue()).resolves.toBe(metric);
    await expect(again.page.locator('input[name="mode"][value="index"]').isChecked()).resolves.toBe(true);
    await expect(
      again.page.locator('input[name="agencies"]:checked').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value)),
    ).resolves.toEqual(['511112-jt']);
    await expect(headers(again.page)).resolves.toEqual(['年度', '测试市甲区交通运输局']);
    expect(again.page.url()).toBe(url);
    expect(again.problems).toEqual([]);
  });

  it('ignores unknown parameters with a visible note instead of failing', async () => {
    const { page, problems } = await open('/compare/?agencies=nope,511100-jt&metric=bogus&mode=zzz');
    await drawn(page, 1);
    const notes = await page.locator('.compare-notes li').allTextContents();
    expect(notes).toEqual([
      '链接中的未知机关编号已忽略：nope。',
      '链接中的指标“bogus”不存在或没有数据，改为显示“本年新收申请 · 总计”。',
      '链接中的显示方式“zzz”无效，改为显示绝对值。',
    ]);
    expect(query(page)).toEqual({ agencies: '511100-jt', metric: 'requests.new.total', mode: 'abs' });
    await expect(cells(page, 2022).first().textContent()).resolves.toBe('5');
    expect(problems).toEqual([]);
  });

  it('exists in English, with English figures and links', async () => {
    const { page, problems } = await open('/en/compare/?agencies=511100-jt,511112-jt&metric=proactive.total&mode=abs');
    await drawn(page, 2);
    await expect(page.locator('h1').textContent()).resolves.toBe('Compare agencies');
    await expect(headers(page)).resolves.toEqual(['Year', 'Test City Transport Bureau', 'Test District A Transport Bureau']);
    await expect(page.locator('.compare-table caption').textContent()).resolves.toBe('Items disclosed proactively (total) · count');
    await expect(cells(page, 2021).first().textContent()).resolves.toBe('120+');
    await expect(page.locator('.compare-table thead a').first().getAttribute('href')).resolves.toBe('/en/agencies/511100-jt/');
    await expect(page.locator('.site-header a[hreflang="zh-CN"]').getAttribute('href')).resolves.toBe(
      `${base}/compare/?agencies=511100-jt,511112-jt&metric=proactive.total&mode=abs`,
    );
    expect(problems).toEqual([]);
  });

  it.each(['/compare/', '/en/compare/'])('%s has no axe violations with a chart drawn', async (path) => {
    const { page, problems } = await open(`${path}?agencies=511100-jt,511112-jt&metric=proactive.total&mode=index`);
    await drawn(page, 2);
    await expect(axeViolations(page)).resolves.toEqual([]);
    expect(problems).toEqual([]);
  });

  it('works without JavaScript: the form submits the metric and view, and each province links to its agencies', async () => {
    const { page, problems } = await open('/compare/', { javaScriptEnabled: false });
    await expect(page.locator('.compare-nojs-lead').isVisible()).resolves.toBe(true);
    await expect(page.locator('.compare-nojs-lead').textContent()).resolves.toContain('JavaScript');
    await expect(page.locator('.compare-output').isVisible()).resolves.toBe(false);
    await page.locator('details.compare-province').first().locator('summary').click();
    await expect(page.locator('.compare-province-nojs a').first().getAttribute('href')).resolves.toBe('/agencies/in/100000/');
    // No blank space: the page ends with its footer.
    const gap = await page.evaluate(
      () => document.documentElement.scrollHeight - (document.querySelector('footer')?.getBoundingClientRect().bottom ?? 0) - scrollY,
    );
    expect(gap).toBeLessThanOrEqual(1);
    await page.selectOption('select[name="metric"]', 'proactive.total');
    await page.check('input[name="mode"][value="index"]');
    await Promise.all([page.waitForURL(/\?/), page.click('.compare-submit')]);
    expect(new URL(page.url()).pathname).toBe('/compare/');
    expect(new URL(page.url()).search).toBe('?metric=proactive.total&mode=index');
    expect(problems).toEqual([]);

    const enhanced = await open('/compare/?metric=proactive.total&mode=index&agencies=511100-jt&agencies=511112-jt');
    await drawn(enhanced.page, 2);
    expect(query(enhanced.page)).toEqual({ agencies: '511100-jt,511112-jt', metric: 'proactive.total', mode: 'index' });
  });

  it('carries no agency list in its HTML: a province’s agencies load when it is opened', async () => {
    const html = await (await fetch(`${base}/compare/`)).text();
    expect(html).not.toContain('测试市甲区交通运输局');
    const { page, problems } = await open('/compare/');
    await expect(page.locator('input[name="agencies"]').count()).resolves.toBe(0);
    await page.locator('details.compare-province[data-chunk="510000"] summary').click();
    await expect.poll(() => page.locator('details[data-chunk="510000"] input[name="agencies"]').count()).toBe(10);
    await page.check('#compare-agency-511111-jt');
    await expect.poll(() => query(page).agencies).toBe('511111-jt');
    expect(problems).toEqual([]);
  });

  it('loads the ECharts client here only, and only once there is something to draw', async () => {
    const empty = await open('/compare/');
    await empty.page.locator('.compare-empty:visible').waitFor();
    expect([...empty.scripts.keys()].some((url) => url.includes('echarts'))).toBe(false);

    const { page, scripts } = await open('/compare/?agencies=511100-jt&metric=proactive.total');
    await drawn(page, 1);
    const bodies = await Promise.all(scripts.values());
    const gzipped = bodies.reduce((n, body) => n + gzipSync(body).length, 0);
    expect([...scripts.keys()].some((url) => url.includes('echarts'))).toBe(true);
    // ECharts core + line chart + grid + legend + tooltip + SVG renderer is about 175 KB gzipped.
    expect(gzipped).toBeLessThanOrEqual(200 * 1024);

    const agency = await open('/agencies/511100-jt/');
    await agency.page.waitForLoadState('networkidle');
    expect([...agency.scripts.keys()].some((url) => url.includes('echarts'))).toBe(false);
  });
});
