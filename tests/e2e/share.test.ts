/**
 * Embedding, sharing, citing and benchmarking on the fixture site: the bare embed page without JavaScript,
 * the chart files at their stable URLs, oEmbed discovery, og:image, citations, ranking pages and the
 * language switch.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import Papa from 'papaparse';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch } from './browser.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('fixture');

const base = inject('fixtureUrl');
const dist = inject('fixtureDist');
/** The fixture site is built with the default SITE_URL; absolute URLs in it start with this. */
const SITE = 'http://localhost:4321';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(path: string, options: { javaScriptEnabled?: boolean } = {}): Promise<Page> {
  const page = await (await browser.newContext({ ...options, acceptDownloads: true })).newPage();
  const response = await page.goto(`${base}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

const local = (absolute: string) => absolute.replace(SITE, '');

describe('embed page', () => {
  it('shows the chart, its source reports and a link back, with JavaScript off, within 5 KB gzip', async () => {
    const page = await open('/embed/511100-jt/proactive/', { javaScriptEnabled: false });
    await expect(page.locator('svg[role="img"]').locator('visible=true').getAttribute('aria-label')).resolves.toBe(
      '测试市交通运输局：主动公开信息数',
    );
    const sources = page.locator('.source a[rel~="external"]');
    await expect(sources.evaluateAll((links) => links.map((a) => a.getAttribute('href')))).resolves.toEqual([
      'https://example.gov.cn/2021.html',
      'https://example.gov.cn/2022.html',
    ]);
    await expect(page.locator('.source').textContent()).resolves.toContain('来源页面未知');
    await expect(page.locator('figcaption a').getAttribute('href')).resolves.toBe(`${SITE}/agencies/511100-jt/`);
    await expect(page.locator('figcaption a').getAttribute('target')).resolves.toBe('_top');
    await expect(page.locator('details table tbody tr').count()).resolves.toBe(3);
    await expect(page.locator('header, nav').count()).resolves.toBe(0);

    const html = await readFile(join(dist, 'embed/511100-jt/proactive/index.html'));
    const assets = [...html.toString().matchAll(/(?:src|href)="(\/_astro\/[^"]+)"/g)].map((m) => m[1] ?? '');
    const sizes = await Promise.all(assets.map(async (a) => gzipSync(await readFile(join(dist, a))).length));
    const total = gzipSync(html).length + sizes.reduce((s, n) => s + n, 0);
    // Measured: 3.4 KB; a page that doubles fails.
    expect(total, `${total} B gzip`).toBeLessThanOrEqual(5 * 1024);
  });

  it('reports its height to the embedding page, and embed.js grows and shrinks the iframe to fit', async () => {
    const page = await open('/');
    await page.setViewportSize({ width: 360, height: 800 });
    await page.setContent(
      `<iframe src="${base}/embed/511100-jt/proactive/" height="900" style="border:0;width:320px"></iframe><script src="${base}/embed.js"></script>`,
    );
    const frameHeight = () => page.locator('iframe').evaluate((f) => f.getBoundingClientRect().height);
    const contentHeight = () =>
      page
        .frameLocator('iframe')
        .locator('main')
        .evaluate((m) => m.getBoundingClientRect().height + 16);
    // Taller than the content at first: the frame shrinks to it, leaving no blank space.
    await expect.poll(frameHeight, { timeout: 5000 }).toBeLessThan(800);
    const closed = await frameHeight();
    expect(Math.abs(closed - (await contentHeight()))).toBeLessThanOrEqual(2);
    // The data table opens: the frame grows; it closes: the frame shrinks back.
    await page.frameLocator('iframe').locator('summary').click();
    await expect.poll(frameHeight, { timeout: 5000 }).toBeGreaterThan(closed + 50);
    await page.frameLocator('iframe').locator('summary').click();
    await expect.poll(frameHeight, { timeout: 5000 }).toBeLessThanOrEqual(closed + 1);
  });

  it('is discoverable through oEmbed, with absolute iframe and thumbnail URLs', async () => {
    const page = await open('/embed/511100-jt/requests/');
    const href = await page.locator('link[type="application/json+oembed"]').getAttribute('href');
    expect(href).toBe(`${SITE}/embed/511100-jt/requests/oembed.json`);
    const oembed = JSON.parse(await readFile(join(dist, local(href ?? '')), 'utf8')) as Record<string, unknown>;
    expect(oembed).toMatchObject({
      version: '1.0',
      type: 'rich',
      provider_name: '政府信息公开年报数据台',
      author_name: '测试市交通运输局',
    });
    expect(oembed.html).toContain(`<iframe src="${SITE}/embed/511100-jt/requests/"`);
    expect(oembed.html).toContain(`<script async src="${SITE}/embed.js"></script>`);
    // Only the agency's share chart (its first, proactive) is rasterised by a static build: no thumbnail here.
    expect(oembed).not.toHaveProperty('thumbnail_url');
    const shared = JSON.parse(await readFile(join(dist, 'embed/511100-jt/proactive/oembed.json'), 'utf8')) as Record<string, unknown>;
    expect(shared).toMatchObject({ thumbnail_url: `${SITE}/embed/511100-jt/proactive/chart.png`, thumbnail_width: 1280 });
  });

  it('saves any other chart as a PNG drawn by the browser from chart.svg', async () => {
    await expect(stat(join(dist, 'embed/511100-jt/requests/chart.png'))).rejects.toThrow();
    const page = await open('/agencies/511100-jt/');
    const panel = page.locator('section.chart', { has: page.locator('#chart-requests-title') }).locator('details.share');
    await panel.locator('summary').click();
    const [download] = await Promise.all([page.waitForEvent('download'), panel.locator('png-from-svg button').click()]);
    expect(download.suggestedFilename()).toBe('511100-jt-requests.png');
    const png = await readFile((await download.path()) ?? '');
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    const svg = await readFile(join(dist, 'embed/511100-jt/requests/chart.svg'), 'utf8');
    expect(png.readUInt32BE(16)).toBe(2 * Number(/width="(\d+)"/.exec(svg)?.[1]));
    // Without JavaScript the button is not offered (chart.svg is the file to print).
    const still = await open('/agencies/511100-jt/', { javaScriptEnabled: false });
    await expect(still.locator('png-from-svg button').first().isHidden()).resolves.toBe(true);
  });

  it('offers chart.svg, chart.png and data.csv at stable URLs', async () => {
    const svg = await readFile(join(dist, 'embed/511100-jt/proactive/chart.svg'), 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('<title>测试市交通运输局 · 主动公开信息数</title>');
    expect(svg).toContain('来源：测试市交通运输局2019、2021、2022年政府信息公开工作年度报告');
    const png = await readFile(join(dist, 'embed/511100-jt/proactive/chart.png'));
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(1280);
    const csv = await readFile(join(dist, 'en/embed/511100-jt/proactive/data.csv'), 'utf8');
    expect(csv.split('\n').slice(0, 2)).toEqual([
      '\uFEFFyear,metric,label_zh,label_en,value,qualifier,derived,report_id,source_url',
      expect.stringMatching(/^2019,proactive\.total,.*,80,exact,no,511100-jt-2019,$/),
    ]);
  });
});

describe('agency page sharing', () => {
  it('has an og:image (its headline chart as PNG, absolute URL) and a description', async () => {
    const page = await open('/en/agencies/511100-jt/');
    const image = await page.locator('meta[property="og:image"]').getAttribute('content');
    expect(image).toBe(`${SITE}/en/embed/511100-jt/proactive/chart.png`);
    await expect(stat(join(dist, local(image ?? '')))).resolves.toBeTruthy();
    await expect(page.locator('meta[name="description"]').getAttribute('content')).resolves.toContain('Test City Transport Bureau');
    await expect(page.locator('link[rel="canonical"]').getAttribute('href')).resolves.toBe(`${SITE}/en/agencies/511100-jt/`);
  });

  it('gives iframe code and citations that name the original reports, with the access date filled in', async () => {
    const page = await open('/agencies/511100-jt/');
    const panel = page.locator('section.chart').first().locator('details.share');
    await panel.locator('summary').click();
    await expect(panel.locator('textarea').first().inputValue()).resolves.toContain(`<iframe src="${SITE}/embed/511100-jt/proactive/"`);
    const today = new Date().toISOString().slice(0, 10);
    const gbt = await panel.locator('textarea').nth(1).inputValue();
    expect(gbt).toMatch(
      /^政府信息公开年报数据台\. 测试市交通运输局政府信息公开年度报告数据：主动公开信息数（2019、2021—2022）\[EB\/OL\]\. \[\d{4}-\d{2}-\d{2}\]\./,
    );
    expect(gbt).toContain(today.slice(0, 4));
    const reports = await page
      .locator('#cite ~ copy-text textarea')
      .evaluateAll((areas) => areas.map((a) => (a as HTMLTextAreaElement).value));
    expect(
      reports.some((r) => r.startsWith('测试市交通运输局. 测试市交通运输局2021年政府信息公开工作年度报告[EB/OL]. (2022-01-20)[')),
    ).toBe(true);
  });

  it('states the standing among agencies of its kind and level, and says when there are too few to compute it', async () => {
    const page = await open('/agencies/511100-jt/');
    const rows = page.locator('table.benchmarks tbody tr');
    await expect(rows.first().textContent()).resolves.toContain('未计算：2022年有该数字的地市级交通运输部门不足5个（现有1个）');
    const county = await open('/agencies/511111-jt/');
    await expect(county.locator('[data-headline="requests"] .standing').textContent()).resolves.toBe(
      '2022年县区级交通运输部门中没有数值更低的（共5个）；数值从大到小第2位，4个并列',
    );
  });
});

describe('ranking pages', () => {
  it('rank agencies within their level and link every figure to its report', async () => {
    const page = await open('/metrics/proactive.total/');
    await expect(page.locator('h1').textContent()).resolves.toContain('排名与分布');
    await expect(page.locator('.years a[aria-current="page"]').textContent()).resolves.toBe('2022');
    const group = page.locator('section', { has: page.locator('#group-transport-prefecture') });
    await expect(group.locator('h2').textContent()).resolves.toBe('地市级交通运输部门');
    const row = group.locator('table.ranking tbody tr').first();
    await expect(row.locator('th a').getAttribute('href')).resolves.toBe('/agencies/511100-jt/');
    await expect(row.locator('td a').getAttribute('href')).resolves.toBe('https://example.gov.cn/2022.html');
    await expect(page.locator('figure svg[role="img"]').locator('visible=true').count()).resolves.toBe(1);
  });

  it('leave out agencies without the figure rather than counting them as zero', async () => {
    const page = await open('/metrics/proactive.total/2022/');
    const text = (await page.locator('table.ranking').allTextContents()).join(' ');
    expect(text).toContain('测试市乙区交通运输局');
    expect(text).not.toContain('测试市甲区交通运输局');
  });
});

describe('language switch', () => {
  it.each(['/agencies/511100-jt/', '/metrics/proactive.total/', '/compare/', '/agencies/'])('keeps the page: %s', async (path) => {
    const page = await open(path);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/en${path}**`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await page.getByRole('link', { name: '中文' }).click();
    await page.waitForURL(`${base}${path}**`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  });
});

