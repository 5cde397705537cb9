/** The chart as a standalone SVG file, framed with its title and source line. */
import type { APIRoute } from 'astro';
import { agencyChartView, printableChart } from '../../../../../lib/site/agency-view.ts';
import { embedRoutes, type EmbedProps } from '../../../../../lib/site/embeds.ts';
import { siteData } from '../../../../../lib/site/site-data.ts';
import { embedRoute, notFound } from '../../../../../lib/site/route-params.ts';

export const getStaticPaths = embedRoutes;

export const GET: APIRoute<EmbedProps> = ({ props, params }) => {
  const route = embedRoute(props, params);
  if (!route) return notFound();
  const { lang, agencyId, chart } = route;
  const site = siteData();
  const agency = site.agency(agencyId);
  const printable = printableChart(agencyChartView(site, agency, chart, lang), agency, lang);
  if (!printable) throw new Error(`chart ${chart} of ${agencyId} has no figures`);
  return new Response(printable.svg, { headers: { 'Content-Type': 'image/svg+xml; charset=utf-8' } });
};
