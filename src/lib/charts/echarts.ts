/**
 * The only module that imports ECharts: the core plus exactly the charts and components the site draws, so
 * nothing else can pull in the full bundle (a lint rule forbids importing `echarts` anywhere else).
 * Charts are rendered to SVG strings at build time; the browser gets no ECharts code on agency pages. The
 * compare page alone draws in the browser (mountChart), and registers only what it uses, so the bundler can
 * leave the bar chart out of its script.
 */
import { BarChart, LineChart, ScatterChart, type BarSeriesOption, type LineSeriesOption, type ScatterSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type MarkLineComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { FONT_FAMILY } from './marks.ts';

const SSR_PARTS = [LineChart, BarChart, ScatterChart, GridComponent, LegendComponent, MarkLineComponent, SVGRenderer];
const CLIENT_PARTS = [LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer];

export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption
  | BarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | LegendComponentOption
  | MarkLineComponentOption
  | TooltipComponentOption
>;
export type SeriesOption = LineSeriesOption | BarSeriesOption;
export type LegendOption = LegendComponentOption;

export interface RenderSize {
  width: number;
  height: number;
}

/**
 * ECharts numbers element ids and CSS classes with process-wide counters (zr3-c0, zr3-cls-17), so a chart's
 * bytes would depend on what was rendered before it. Renumber them per SVG, in order of first appearance,
 * under the chart's own prefix.
 */
export function stabiliseIds(svg: string, idPrefix: string): string {
  const seen = new Map<string, string>();
  const perKind = new Map<string, number>();
  return svg.replace(/zr\d+-([a-z]+-?)?(\d+)/g, (token, kind: string | undefined) => {
    let stable = seen.get(token);
    if (stable === undefined) {
      const k = kind ?? '';
      const n = perKind.get(k) ?? 0;
      perKind.set(k, n + 1);
      stable = `${idPrefix}-${k}${n}`;
      seen.set(token, stable);
    }
    return stable;
  });
}

const escapeXml = (s: string) => s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] ?? c);

/**
 * ECharts' SSR writes a <style> element of :hover rules (pointer cursor, emphasis fill) for its own client.
 * Build-time charts have no ECharts client (their tooltip is the page's own), and the site's
 * Content-Security-Policy admits only <style> elements it has a hash for, so the rules are dropped, and with
 * them the class names only they used (a third of a chart's gzip bytes: four drawings of four charts a page).
 */
export function withoutStyle(svg: string): string {
  return svg.replace(/<style[^>]*>[\s\S]*?<\/style>/g, '').replace(/ class="(?:zr\d+-cls-\d+ ?)+"/g, '');
}

/**
 * ECharts' own SVG for an option, before its ids are made stable: one drawing that several copies with
 * different id prefixes can share (a page's widest drawing is also chart.svg's).
 */
export function drawSvg(option: ChartOption, size: RenderSize): string {
  echarts.use(SSR_PARTS);
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ ...option, animation: false });
    return chart.renderToSVGString({ useViewBox: true });
  } finally {
    chart.dispose();
  }
}

/** A drawing from drawSvg made deterministic under `idPrefix` (unique within the page) and labelled for screen readers. */
export function finishSvg(drawn: string, idPrefix: string, label: string): string {
  return stabiliseIds(withoutStyle(drawn), idPrefix).replace(/^<svg /, `<svg role="img" aria-label="${escapeXml(label)}" `);
}

const FONT_STYLE = `font-family:${FONT_FAMILY};`;

/**
 * A drawing for an HTML page: without the font family ECharts repeats on every text (src/styles/charts.css sets
 * it once for chart text on the pages), a tenth of an agency page's weight. Files that stand alone (chart.svg)
 * keep it.
 */
export const forPage = (svg: string): string => svg.replaceAll(FONT_STYLE, '');

/**
 * Render an option to a deterministic SVG string; `idPrefix` must be unique within the page. The SVG is
 * labelled as an image with `label` for screen readers (the data table next to it carries the numbers).
 */
export function renderSvg(option: ChartOption, size: RenderSize, idPrefix: string, label: string): string {
  return finishSvg(drawSvg(option, size), idPrefix, label);
}

/**
 * Drawings of one chart at one or more widths, each in its own box marked with its width, widest first; the
 * page's CSS (src/styles/charts.css) shows the widest that fits the space it has, or the last (narrowest) one.
 * `drawn` gives drawSvg's output per width.
 */
export function responsiveFrame(widths: readonly number[], drawn: (width: number) => string, idPrefix: string, label: string): string {
  const drawings = [...widths]
    .sort((a, b) => b - a)
    .map(
      (width) => `<div class="chart-at" data-width="${width}">${forPage(finishSvg(drawn(width), `${idPrefix}-w${width}`, label))}</div>`,
    );
  return `<div class="chart-frame">${drawings.join('')}</div>`;
}

/**
 * A chart drawn at one or more widths for a page (see responsiveFrame). Text stays the size it was drawn at or
 * larger, at any width and without JavaScript; only the widths differ in what fits (year labels, spacing).
 */
export function renderResponsive(
  widths: readonly number[],
  draw: (width: number) => { option: ChartOption; size: RenderSize },
  idPrefix: string,
  label: string,
): string {
  return responsiveFrame(
    widths,
    (width) => {
      const { option, size } = draw(width);
      return drawSvg(option, size);
    },
    idPrefix,
    label,
  );
}

export type LiveChart = echarts.EChartsType;

/** An interactive chart in the browser (SVG, so it prints and zooms like the build-time charts). */
export function mountChart(element: HTMLElement): LiveChart {
  echarts.use(CLIENT_PARTS);
  return echarts.init(element, null, { renderer: 'svg' });
}
