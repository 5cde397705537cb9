/**
 * Everything one agency chart shows, in one language: the chart state, its drawings, the caption that says what
 * its marks mean, the reports it draws on and its source line. Built once per chart and read by the agency page,
 * the embed page and the chart files (chart.svg, chart.png, data.csv), so the four can never disagree.
 */
import { fill, messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { ChartId, ReportOut } from '../core/schema.ts';
import type { SiteData } from './site-data.ts';
import type { AgencySummary } from '../core/schema.ts';
import { AGENCY_CHARTS } from '../core/chart-specs.ts';
import { chartData, seriesLabel, type ChartData } from '../charts/agency-charts.ts';
import { renderResponsive, renderSvg, type RenderSize } from '../charts/echarts.ts';
import type { DrawnMarks } from '../charts/marks.ts';
import { CHART_WIDTHS, chartSize, drawnMarks, PRINT_WIDTH, yearChartOption } from '../charts/options.ts';
import { printChart, type PrintChart } from '../charts/print.ts';

export interface AgencyChartView {
  chart: ChartId;
  title: string;
  data: ChartData;
  /** The chart drawn at each of CHART_WIDTHS for a page (rendered on first use); null when no report states any of its figures. */
  readonly html: string | null;
  /** The chart drawn at PRINT_WIDTH, for chart.svg, chart.png and og:image (rendered on first use). */
  readonly svg: string | null;
  /** Size of the PRINT_WIDTH drawing. */
  size: RenderSize;
  /** What the marks of this chart mean, naming only the marks it draws. */
  caption: string;
  /** The reports behind the drawn figures, oldest first. */
  reports: ReportOut[];
  source: string;
}

export function agencyName(agency: AgencySummary, lang: Lang): string {
  return lang === 'zh' ? agency.name_zh : agency.name_en;
}

/** The caption under a chart: one sentence per kind of mark it draws. */
export function chartCaption(marks: DrawnMarks, lang: Lang): string {
  const t = messages(lang);
  return [marks.zero && t.chartKeyZero, marks.notStated && t.chartKeyNotStated, marks.approximate && t.chartKeyApproximate]
    .filter(Boolean)
    .join(lang === 'zh' ? '' : ' ');
}

export function agencyChartView(site: SiteData, agency: AgencySummary, chart: ChartId, lang: Lang): AgencyChartView {
  const t = messages(lang);
  const spec = AGENCY_CHARTS.find((c) => c.id === chart);
  if (!spec) throw new Error(`unknown chart "${chart}"`);
  const label = (key: string) => seriesLabel(lang === 'zh' ? site.metric(key).label_zh : site.metric(key).label_en);
  const data = chartData(spec, agency.years, agency.chart_series, label);
  const title = t[spec.title];
  const keyText = { approximate: t.keyApproximate, notStated: t.keyNotStated };
  const ariaLabel = `${agencyName(agency, lang)}${t.colon}${title}`;
  const reportIds = new Set(data.series.flatMap((s) => s.points.flatMap((p) => (p ? [p.report_id] : []))));
  const reports = site
    .reportsOf(agency)
    .filter((r) => reportIds.has(r.id))
    .reverse();
  const years = reports.map((r) => r.year).join(lang === 'zh' ? '、' : ', ');
  const drawable = data.series.length > 0;
  let html: string | null | undefined;
  let svg: string | null | undefined;
  return {
    chart,
    title,
    data,
    get html() {
      html ??= drawable
        ? renderResponsive(
            CHART_WIDTHS,
            (width) => ({ option: yearChartOption(data, lang, keyText, width), size: chartSize(data, width) }),
            `chart-${chart}`,
            ariaLabel,
          )
        : null;
      return html;
    },
    get svg() {
      svg ??= drawable
        ? renderSvg(yearChartOption(data, lang, keyText, PRINT_WIDTH), chartSize(data, PRINT_WIDTH), `chart-${chart}`, ariaLabel)
        : null;
      return svg;
    },
    size: chartSize(data, PRINT_WIDTH),
    caption: chartCaption(drawnMarks(data), lang),
    reports,
    source: fill(t.chartSourceLine, { agency: agencyName(agency, lang), years, site: t.siteName }),
  };
}

/** The chart framed with its title and source, for chart.svg, chart.png and og:image. */
export function printableChart(view: AgencyChartView, agency: AgencySummary, lang: Lang): PrintChart | null {
  return view.svg ? printChart(view.svg, view.size, `${agencyName(agency, lang)} · ${view.title}`, view.source) : null;
}
