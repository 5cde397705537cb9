/**
 * The chart as a PNG (twice its CSS size), framed with its title and source line. A static build rasterises
 * only each agency's share chart (its pages' og:image, see shareChart); the server build renders any chart on
 * demand; readers get the others from their browser, which draws chart.svg (ChartShare.astro).
 */
import type { APIRoute } from 'astro';
import { en } from '../../../../../i18n/en.ts';
import { zh } from '../../../../../i18n/zh.ts';
import { agencyChartView, printableChart } from '../../../../../lib/site/agency-view.ts';
import { renderPng } from '../../../../../lib/charts/png.ts';
import { shareImageRoutes, type EmbedProps } from '../../../../../lib/site/embeds.ts';
import { siteData } from '../../../../../lib/site/site-data.ts';
import { embedRoute, notFound } from '../../../../../lib/site/route-params.ts';

export const getStaticPaths = shareImageRoutes;

let siteText: string | undefined;
/** All names and labels a chart can show, so the PNG font subset is cut once, not per new agency. */
function chartText(): string {
  if (siteText === undefined) {
    const { index } = siteData();
    const messages = [zh, en].flatMap((m) => Object.values(m));
    const names = index.agencies.flatMap((a) => [a.name_zh, a.name_en]);
    const labels = index.metrics.flatMap((m) => [m.label_zh, m.label_en]);
    siteText = [...new Set([...messages, ...names, ...labels].join(''))].join('');
  }
  return siteText;
}

export const GET: APIRoute<EmbedProps> = async ({ props, params }) => {
  const route = embedRoute(props, params);
  if (!route) return notFound();
  const { lang, agencyId, chart } = route;
  const site = siteData();
  const agency = site.agency(agencyId);
  const printable = printableChart(agencyChartView(site, agency, chart, lang), agency, lang);
  if (!printable) throw new Error(`chart ${chart} of ${agencyId} has no figures`);
  return new Response(new Uint8Array(await renderPng(printable.svg, chartText())), { headers: { 'Content-Type': 'image/png' } });
};
