/** The chart's numbers as CSV, one row per drawn figure with its source. */
import type { APIRoute } from 'astro';
import { agencyChartView } from '../../../../../lib/site/agency-view.ts';
import { chartCsv, embedRoutes, type EmbedProps } from '../../../../../lib/site/embeds.ts';
import { siteData } from '../../../../../lib/site/site-data.ts';
import { embedRoute, notFound } from '../../../../../lib/site/route-params.ts';

export const getStaticPaths = embedRoutes;

export const GET: APIRoute<EmbedProps> = ({ props, params }) => {
  const route = embedRoute(props, params);
  if (!route) return notFound();
  const { lang, agencyId, chart } = route;
  const site = siteData();
  const view = agencyChartView(site, site.agency(agencyId), chart, lang);
  const labels = (key: string) => ({ zh: site.metric(key).label_zh, en: site.metric(key).label_en });
  return new Response(chartCsv(view, labels), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
