/**
 * Every kind of agency on the fixture site (issue 16): a one-year agency leads with its peer strips, a long
 * series shows its gap, breaks and implied value, a government shows its whole-city totals apart, a place
 * page lists the government's reports and departments, and the corrections log and timeliness view exist in
 * both languages.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
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

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  const response = await page.goto(`${base}${path}`);
  expect(response?.status(), path).toBe(200);
  return page;
}

describe('an agency with one year of reports', () => {
  it('leads with where it stands among its peers, not with year charts, and lists unstated measures once', async () => {
    const page = await open('/agencies/511112-jt/');
    await expect(page.locator('.own-figures .card').count()).resolves.toBe(2);
    await expect(page.locator('.own-figures .unstated').first().textContent()).resolves.toBe(
      '报告未给出：信息公开收费（元）、行政复议、行政诉讼',
    );
    await expect(page.locator('.own-figures section.chart:not(.peer-strip)').count()).resolves.toBe(0);
    const strip = page.locator('section.peer-strip[data-metric="requests.new.total"]');
    await expect(strip.locator('svg[role="img"]').count()).resolves.toBe(1);
    await expect(strip.locator('.standing').textContent()).resolves.toContain('2022年县区级交通运输部门中没有数值更低的（共5个）');
    await expect(strip.locator('tbody td').allTextContents()).resolves.toEqual(['0', '5', '0', '0', '2']);
    // The channel sum is shown as a sum and never ranked.
    const card = page.locator('[data-headline="proactive"]');
    await expect(card.locator('.meta').first().textContent()).resolves.toContain('各渠道之和，可能重复计算');
    await expect(card.locator('.standing').textContent()).resolves.toBe('渠道之和不与报告所述总数一起排名');
  });
});

describe('an agency with six years of reports', () => {
  it('draws the gap year, the two template changes and the implied value, and explains each under the chart', async () => {
    const page = await open('/agencies/511111-jt/');
    const chart = page.locator('section.chart', { has: page.locator('h3', { hasText: '公开申请及办理结果' }) });
    const svg = (await chart.locator('svg[role="img"]').last().innerHTML()) ?? '';
    expect(svg).toContain('2019年起新格式');
    expect(svg).toContain('2021年起新格式');
    expect(svg).toContain('推算 4');
    await expect(chart.locator('.chart-notes li').allTextContents()).resolves.toEqual([
      expect.stringContaining('2019年起报告改用统一表格'),
      expect.stringContaining('2021年起采用新的报告格式'),
      expect.stringContaining('2020年没有报告数字，这是由2021年报告所述比上年变化（+2）推算的值'),
    ]);
    await expect(chart.locator('tbody th').allTextContents()).resolves.toEqual(['2022', '2021', '2019', '2018', '2017', '2016']);
    // The stated change that disagrees with the year before is a data-quality warning.
    await expect(page.locator('#quality ~ ul').first().textContent()).resolves.toContain('比上年变化-5');
  });
});

describe('a government', () => {
  it('shows its own figures and its whole-city totals apart, each with its own peers', async () => {
    const page = await open('/agencies/511100-zf/');
    await expect(page.locator('.own-figures [data-headline="requests"] .value').textContent()).resolves.toBe('40');
    await expect(page.locator('.own-figures [data-headline="requests"]').textContent()).resolves.toContain(
      '报告称比上年+10；据此推算2021年为30',
    );
    await expect(page.locator('.system-totals h2').textContent()).resolves.toContain('全市合计');
    await expect(page.locator('.system-totals [data-headline="requests"] .value').textContent()).resolves.toBe('500');
    await expect(page.locator('.system-totals [data-headline="requests"] .standing a').getAttribute('href')).resolves.toBe(
      '/totals/requests.new.total/2022/',
    );
  });
});

describe('a place', () => {
  it('lists the government’s reports of both scopes, the departments with their latest figures, and the places below', async () => {
    const page = await open('/places/511100/');
    await expect(page.locator('h1').textContent()).resolves.toBe('乐山市');
    await expect(page.locator('.breadcrumbs a').allTextContents()).resolves.toEqual(['全国', '四川省']);
    await expect(
      page.locator('table.place-reports tbody tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.scope)),
    ).resolves.toEqual(['agency', 'system', 'system']);
    await expect(page.locator('table.place-reports tbody tr').nth(1).textContent()).resolves.toContain('逾期2天发布');
    await expect(page.locator('table.place-departments tbody th').allTextContents()).resolves.toEqual(['测试市交通运输局', '测试市教育局']);
    await expect(page.locator('.place-children a').count()).resolves.toBe(6);
    const en = await open('/en/places/100000/');
    await expect(en.locator('h1').textContent()).resolves.toBe('China');
    await expect(en.locator('table.place-departments tbody th').allTextContents()).resolves.toEqual(['Test Ministry of Transport']);
  });
});

describe('corrections log', () => {
  it('lists each correction in both languages and is linked from the corrected figure and its agency', async () => {
    const page = await open('/corrections/');
    const row = page.locator('table.corrections tbody tr').first();
    await expect(row.getAttribute('id')).resolves.toBe('fix-511100-jt-2022-proactive-total');
    await expect(row.locator('td').allTextContents()).resolves.toEqual([
      '2026年1月5日',
      '主动公开信息总数',
      '105',
      '150',
      'fixture: misread 一(一)',
      '2022年报告',
    ]);
    const en = await open('/en/corrections/');
    await expect(en.locator('h1').textContent()).resolves.toBe('Corrections log');
    const agency = await open('/agencies/511100-jt/');
    await expect(agency.locator('a[href="/corrections/#agency-511100-jt"]').count()).resolves.toBe(1);
    // The corrected figure itself is listed, with its link, on the agency's figures page.
    const figures = await open('/agencies/511100-jt/figures/');
    await expect(figures.locator('a.corrected').getAttribute('href')).resolves.toBe('/corrections/#fix-511100-jt-2022-proactive-total');
  });
});

describe('timeliness', () => {
  it('orders reports by publication against the deadline per peer group and keeps unknown dates apart', async () => {
    const page = await open('/timeliness/2022/');
    const county = page.locator('section.timeliness-group', { has: page.locator('h3', { hasText: /^县区级交通运输部门$/ }) });
    await expect(county.locator('tbody tr th').allTextContents()).resolves.toEqual([
      '测试市乙区交通运输局',
      '测试市丁区交通运输局',
      '测试县交通运输局',
      '测试市丙区交通运输局',
      '测试县乙交通运输局',
    ]);
    await expect(county.locator('tbody tr').last().textContent()).resolves.toContain('逾期15天');
    await expect(county.locator('.timeliness-unknown li').allTextContents()).resolves.toEqual(['测试市甲区交通运输局']);
    await expect(county.locator('p.muted').textContent()).resolves.toBe('按时4份，逾期1份，日期不详1份');
  });
});
