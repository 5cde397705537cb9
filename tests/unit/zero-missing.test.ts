/**
 * Zero is never drawn like missing, in every kind of chart, read from the SVG a reader gets: a stated 0 has a
 * visible mark on the baseline and the label "0"; a figure that is not stated has a × below the baseline in its
 * series' colour; the legend's keys and the caption name exactly the marks drawn.
 */
import { parse } from 'node-html-parser';
import { describe, expect, it } from 'vitest';
import { chartData } from '../../src/lib/charts/agency-charts.ts';
import { compareChartOption, type CompareChartData } from '../../src/lib/charts/compare-chart.ts';
import { distributionOption, distributionSize, histogram } from '../../src/lib/charts/distribution.ts';
import { renderSvg, type ChartOption, type RenderSize } from '../../src/lib/charts/echarts.ts';
import { PALETTE } from '../../src/lib/charts/marks.ts';
import { chartSize, drawnMarks, yearChartOption } from '../../src/lib/charts/options.ts';
import { peerStripOption, peerStripSize } from '../../src/lib/charts/peer-strip.ts';
import { printChart } from '../../src/lib/charts/print.ts';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import type { ChartId, Level, RankingEntry, SeriesPoint } from '../../src/lib/core/schema.ts';
import { chartCaption } from '../../src/lib/site/agency-view.ts';
import { point } from '../helpers.ts';

const KEYS = { approximate: 'approximate', notStated: 'no figure (not 0)' };

interface Mark {
  x: number;
  y: number;
  fill: string;
}

/** What an SVG draws, in chart coordinates: texts, × marks, and the data marks ECharts tags with their index. */
function read(svg: string) {
  const root = parse(svg);
  const translate = (el: { getAttribute(n: string): string | undefined }) => {
    const m = /translate\(([-\d.]+) ([-\d.]+)\)|matrix\([^,]+,[^,]+,[^,]+,[^,]+,([-\d.]+),([-\d.]+)\)/.exec(
      el.getAttribute('transform') ?? '',
    );
    return { x: Number(m?.[1] ?? m?.[3] ?? 0), y: Number(m?.[2] ?? m?.[4] ?? 0) };
  };
  const texts = root.querySelectorAll('text').map((t) => {
    const at = translate(t);
    return { text: t.textContent, x: at.x, y: at.y + Number(t.getAttribute('y') ?? 0), fill: t.getAttribute('fill') ?? '' };
  });
  const crosses: Mark[] = [
    ...texts.filter((t) => t.text === '×'),
    ...root
      .querySelectorAll('path')
      .filter((p) => (p.getAttribute('d') ?? '').startsWith('M-0.6 -1L0 -0.4L0.6 -1') && p.getAttribute('ecmeta_ssr_type') === 'chart')
      .map((p) => ({ ...translate(p), fill: p.getAttribute('fill') ?? '' })),
  ];
  const marks = (series: number) =>
    root.querySelectorAll(`path[ecmeta_ssr_type="chart"][ecmeta_series_index="${series}"]`).map((p) => ({
      d: p.getAttribute('d') ?? '',
      index: Number(p.getAttribute('ecmeta_data_index')),
      fill: p.getAttribute('fill') ?? '',
      ...translate(p),
    }));
  const legend = root.querySelectorAll('path[ecmeta_ssr_type="legend"]').filter((p) => p.getAttribute('fill') !== 'none');
  return { texts, crosses, marks, legend };
}

/** The y of the value axis' 0 tick label: the baseline of a vertical chart. */
const baseline = (texts: { text: string; x: number; y: number }[]) => {
  const zero = texts.filter((t) => t.text === '0').sort((a, b) => a.x - b.x)[0];
  if (!zero) throw new Error('no 0 tick');
  return zero.y;
};

/** A bar's left x, width and height from its path "M x y l w 0 l 0 -h …". */
const bar = (d: string) => {
  const m = /^M([-\d.]+) ([-\d.]+)l([-\d.]+) 0l0 ([-\d.]+)/.exec(d);
  return { left: Number(m?.[1]), width: Number(m?.[3]), height: -Number(m?.[4]) };
};

function agencyChart(id: ChartId, years: number[], series: Record<string, SeriesPoint[]>, width = 360) {
  const spec = AGENCY_CHARTS.find((c) => c.id === id);
  if (!spec) throw new Error(id);
  const data = chartData(spec, years, series, (k) => k);
  return { data, svg: renderSvg(yearChartOption(data, 'en', KEYS, width), chartSize(data, width), 'c', 'chart') };
}

