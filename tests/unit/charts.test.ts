import { describe, expect, it } from 'vitest';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import { chartData, seriesLabel, type ChartData } from '../../src/lib/charts/agency-charts.ts';
import { renderSvg, stabiliseIds, withoutStyle } from '../../src/lib/charts/echarts.ts';
import { chartSize, yearChartOption } from '../../src/lib/charts/options.ts';
import { point } from '../helpers.ts';

const proactive = AGENCY_CHARTS.find((c) => c.id === 'proactive');
if (!proactive) throw new Error('proactive chart missing');

// Functions, not constants: each test draws its own chart (tests/helpers.ts, perTest, says why).
const data = (): ChartData =>
  chartData(proactive, [2019, 2022], { 'proactive.total': [point(2019, 80), point(2021, 120, 'at_least'), point(2022, 0)] }, (k) => k);

describe('chartData', () => {
  it('has a slot for every year of the agency range, null where nothing is stated', () => {
    expect(data().years).toEqual([2019, 2020, 2021, 2022]);
    expect(data().series).toHaveLength(1);
    expect(data().series[0]?.points.map((p) => p?.value ?? null)).toEqual([80, null, 120, 0]);
  });

  it('leaves out series without any figure', () => {
    expect(chartData(proactive, [2020], {}, (k) => k).series).toEqual([]);
  });
});

describe('yearChartOption', () => {
  const firstSeries = () =>
    (
      yearChartOption(data(), 'en', { approximate: 'approximate', notStated: 'no figure' }).series as {
        data: unknown[];
        connectNulls?: boolean;
      }[]
    )[0];

  it('keeps missing years as null (a gap), never 0, and does not bridge them', () => {
    const series = firstSeries();
    expect(series?.data[1]).toBeNull();
    expect(series?.connectNulls).toBe(false);
  });

  it('keeps a stated zero as zero', () => {
    const series = firstSeries();
    expect(series?.data[3]).toMatchObject({ value: 0, label: { show: true, formatter: '0' } });
  });

  it('draws approximate figures hollow with their qualifier as a label', () => {
    const series = firstSeries();
    expect(series?.data[2]).toMatchObject({ value: 120, symbol: 'emptyCircle', label: { show: true, formatter: '120+' } });
    expect(series?.data[0]).toMatchObject({ symbol: 'circle', label: { show: false } });
  });

  it('marks approximate bars with a dashed border', () => {
    const fees = AGENCY_CHARTS.find((c) => c.id === 'fees');
    if (!fees) throw new Error('fees chart missing');
    const bars = yearChartOption(
      chartData(fees, [2021], { 'fees.info_processing.collected_yuan': [point(2021, 400, 'about')] }, (k) => k),
      'zh',
      { approximate: '约数', notStated: '无数字' },
    );
    expect((bars.series as { data: unknown[] }[])[0]?.data[0]).toMatchObject({
      itemStyle: { borderType: 'dashed' },
      label: { formatter: '约400' },
    });
  });
});

describe('renderSvg', () => {
  const render = () =>
    renderSvg(
      yearChartOption(data(), 'zh', { approximate: '约数', notStated: '无数字' }),
      chartSize(data()),
      'chart-proactive',
      '主动公开信息数',
    );

  it('gives the same bytes every time, whatever was rendered before', () => {
    expect(render()).toBe(render());
  });

  it('is a labelled image with no NaN anywhere', () => {
    const svg = render();
    expect(svg).toMatch(/^<svg role="img" aria-label="主动公开信息数" /);
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('120余');
  });

  it('carries no <style> element, which the Content-Security-Policy would refuse', () => {
    expect(render()).not.toMatch(/<style/);
    expect(withoutStyle('<svg><style ><![CDATA[\n.a:hover {\ncursor:pointer;\n}\n]]>\n</style><path/></svg>')).toBe('<svg><path/></svg>');
    // The class names only those rules used go with them.
    expect(withoutStyle('<svg><path d="M0 0" class="zr3-cls-0 zr3-cls-12"></path></svg>')).toBe('<svg><path d="M0 0"></path></svg>');
    expect(render()).not.toMatch(/ class=/);
  });

  it('renumbers ECharts ids per chart', () => {
    expect(stabiliseIds('<g clip-path="url(#zr7-c0)"></g><p class="zr7-cls-3 zr7-cls-9 zr7-cls-3">', 'x')).toBe(
      '<g clip-path="url(#x-c0)"></g><p class="x-cls-0 x-cls-1 x-cls-0">',
    );
  });
});

describe('seriesLabel', () => {
  it('drops the requests-table column suffix', () => {
    expect(seriesLabel('予以公开 · 总计')).toBe('予以公开');
    expect(seriesLabel('Outcome: disclosed: total')).toBe('Outcome: disclosed');
    expect(seriesLabel('主动公开信息总数')).toBe('主动公开信息总数');
    // Only at the end: a label that names a total inside keeps it.
    expect(seriesLabel('办理结果 · 总计 · 自然人')).toBe('办理结果 · 总计 · 自然人');
    expect(seriesLabel('Outcomes: total: natural persons')).toBe('Outcomes: total: natural persons');
  });
});
