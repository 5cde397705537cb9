/** oEmbed (https://oembed.com) response for the embed page: a "rich" type with the iframe code. */
import type { APIRoute } from 'astro';
import { messages } from '../../../../../i18n/index.ts';
import { agencyChartView, agencyName, printableChart } from '../../../../../lib/site/agency-view.ts';
import { PNG_ZOOM } from '../../../../../lib/charts/png.ts';
import { embedRoutes, embedUrl, oembed, type EmbedProps } from '../../../../../lib/site/embeds.ts';
import { stableStringify } from '../../../../../lib/core/json.ts';
import { siteData } from '../../../../../lib/site/site-data.ts';

export const getStaticPaths = embedRoutes;

export const GET: APIRoute<EmbedProps> = ({ props: { lang, agencyId, chart } }) => {
  const site = siteData();
  const agency = site.agency(agencyId);
  const view = agencyChartView(site, agency, chart, lang);
  const printable = printableChart(view, agency, lang);
  if (!printable) throw new Error(`chart ${chart} of ${agencyId} has no figures`);
  const body = oembed({
    title: `${agencyName(agency, lang)} · ${view.title}`,
    agencyName: agencyName(agency, lang),
    siteName: messages(lang).siteName,
    src: embedUrl(lang, agencyId, chart),
    png: embedUrl(lang, agencyId, chart, 'chart.png'),
    view,
    pngSize: { width: printable.size.width * PNG_ZOOM, height: printable.size.height * PNG_ZOOM },
  });
  return new Response(stableStringify(body), { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