describe('separate bars (fees, appeals)', () => {
  // Drawn inside each test, so mutation testing sees which tests reach the chart code (tests/helpers.ts, perTest).
  const drawn = () => {
    const { svg, data } = agencyChart('appeals', [2019, 2021], {
      'appeals.review.total': [point(2019, 0), point(2021, 4)],
      'appeals.litigation.total': [point(2019, 2)],
    });
    const { texts, crosses, marks } = read(svg);
    return { data, texts, crosses, marks, base: baseline(texts) };
  };

  it('draw a stated zero as a short bar with its "0" above it', () => {
    const { texts, marks, base } = drawn();
    const zero = marks(0).find((m) => m.index === 0);
    expect(zero?.fill).toBe(PALETTE[0]);
    const b = bar(zero?.d ?? '');
    expect(b.height).toBeGreaterThanOrEqual(2);
    expect(texts.some((t) => t.text === '0' && t.y < base && Math.abs(t.x - (b.left + b.width / 2)) < 2)).toBe(true);
  });

  it('draw a figure that is not stated as a × below the baseline, in the bar colour and at its place', () => {
    const { data, crosses, marks, base } = drawn();
    // Litigation has no figure for 2020 or 2021, review none for 2020: three ×.
    expect(crosses.map((c) => c.fill).sort()).toEqual([PALETTE[0], PALETTE[1], PALETTE[1]].sort());
    expect(crosses.every((c) => c.y > base)).toBe(true);
    const slot = bar(marks(1).find((m) => m.index === 2)?.d ?? '');
    expect(crosses.some((c) => c.fill === PALETTE[1] && Math.abs(c.x - (slot.left + slot.width / 2)) < 2)).toBe(true);
    expect(drawnMarks(data)).toEqual({ approximate: false, zero: true, notStated: true });
  });
});

describe('lines (proactive disclosure, requests)', () => {
  const drawn = () => {
    const { texts, crosses, marks } = read(
      agencyChart('proactive', [2019, 2021], { 'proactive.total': [point(2019, 0), point(2021, 4)] }).svg,
    );
    return { texts, crosses, marks, base: baseline(texts) };
  };

  it('draw a stated zero as a dot on the baseline with its "0"', () => {
    const { texts, marks, base } = drawn();
    const dot = marks(0).find((m) => m.index === 0);
    expect(dot?.fill).toBe(PALETTE[0]);
    expect(dot?.y).toBeCloseTo(base, 0);
    expect(texts.some((t) => t.text === '0' && t.y < base && Math.abs(t.x - (dot?.x ?? 0)) < 2)).toBe(true);
  });

  it('leave a gap where the year is not stated, marked with a × below the baseline', () => {
    const { crosses, marks, base } = drawn();
    expect(crosses).toHaveLength(1);
    expect(crosses[0]?.fill).toBe(PALETTE[0]);
    expect(crosses[0]?.y).toBeGreaterThan(base);
    expect(marks(0).map((m) => m.index)).not.toContain(1);
  });
});

describe('stacked bars (request outcomes)', () => {
  const drawn = () => {
    const { svg } = agencyChart('requests', [2021, 2022], {
      'requests.outcome.disclosed.total': [point(2021, 5), point(2022, 3)],
      'requests.outcome.partial.total': [point(2021, 0)],
    });
    const { texts, crosses } = read(svg);
    return { texts, crosses, base: baseline(texts) };
  };

  it('mark a zero part of a stack with a dash and its "0" where the part would start', () => {
    const { texts, base } = drawn();
    const zeroLabels = texts.filter((t) => t.text === '0' && t.y < base - 20);
    expect(zeroLabels).toHaveLength(1);
  });

  it('mark a part that is not stated with a × below the baseline', () => {
    const { crosses, base } = drawn();
    expect(crosses.map((c) => c.fill)).toEqual([PALETTE[1]]);
    expect(crosses[0]?.y).toBeGreaterThan(base);
  });
});

