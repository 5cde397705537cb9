/**
 * The page picks a chart drawing with CSS container queries (src/styles/charts.css); the rules must name the
 * widths the charts are drawn at, each shown from its own width up, or a box would show a drawing wider than
 * itself (text scaled below its drawn size) or none at all.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_WIDTHS } from '../../src/lib/charts/distribution.ts';
import { renderResponsive } from '../../src/lib/charts/echarts.ts';
import { CHART_WIDTHS } from '../../src/lib/charts/options.ts';

const css = await readFile(new URL('../../src/styles/charts.css', import.meta.url), 'utf8');
const queries = [...css.matchAll(/@container \(min-width: (\d+)px\) \{([^@]*)\}/g)].map((m) => ({
  from: Number(m[1]),
  shown: [...(m[2] ?? '').matchAll(/\[data-width='(\d+)'\] \{\s*display: block;/g)].map((s) => Number(s[1])),
}));

describe('chart widths and their CSS', () => {
  it.each([
    ['agency charts', CHART_WIDTHS],
    ['distribution', DISTRIBUTION_WIDTHS],
  ])('%s: each drawing but the narrowest is shown from its own width up', (_, widths) => {
    for (const width of widths.slice(1)) expect(queries.find((q) => q.shown.includes(width))?.from).toBe(width);
  });

  it('puts every drawing in a box marked with its width, narrowest first', () => {
    const html = renderResponsive([300, 480], () => ({ option: {}, size: { width: 10, height: 10 } }), 'x', 'label');
    expect([...html.matchAll(/data-width="(\d+)"/g)].map((m) => m[1])).toEqual(['300', '480']);
    expect(html).toMatch(/^<div class="chart-frame"><div class="chart-at" data-width="300"><svg /);
  });
});
