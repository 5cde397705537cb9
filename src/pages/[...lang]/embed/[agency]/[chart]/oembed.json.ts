/** oEmbed (https://oembed.com) response for the embed page: a "rich" type with the iframe code. */
import type { APIRoute } from 'astro';
import { messages } from '../../../../../i18n/index.ts';
import { agencyChartView, agencyName, printableSize } from '../../../../../lib/site/agency-view.ts';
import { PNG_ZOOM } from '../../../../../lib/charts/png.ts';
import { embedRoutes, embedUrl, hasPngFile, oembed, type EmbedProps } from '../../../../../lib/site/embeds.ts';
import { stableStringify } from '../../../../../lib/core/json.ts';
import { siteData } from '../../../../../lib/site/site-data.ts';
import { embedRoute, notFound } from '../../../../../lib/site/route-params.ts';

export const getStaticPaths = embedRoutes;

export const GET: APIRoute<EmbedProps> = ({ props, params }) => {
  const route = embedRoute(props, params);
  if (!route) return notFound();
  const { lang, agencyId, chart } = route;
  const site = siteData();
  const agency = site.agency(agencyId);
  const view = agencyChartView(site, agency, chart, lang);
  const size = printableSize(view, agency, lang);
  if (!size) throw new Error(`chart ${chart} of ${agencyId} has no figures`);
  const body = oembed({
    title: `${agencyName(agency, lang)} · ${view.title}`,
    agencyName: agencyName(agency, lang),
    siteName: messages(lang).siteName,
    src: embedUrl(lang, agencyId, chart),
    png: hasPngFile(agency, chart)
      ? { url: embedUrl(lang, agencyId, chart, 'chart.png'), width: size.width * PNG_ZOOM, height: size.height * PNG_ZOOM }
      : null,
    view,
  });
  return new Response(stableStringify(body), { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
