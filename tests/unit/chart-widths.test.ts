/**
 * The page picks a chart drawing with CSS container queries (src/styles/charts.css); the rules must name the
 * widths the charts are drawn at, each shown from its own width up and hiding the narrower ones after it, or a
 * box would show a drawing wider than itself (text scaled below its drawn size), two drawings, or none at all.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { DISTRIBUTION_WIDTHS } from '../../src/lib/charts/distribution.ts';
import { renderResponsive } from '../../src/lib/charts/echarts.ts';
import { EMBED_CHART_WIDTHS, FONT_FAMILY, PAGE_CHART_WIDTH } from '../../src/lib/charts/options.ts';

const css = await readFile(new URL('../../src/styles/charts.css', import.meta.url), 'utf8');
const queries = [...css.matchAll(/@container \(min-width: (\d+)px\) \{([^@]*)\}/g)].map((m) => ({
  from: Number(m[1]),
  shown: [...(m[2] ?? '').matchAll(/\.chart-at\[data-width='(\d+)'\] \{\s*display: block;/g)].map((s) => Number(s[1])),
  hidesAfter: [...(m[2] ?? '').matchAll(/\.chart-at\[data-width='(\d+)'\] ~ \.chart-at \{\s*display: none;/g)].map((s) => Number(s[1])),
}));

describe('chart widths and their CSS', () => {
  it.each([
    ['embedded agency charts', EMBED_CHART_WIDTHS],
    ['distribution', DISTRIBUTION_WIDTHS],
  ])('%s: each drawing but the narrowest is shown from its own width up, and hides the narrower ones', (_, widths) => {
    const narrowest = Math.min(...widths);
    for (const width of widths.filter((w) => w !== narrowest)) {
      expect(queries.find((q) => q.shown.includes(width))?.from).toBe(width);
      expect(queries.find((q) => q.hidesAfter.includes(width))?.from).toBe(width);
    }
  });

  it('shows the last drawing when no wider one fits, and draws an agency chart once on its page', () => {
    expect(css).toMatch(/\.chart-at \{\s*display: none;\s*\}\s*\.chart-at:last-child \{\s*display: block;\s*\}/);
    expect(PAGE_CHART_WIDTH).toBe(Math.min(...EMBED_CHART_WIDTHS));
  });

  it('lets the page drawing grow to 420 px at most, so its 12 px text stays under 16 px', () => {
    expect(css).toContain(`.chart-at[data-width='${PAGE_CHART_WIDTH}'] svg {\n  max-width: 420px;`);
  });

  it('sets the font family page drawings leave out, the one the charts are measured with', () => {
    expect(css).toContain(`.chart-frame svg text,\n.peer-strip svg text {\n  font-family: ${FONT_FAMILY};`);
  });

  it('puts every drawing in a box marked with its width, widest first', () => {
    const html = renderResponsive([300, 480], () => ({ option: {}, size: { width: 10, height: 10 } }), 'x', 'label');
    expect([...html.matchAll(/data-width="(\d+)"/g)].map((m) => m[1])).toEqual(['480', '300']);
    expect(html).toMatch(/^<div class="chart-frame"><div class="chart-at" data-width="480"><svg /);
  });
});
