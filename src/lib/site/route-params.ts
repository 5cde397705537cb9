/**
 * The props of the per-agency routes, from the URL. A static build passes them from getStaticPaths; in server
 * mode (src/integrations/on-demand.ts) these routes are rendered on demand, getStaticPaths is not run, and the
 * props are read from the URL here instead. null means there is no such page (404).
 */
import { LANGS } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { EmbedProps } from './embeds.ts';
import { siteData } from './site-data.ts';

type Params = Record<string, string | undefined>;

/** The language of a `[...lang]` route: none for Chinese, "en" for English. */
function langOf(param: string | undefined): Lang | null {
  if (param === undefined) return 'zh';
  return (LANGS as readonly string[]).includes(param) && param !== 'zh' ? (param as Lang) : null;
}

/** Props given by getStaticPaths, or else read from the URL. */
function given<T extends object>(props: T | Record<string, never>): props is T {
  return Object.keys(props).length > 0;
}

/** The static paths of a per-agency route: every agency in every language (Chinese without a prefix). */
export function agencyPaths(): { params: Params; props: AgencyProps }[] {
  return LANGS.flatMap((lang) =>
    siteData().index.agencies.map((agency) => ({
      params: { lang: lang === 'zh' ? undefined : lang, id: agency.id },
      props: { lang, id: agency.id },
    })),
  );
}

export interface AgencyProps {
  lang: Lang;
  id: string;
}

export function agencyRoute(props: AgencyProps | Record<string, never>, params: Params): AgencyProps | null {
  if (given(props)) return props;
  const lang = langOf(params.lang);
  const agency = siteData().findAgency(params.id ?? '');
  return lang && agency ? { lang, id: agency.id } : null;
}

export function embedRoute(props: EmbedProps | Record<string, never>, params: Params): EmbedProps | null {
  if (given(props)) return props;
  const lang = langOf(params.lang);
  const agency = siteData().findAgency(params.agency ?? '');
  const chart = agency?.charts.find((c) => c === params.chart);
  return lang && agency && chart ? { lang, agencyId: agency.id, chart } : null;
}

export const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