describe('legend and caption', () => {
  it('show filled marks for the series and a key only for the marks drawn', () => {
    const plain = read(agencyChart('proactive', [2021], { 'proactive.total': [point(2021, 4)] }).svg);
    expect(plain.legend.map((l) => l.getAttribute('fill'))).toEqual([PALETTE[0]]);
    const mixed = agencyChart('proactive', [2020, 2021], { 'proactive.total': [point(2021, 120, 'at_least')] });
    const keys = read(mixed.svg).texts.map((t) => t.text);
    expect(keys).toContain('approximate');
    expect(keys).toContain('no figure (not 0)');
    // Every series entry is drawn filled in its colour: hollow means approximate.
    expect(read(mixed.svg).legend[0]?.getAttribute('fill')).toBe(PALETTE[0]);
  });

  it('say in the caption exactly which marks the chart draws', () => {
    // A chart of stated, exact, non-zero figures draws no special mark, and its caption says nothing about them.
    const plain = agencyChart('proactive', [2021, 2022], { 'proactive.total': [point(2021, 4), point(2022, 5)] });
    expect(drawnMarks(plain.data)).toEqual({ approximate: false, zero: false, notStated: false });
    expect(chartCaption({ approximate: false, zero: true, notStated: false }, 'en')).toMatch(/^A 0 is a figure/);
    expect(chartCaption({ approximate: false, zero: true, notStated: false }, 'en')).not.toMatch(/×|hollow/i);
    expect(chartCaption({ approximate: true, zero: false, notStated: true }, 'zh')).toMatch(/×.*约数/);
    expect(chartCaption({ approximate: false, zero: false, notStated: false }, 'en')).toBe('');
  });
});

describe('chart.svg and chart.png (the framed print drawing)', () => {
  it('carry the same zero and × marks as the page', () => {
    const { svg, data } = agencyChart('fees', [2021, 2022], { 'fees.info_processing.collected_yuan': [point(2021, 0)] }, 640);
    const framed = printChart(svg, chartSize(data, 640), 'title', 'source').svg;
    const { texts, crosses } = read(framed);
    expect(texts.filter((t) => t.text === '0').length).toBeGreaterThanOrEqual(2);
    expect(crosses.map((c) => c.fill)).toEqual([PALETTE[0]]);
  });
});

describe('compare chart', () => {
  const data: CompareChartData = {
    years: [2020, 2021, 2022],
    lines: [
      { label: 'A', points: [point(2020, 0), null, point(2022, 7)], sources: {} },
      { label: 'B', points: [null, point(2021, 3), null], sources: {} },
    ],
    mode: 'abs',
    axisName: 'count',
    allowNegative: false,
  };
  const drawn = () => {
    const { tooltip: _tooltip, ...option } = compareChartOption(data, 'en', { missing: 'not stated', sourceUnknown: '?', ...KEYS }, 360);
    const { texts, crosses, marks } = read(renderSvg(option as ChartOption, { width: 360, height: 360 } as RenderSize, 'cmp', 'x'));
    return { texts, crosses, marks, base: baseline(texts) };
  };

  it('draws a zero on the baseline with its "0" and each missing year as a × in the line colour', () => {
    const { texts, crosses, marks, base } = drawn();
    const dot = marks(0).find((m) => m.index === 0);
    expect(dot?.y).toBeCloseTo(base, 0);
    expect(texts.some((t) => t.text === '0' && t.y < base)).toBe(true);
    expect(crosses.map((c) => c.fill).sort()).toEqual([PALETTE[0], PALETTE[1], PALETTE[1]].sort());
    expect(crosses.every((c) => c.y > base)).toBe(true);
    expect(texts.map((t) => t.text)).toContain('no figure (not 0)');
  });
});

describe('distribution chart (ranking pages)', () => {
  const entry = (value: number, level: Level = 'county'): RankingEntry => ({
    agency_id: `a${value}`,
    year: 2023,
    level,
    province: '甲省',
    value,
    qualifier: 'exact',
    report_id: 'r',
    numerator: null,
    denominator: null,
    rank: 1,
    tied: 1,
    percentile: null,
    peers: 1,
    province_standing: null,
    sector: 'transport',
  });
  const drawn = () => {
    const h = histogram([entry(0), entry(5), entry(400)], 'count');
    const text = { notStated: 'not stated', levelLabel: (l: Level) => l };
    const svg = renderSvg(distributionOption(h, 'count', 'en', text, 4), distributionSize(h, 4, 360), 'd', 'x');
    const { texts } = read(svg);
    return { svg, texts, rows: texts.filter((t) => ['0', '1–9', '10–99', '≥100', 'not stated'].includes(t.text) && t.x < 80) };
  };

  it('labels every bin with its count, an empty bin with "0" on a visible mark', () => {
    const { svg, texts, rows } = drawn();
    const empty = rows.find((r) => r.text === '10–99');
    expect(texts.some((t) => t.text === '0' && t.x > 40 && Math.abs(t.y - (empty?.y ?? -1)) < 2)).toBe(true);
    // The mark itself: drawn at the empty row, and big enough to see (a rect scaled to 3 × 14 px).
    const mark = parse(svg)
      .querySelectorAll('path[ecmeta_ssr_type="chart"][ecmeta_data_index="2"]')
      .find((p) => p.getAttribute('fill') === '#59636e');
    const [scaleX = 0, , , scaleY = 0, , y = -1] = (/matrix\(([^)]*)\)/.exec(mark?.getAttribute('transform') ?? '')?.[1] ?? '')
      .split(',')
      .map(Number);
    expect(2 * scaleX).toBeGreaterThanOrEqual(3);
    expect(2 * scaleY).toBeGreaterThanOrEqual(14);
    expect(Math.abs(y - (empty?.y ?? -99))).toBeLessThan(2);
  });

  it('counts the agencies that do not state the figure in a row of their own, not as 0', () => {
    const { texts, rows } = drawn();
    const row = rows.find((r) => r.text === 'not stated');
    expect(row).toBeDefined();
    expect(texts.some((t) => t.text === '4' && Math.abs(t.y - (row?.y ?? -1)) < 2)).toBe(true);
  });
});

