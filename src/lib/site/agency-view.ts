/**
 * Everything one agency chart shows, in one language: the chart state, its drawings, the caption that says what
 * its marks mean, the reports it draws on and its source line. Built once per chart and read by the agency page,
 * the embed page and the chart files (chart.svg, chart.png, data.csv), so the four can never disagree.
 */
import { fill, messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { ChartId, ReportOut, ScopeGroup } from '../core/schema.ts';
import type { SiteData } from './site-data.ts';
import type { AgencySummary } from '../core/schema.ts';
import { AGENCY_CHARTS } from '../core/chart-specs.ts';
import { chartData, seriesLabel, type ChartData } from '../charts/agency-charts.ts';
import { finishSvg, responsiveFrame, type RenderSize } from '../charts/echarts.ts';
import { cachedDrawSvg } from '../charts/svg-cache.ts';
import type { DrawnMarks } from '../charts/marks.ts';
import { chartSize, drawnMarks, EMBED_CHART_WIDTHS, PAGE_CHART_WIDTH, PRINT_WIDTH, yearChartOption } from '../charts/options.ts';
import { printChart, printSize, type PrintChart } from '../charts/print.ts';
import { annotateYearChart, yearChartNotes, type YearChartNotes } from '../charts/annotations.ts';
import { eraOf } from '../core/templates.ts';

export interface AgencyChartView {
  chart: ChartId;
  title: string;
  data: ChartData;
  /** The chart drawn once, at PAGE_CHART_WIDTH, for its agency page (rendered on first use); null when no report states any of its figures. */
  readonly html: string | null;
  /** The chart drawn at each of EMBED_CHART_WIDTHS, for its embed page. */
  readonly embedHtml: string | null;
  /** The chart drawn at PRINT_WIDTH, for chart.svg, chart.png and og:image (rendered on first use). */
  readonly svg: string | null;
  /** Size of the PRINT_WIDTH drawing. */
  size: RenderSize;
  /** What the marks of this chart mean, naming only the marks it draws. */
  caption: string;
  /** The reports behind the drawn figures, oldest first. */
  reports: ReportOut[];
  source: string;
  /** Series breaks and implied previous-year values the chart marks. */
  notes: YearChartNotes;
  /** Whose figures: the body's own reports, or whole-jurisdiction totals. */
  scope: ScopeGroup;
}

export function agencyName(agency: AgencySummary, lang: Lang): string {
  return lang === 'zh' ? agency.name_zh : agency.name_en;
}

/** The years a scope's charts span: every year with a figure or an implied value of a charted metric. */
function chartYears(series: AgencySummary['chart_series'], implied: AgencySummary['implied']): number[] {
  const years = new Set([...Object.values(series).flatMap((points) => points.map((p) => p.year)), ...implied.map((i) => i.year)]);
  return [...years].sort((a, b) => a - b);
}

/** The caption under a chart: one sentence per kind of mark it draws. */
export function chartCaption(marks: DrawnMarks, lang: Lang): string {
  const t = messages(lang);
  return [marks.zero && t.chartKeyZero, marks.notStated && t.chartKeyNotStated, marks.approximate && t.chartKeyApproximate]
    .filter(Boolean)
    .join(lang === 'zh' ? '' : ' ');
}

export function agencyChartView(
  site: SiteData,
  agency: AgencySummary,
  chart: ChartId,
  lang: Lang,
  scope: ScopeGroup = 'agency',
): AgencyChartView {
  const t = messages(lang);
  const spec = AGENCY_CHARTS.find((c) => c.id === chart);
  if (!spec) throw new Error(`unknown chart "${chart}"`);
  const label = (key: string) => seriesLabel(lang === 'zh' ? site.metric(key).label_zh : site.metric(key).label_en);
  const series = scope === 'agency' ? agency.chart_series : agency.system_chart_series;
  const implied = agency.implied.filter((i) => i.scope === scope);
  const data = chartData(spec, chartYears(series, implied), series, label);
  const title = scope === 'agency' ? t[spec.title] : `${t[spec.title]} · ${t[`jurisdiction_${agency.level}`]}`;
  const keyText = { approximate: t.keyApproximate, notStated: t.keyNotStated };
  const ariaLabel = `${agencyName(agency, lang)}${t.colon}${title}`;
  const reportIds = new Set(data.series.flatMap((s) => s.points.flatMap((p) => (p ? [p.report_id] : []))));
  const reports = site
    .reportsOf(agency)
    .filter((r) => reportIds.has(r.id))
    .reverse();
  const notes = yearChartNotes(data, new Map(reports.map((r) => [r.year, eraOf(r.template, r.year)])), implied);
  const years = reports.map((r) => r.year).join(lang === 'zh' ? '、' : ', ');
  const breakLabel = (b: { year: number }) => fill(t.breakMarker, { year: b.year });
  const option = (width: number) => annotateYearChart(yearChartOption(data, lang, keyText, width), data, notes, lang, breakLabel);
  const idPrefix = `chart-${scope === 'agency' ? '' : 'system-'}${chart}`;
  const drawable = data.series.length > 0;
  // Each width is drawn once: the embed's widest drawing is also the one chart.svg, chart.png and og:image use.
  const drawings = new Map<number, string>();
  const drawn = (width: number) => {
    let svg = drawings.get(width);
    if (svg === undefined) drawings.set(width, (svg = cachedDrawSvg(option(width), chartSize(data, width), lang)));
    return svg;
  };
  let html: string | null | undefined;
  let embedHtml: string | null | undefined;
  let svg: string | null | undefined;
  return {
    chart,
    title,
    data,
    get html() {
      html ??= drawable ? responsiveFrame([PAGE_CHART_WIDTH], drawn, idPrefix, ariaLabel) : null;
      return html;
    },
    get embedHtml() {
      embedHtml ??= drawable ? responsiveFrame(EMBED_CHART_WIDTHS, drawn, idPrefix, ariaLabel) : null;
      return embedHtml;
    },
    get svg() {
      svg ??= drawable ? finishSvg(drawn(PRINT_WIDTH), idPrefix, ariaLabel) : null;
      return svg;
    },
    size: chartSize(data, PRINT_WIDTH),
    caption: chartCaption(drawnMarks(data), lang),
    reports,
    source: fill(t.chartSourceLine, { agency: agencyName(agency, lang), years, site: t.siteName }),
    notes,
    scope,
  };
}

const printTitle = (view: AgencyChartView, agency: AgencySummary, lang: Lang) => `${agencyName(agency, lang)} · ${view.title}`;

/** The chart framed with its title and source, for chart.svg, chart.png and og:image. */
export function printableChart(view: AgencyChartView, agency: AgencySummary, lang: Lang): PrintChart | null {
  return view.svg ? printChart(view.svg, view.size, printTitle(view, agency, lang), view.source) : null;
}

/** The size of printableChart's drawing, without drawing the chart; null when it has no figures. */
export function printableSize(view: AgencyChartView, agency: AgencySummary, lang: Lang): RenderSize | null {
  return view.data.series.length > 0 ? printSize(view.size, printTitle(view, agency, lang), view.source) : null;
}
