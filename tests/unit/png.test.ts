import { describe, expect, it } from 'vitest';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import { chartData } from '../../src/lib/charts/agency-charts.ts';
import { renderSvg } from '../../src/lib/charts/echarts.ts';
import { chartSize, yearChartOption } from '../../src/lib/charts/options.ts';
import { renderPng } from '../../src/lib/charts/png.ts';
import { printChart, wrapText } from '../../src/lib/charts/print.ts';
import { point } from '../helpers.ts';

const spec = AGENCY_CHARTS[0];
if (!spec) throw new Error('no chart');
// Drawn inside each test (tests/helpers.ts, perTest, says why).
const data = () =>
  chartData(spec, [2021, 2022], { 'proactive.total': [point(2021, 120, 'at_least'), point(2022, 150)] }, () => '主动公开信息总数');
const svg = () => renderSvg(yearChartOption(data(), 'zh', { approximate: '约数', notStated: '无数字' }), chartSize(data()), 'c', '测试');

describe('chart SVG', () => {
  it('is well-formed XML: no double quotes inside double-quoted style attributes', () => {
    for (const style of svg().match(/style="[^"]*"/g) ?? []) expect(style).not.toMatch(/font-family:[^;"]*'?"/);
    expect(svg()).toContain("font-family:system-ui, 'PingFang SC'");
  });
});

describe('printChart', () => {
  it('frames the chart with an escaped title and a wrapped source line', () => {
    const framed = printChart(svg(), chartSize(data()), '测试市 <交通> & "运输"', '来源:'.repeat(60));
    expect(framed.svg).toContain('<title>测试市 &lt;交通&gt; &amp; &quot;运输&quot;</title>');
    expect(framed.svg.match(/<text x="16"/g)?.length).toBeGreaterThan(2);
    expect(framed.size.height).toBeGreaterThan(chartSize(data()).height);
  });
  it('wraps CJK text between characters and Latin text at spaces', () => {
    expect(wrapText('一二三四五六', 10, 30)).toEqual(['一二三', '四五六']);
    expect(wrapText('alpha beta gamma', 10, 60)).toEqual(['alpha beta', 'gamma']);
  });
  it('puts a word wider than the line on a line of its own, and never writes an empty line', () => {
    // Latin letters are 0.56 em: 16 of them at 10 px are 89.6 px, wider than 60.
    expect(wrapText('abcdefghijklmnop', 10, 60)).toEqual(['abcdefghijklmnop']);
    expect(wrapText('  abcdefghijklmnop', 10, 60)).toEqual(['  abcdefghijklmnop']);
    expect(wrapText('ab abcdefghijklmnop cd', 10, 60)).toEqual(['ab', 'abcdefghijklmnop', 'cd']);
    expect(wrapText('', 11, 100)).toEqual([]);
    expect(wrapText('   ', 11, 100)).toEqual([]);
  });
  it('drops the spaces at a line break and at the end, and counts the ones it keeps', () => {
    expect(wrapText(' abc ', 10, 60)).toEqual([' abc']);
    // "  abcd efgh" is 11 characters, 61.6 px: over 60 with its leading spaces, under without them.
    expect(wrapText('  abcd efgh', 10, 60)).toEqual(['  abcd', 'efgh']);
  });
});

describe('renderPng', () => {
  it('rasterises at twice the size, with the bundled font, the same bytes every time', async () => {
    const framed = printChart(svg(), chartSize(data()), '测试市交通运输局 · 主动公开信息数', '来源:测试');
    const [a, b] = [await renderPng(framed.svg), await renderPng(framed.svg)];
    expect(a.subarray(1, 4).toString()).toBe('PNG');
    expect(a.readUInt32BE(16)).toBe(framed.size.width * 2);
    expect(a.readUInt32BE(20)).toBe(framed.size.height * 2);
    expect(Buffer.compare(a, b)).toBe(0);
  });

  it('draws the same chart twice at once (two agencies of the same name) without the renders colliding', async () => {
    // A title no earlier run has cached, so both renders really rasterise.
    const framed = printChart(svg(), chartSize(data()), `同名机关 ${process.hrtime.bigint()}`, '来源：测试');
    const [a, b] = await Promise.all([renderPng(framed.svg), renderPng(framed.svg)]);
    expect(Buffer.compare(a, b)).toBe(0);
  });
});