describe('peer strip (agency pages)', () => {
  const data = { values: [0, 0, 3, 10, 40], own: { value: 0, qualifier: 'exact' as const }, kind: 'count' as const };

  it('draws every stated value, zeros included: the peer’s 0 as a pile and the agency’s own 0 over the axis label "0"', () => {
    const svg = renderSvg(peerStripOption(data, 'en', 'this agency'), peerStripSize(data), 'strip', 'x');
    const { texts } = read(svg);
    const marks = parse(svg)
      .querySelectorAll('path[ecmeta_ssr_type="chart"]')
      .map((p) => ({ series: Number(p.getAttribute('ecmeta_series_index')), x: xOf(p) }));
    // Four piles of peers (0, 3, 10 and 40, one agency each) and the agency's own dot.
    expect(marks.map((m) => m.series)).toEqual([0, 0, 0, 0, 1]);
    const zeroTick = texts.find((t) => t.text === '0');
    expect(zeroTick).toBeDefined();
    const atZero = marks.filter((d) => Math.abs(d.x - (zeroTick?.x ?? -99)) < 2);
    // The agency's own 0 (series 1) and the pile holding one peer's 0 (series 0).
    expect(atZero.map((d) => d.series).sort()).toEqual([0, 1]);
  });

  it('labels its axis with six values at most, far enough apart to read, however large the figures', () => {
    const large = { values: [0, 12, 3400, 56_000, 2_300_000], own: { value: 3400, qualifier: 'exact' as const }, kind: 'count' as const };
    const { texts } = read(renderSvg(peerStripOption(large, 'en', 'this agency'), peerStripSize(large), 'strip', 'x'));
    expect(texts.map((t) => t.text)).toEqual(['0', '1', '100', '10,000', '1,000,000']);
    // Centred labels must not run into their neighbours: at 13 px a digit is about 7.5 px wide, a comma half that.
    const halfWidth = (text: string) => (text.replaceAll(',', '').length * 7.5 + (text.split(',').length - 1) * 3.75) / 2;
    const crowded = texts.slice(1).filter((t, i) => {
      const before = texts[i];
      return before !== undefined && t.x - before.x < halfWidth(t.text) + halfWidth(before.text);
    });
    expect(crowded.map((t) => t.text)).toEqual([]);
  });

  it('draws one pile per column however many peers there are: 2,000 peers make no more marks than 41', () => {
    const many = {
      values: Array.from({ length: 2000 }, (_, i) => (i * 37) % 5000),
      own: { value: 37, qualifier: 'exact' as const },
      kind: 'count' as const,
    };
    const svg = renderSvg(peerStripOption(many, 'en', 'this agency'), peerStripSize(many), 'strip', 'x');
    const marks = parse(svg).querySelectorAll('path[ecmeta_ssr_type="chart"]');
    expect(marks.length).toBeGreaterThan(10);
    expect(marks.length).toBeLessThanOrEqual(42);
    expect(svg.length).toBeLessThan(16_000);
  });
});

function xOf(el: { getAttribute(n: string): string | undefined }): number {
  // A dot is placed by its transform; a pile (a bar) is drawn in place: "M<left> <base>l<width> 0l0 -<height>…".
  const m = /translate\(([-\d.]+) |matrix\([^,]+,[^,]+,[^,]+,[^,]+,([-\d.]+),/.exec(el.getAttribute('transform') ?? '');
  if (m) return Number(m[1] ?? m[2]);
  const bar = /^M([-\d.]+) [-\d.]+l([-\d.]+) 0/.exec(el.getAttribute('d') ?? '');
  return bar ? Number(bar[1]) + Number(bar[2]) / 2 : NaN;
}
