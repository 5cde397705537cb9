/**
 * What a journalist copies to put a chart in an article: iframe code (with an optional resize script),
 * the oEmbed response, and the chart's numbers as CSV. Pure; the embed routes serve them.
 */
import { LANGS, localePath, localeUrl, messages } from '../../i18n/index.ts';
import type { AgencyChartView } from './agency-view.ts';
import { CSV_BOM, csvLines } from '../core/csv-write.ts';
import type { Lang } from '../core/format.ts';
import { absoluteUrl } from '../core/hosting.ts';
import type { ChartId, ReportOut } from '../core/schema.ts';
import { siteData } from './site-data.ts';

/** Page-relative path of an embed page in a language (under the base path). */
export function embedPath(lang: Lang, agencyId: string, chart: ChartId, file = ''): string {
  return localePath(lang, `/embed/${agencyId}/${chart}/`) + file;
}

/** Absolute URL of an embed page or one of its files; embed code must work on any site. */
export function embedUrl(lang: Lang, agencyId: string, chart: ChartId, file = ''): string {
  return localeUrl(lang, `/embed/${agencyId}/${chart}/`) + file;
}

/** Height of the embed page: chart, title and source lines, with room for the data-table toggle. */
export function embedHeight(view: AgencyChartView): number {
  return view.size.height + 120;
}

const escapeAttr = (s: string) => s.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);

/**
 * The iframe works alone at a fixed height; the script (optional, one per page) listens for the embed's
 * height messages and sizes every iframe of this site to its content.
 */
export function embedCode(src: string, title: string, height: number): string {
  return (
    `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" width="100%" height="${height}" style="border:0;max-width:720px" loading="lazy"></iframe>\n` +
    `<script async src="${escapeAttr(absoluteUrl('/embed.js'))}"></script>`
  );
}

export interface OEmbed {
  version: '1.0';
  type: 'rich';
  title: string;
  author_name: string;
  provider_name: string;
  provider_url: string;
  html: string;
  width: number;
  height: number;
  thumbnail_url: string;
  thumbnail_width: number;
  thumbnail_height: number;
}

export function oembed(args: {
  title: string;
  agencyName: string;
  siteName: string;
  src: string;
  png: string;
  view: AgencyChartView;
  pngSize: { width: number; height: number };
}): OEmbed {
  const height = embedHeight(args.view);
  return {
    version: '1.0',
    type: 'rich',
    title: args.title,
    author_name: args.agencyName,
    provider_name: args.siteName,
    provider_url: absoluteUrl('/'),
    html: embedCode(args.src, args.title, height),
    width: args.view.size.width,
    height,
    thumbnail_url: args.png,
    thumbnail_width: args.pngSize.width,
    thumbnail_height: args.pngSize.height,
  };
}

/** A chart's numbers: one row per drawn figure, with its source; a byte-order mark for Excel. */
export function chartCsv(view: AgencyChartView, metricLabels: (key: string) => { zh: string; en: string }): string {
  const sources = new Map(view.reports.map((r) => [r.id, r.source_url ?? '']));
  const rows = view.data.series.flatMap((s) =>
    s.points.flatMap((p) =>
      p
        ? [
            {
              year: p.year,
              metric: s.metric,
              label_zh: metricLabels(s.metric).zh,
              label_en: metricLabels(s.metric).en,
              value: p.value,
              qualifier: p.qualifier,
              derived: p.derived ? 'yes' : 'no',
              report_id: p.report_id,
              source_url: sources.get(p.report_id) ?? '',
            },
          ]
        : [],
    ),
  );
  const columns = ['year', 'metric', 'label_zh', 'label_en', 'value', 'qualifier', 'derived', 'report_id', 'source_url'];
  return CSV_BOM + csvLines(columns, rows);
}

/** A piece of the embed's source line: text, or a year linking to its report. */
export type SourcePart = { text: string } | { text: string; href: string };

/**
 * The embed's source line, in the page language: which agency's reports for which years, each year linking to
 * its report page where the page is known, and which years' pages are unknown. "来源：淄博市交通运输局2014年政府信息
 * 公开工作年度报告（来源页面未知）" / "Source: Zibo Transport Bureau, annual report on government information
 * disclosure for 2014 (source page unknown)". Chinese punctuation is full-width.
 */
export function embedSourceLine(agencyName: string, reports: readonly Pick<ReportOut, 'year' | 'source_url'>[], lang: Lang): SourcePart[] {
  const t = messages(lang);
  const years: SourcePart[] = reports.flatMap((r, i) => [
    ...(i > 0 ? [{ text: lang === 'zh' ? '、' : ', ' }] : []),
    r.source_url ? { text: String(r.year), href: r.source_url } : { text: String(r.year) },
  ]);
  const unknown = reports.filter((r) => !r.source_url).map((r) => r.year);
  const allUnknown = unknown.length === reports.length;
  const list = unknown.join(lang === 'zh' ? '、' : ', ');
  if (lang === 'zh') {
    const note = unknown.length === 0 ? '' : allUnknown ? `（${t.sourceUnknown}）` : `（其中${list}年${t.sourceUnknown}）`;
    return [{ text: `来源：${agencyName}` }, ...years, { text: `年政府信息公开工作年度报告${note}` }];
  }
  const note = unknown.length === 0 ? '' : allUnknown ? ` (${t.sourceUnknown})` : ` (${t.sourceUnknown} for ${list})`;
  const noun = reports.length === 1 ? 'annual report' : 'annual reports';
  return [{ text: `Source: ${agencyName}, ${noun} on government information disclosure for ` }, ...years, { text: note }];
}

/** getStaticPaths entries for the embed routes: every agency chart with a figure, in both languages. */
export function embedRoutes() {
  return LANGS.flatMap((lang) =>
    siteData().index.agencies.flatMap((agency) =>
      agency.charts.map((chart) => ({
        params: { lang: lang === 'zh' ? undefined : lang, agency: agency.id, chart },
        props: { lang, agencyId: agency.id, chart },
      })),
    ),
  );
}

export interface EmbedProps {
  lang: Lang;
  agencyId: string;
  chart: ChartId;
}
