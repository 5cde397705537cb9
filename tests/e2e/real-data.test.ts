/** The site built from the bundled data: every agency is listed and has a page with working source links. */
import { readFileSync } from 'node:fs';
import { access } from 'node:fs/promises';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch } from './browser.ts';
import { sitesReady } from './built-sites.ts';

await sitesReady('real');

const agencies = Papa.parse<{ id: string }>(readFileSync('data/agencies.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
const reports = Papa.parse<{ agency_id: string; source_url: string }>(readFileSync('data/reports.csv', 'utf8'), {
  header: true,
  skipEmptyLines: true,
}).data;
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('site built from data/', () => {
  it('lists every agency in the directory: the province facets add up, and each province page lists its agencies', async () => {
    const page = await browser.newPage();
    await page.goto(`${inject('realUrl')}/agencies/`);
    const provinces = page.locator('nav.facet').nth(2).locator('li');
    const counts = (await provinces.locator('.count').allTextContents()).map(Number);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(agencies.length);
    let listed = 0;
    for (const href of await provinces.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''))) {
      await page.goto(`${inject('realUrl')}${href}`);
      listed += await page.locator('tbody tr').count();
    }
    expect(listed).toBe(agencies.length);
  });

  it('has a page per agency in both languages', async () => {
    for (const a of agencies) {
      await access(join(inject('realDist'), 'agencies', a.id, 'index.html'));
      await access(join(inject('realDist'), 'en', 'agencies', a.id, 'index.html'));
    }
  });

  it('links each agency page to its reports’ pages', async () => {
    const page = await browser.newPage();
    const agency = agencies.find((a) => reports.some((r) => r.agency_id === a.id && r.source_url));
    if (!agency) throw new Error('no agency with a source URL');
    await page.goto(`${inject('realUrl')}/agencies/${agency.id}/`);
    const links = await page.locator('.sources a.url').evaluateAll((els) => els.map((e) => e.getAttribute('href')));
    const expected = reports.filter((r) => r.agency_id === agency.id && r.source_url).map((r) => r.source_url);
    expect(links.sort()).toEqual(expected.sort());
  });
});