describe('directory filters', () => {
  it('say when nothing matches and how to widen the search, and survive the language switch', async () => {
    const page = await open('/agencies/in/510000/?level=county&q=%E6%B2%A1%E6%9C%89');
    await expect(page.locator('.filter-empty').isVisible()).resolves.toBe(true);
    await expect(page.locator('.filter-empty').textContent()).resolves.toContain('全部');
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${base}/en/agencies/in/510000/?level=county&q=*`);
    await expect(page.locator('select[name="level"]').inputValue()).resolves.toBe('county');
    await expect(page.locator('.filter-empty').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.locator('.filter-empty').isVisible()).resolves.toBe(false);
    await expect(page.locator('tbody tr:visible').count()).resolves.toBeGreaterThan(1);
  });
});

describe('data and about pages', () => {
  it('list the downloads and a dictionary row per catalogue metric', async () => {
    const page = await open('/en/data/');
    const hrefs = await page.locator('a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(hrefs).toEqual(['/downloads/figures.csv.gz', '/downloads/metrics.csv']);
    for (const href of hrefs) expect((await stat(join(dist, href))).size, href).toBeGreaterThan(100);
    const catalogue = Papa.parse(await readFile('data/metrics.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    await expect(page.locator('dl.dictionary > div').count()).resolves.toBe(catalogue.length);
    await expect(page.locator('#metric-requests\\.new\\.total dt strong').textContent()).resolves.toBe('New requests received: total');
  });

  it('explain the methods in both languages', async () => {
    const page = await open('/about/');
    await expect(page.locator('h2').allTextContents()).resolves.toContain('缺失不等于零');
  });

  it('say how to report an error, link the curation log and name the licences', async () => {
    const page = await open('/en/about/');
    await expect(page.locator('#corrections + p + p').textContent()).resolves.toContain('issue tracker');
    const log = await page.locator('a[href="/curation-log.txt"]').getAttribute('href');
    await expect(stat(join(dist, log ?? ''))).resolves.toBeTruthy();
    await expect(page.locator('a[rel~="license"]').allTextContents()).resolves.toEqual(['MIT License', 'CC BY 4.0']);
  });
});
