/**
 * Chart drawings are cached on disk by their option (src/lib/charts/svg-cache.ts): a page built from cached
 * drawings must be byte for byte the page built by drawing them, in each language.
 */
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { replaceOutputFolder } from '../../src/lib/pipeline/output-folder.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { build } from './fixtures.ts';

describe('the chart drawing cache', () => {
  it('gives the same chart HTML and chart.svg as drawing anew, and keeps the languages apart', async () => {
    const cache = await mkdtemp(join(tmpdir(), 'svg-cache-'));
    const generated = join(await mkdtemp(join(tmpdir(), 'svg-cache-data-')), 'generated');
    await replaceOutputFolder(generated, generatedFiles(build().dataset));
    process.env.CHART_SVG_CACHE = cache;
    process.env.GENERATED_DIR = generated;
    const { agencyChartView } = await import('../../src/lib/site/agency-view.ts');
    const { siteData } = await import('../../src/lib/site/site-data.ts');
    const site = siteData();
    const agency = site.agency('511100-jt');
    const draw = (lang: 'zh' | 'en') => {
      const view = agencyChartView(site, agency, 'proactive', lang);
      return { html: view.html, svg: view.svg };
    };
    const drawn = { zh: draw('zh'), en: draw('en') };
    const files = (await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.svg'));
    expect(files.length).toBeGreaterThan(0);
    const cached = { zh: draw('zh'), en: draw('en') };
    expect(cached).toEqual(drawn);
    expect((await readdir(cache, { recursive: true })).filter((f) => f.endsWith('.svg'))).toEqual(files);
    expect(drawn.zh.html).not.toEqual(drawn.en.html);
  });
});
