/**
 * Routes and text shared by the ranking pages: /metrics/ (the list), /metrics/<metric>/ (opens on the default
 * year) and /metrics/<metric>/<year>/ rank bodies' own figures within peer groups; /totals/<metric>/[<year>/]
 * rank whole-jurisdiction totals (reports of scope system) among governments of one level.
 */
import { fill, LANGS, messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import { metricTitle } from './labels.ts';
import { defaultYear, rateSpec } from '../pipeline/rankings.ts';
import type { SiteData } from './site-data.ts';
import type { ScopeGroup, YearRanking } from '../core/schema.ts';
import { siteData } from './site-data.ts';

export interface RankingPageProps {
  lang: Lang;
  metric: string;
  scope: ScopeGroup;
  year: number;
}

/** The language-neutral path of a ranking page: /metrics/… for bodies' own figures, /totals/… for jurisdiction totals. */
export function rankingPath(metric: string, scope: ScopeGroup, year?: number): string {
  return `/${scope === 'agency' ? 'metrics' : 'totals'}/${metric}/${year === undefined ? '' : `${year}/`}`;
}

/** One page per ranked metric of the scope (at its default year) and language; metrics without figures have none. */
export function metricRoutes(scope: ScopeGroup) {
  const site = siteData();
  return LANGS.flatMap((lang) =>
    site.index.rankings
      .filter((r) => r.scope === scope)
      .flatMap((r) => {
        const year = defaultYear(site.ranking(r.metric, scope));
        return year === null
          ? []
          : [{ params: { lang: lang === 'zh' ? undefined : lang, metric: r.metric }, props: { lang, metric: r.metric, scope, year } }];
      }),
  );
}

export function metricYearRoutes(scope: ScopeGroup) {
  const site = siteData();
  return LANGS.flatMap((lang) =>
    site.index.rankings
      .filter((r) => r.scope === scope)
      .flatMap((r) =>
        r.years.map((year) => ({
          params: { lang: lang === 'zh' ? undefined : lang, metric: r.metric, year: String(year) },
          props: { lang, metric: r.metric, scope, year },
        })),
      ),
  );
}

/** What the metric means: the catalogue definition, or for a rate how it is computed. */
export function metricDefinition(site: SiteData, key: string, lang: Lang): string {
  const rate = rateSpec(key);
  if (rate)
    return fill(messages(lang)[`rate_${key.slice('rate.'.length)}_def` as 'rate_requests_granted_def'], { min: rate.minDenominator });
  const m = site.metric(key);
  return lang === 'zh' ? m.definition_zh : m.definition_en;
}

/**
 * How many agencies have a report for the year that does not state the metric: neither ranked nor set aside
 * (rates below their minimum count are set aside, not missing). The distribution counts them apart, never as 0.
 */
export function notStatedCount(site: SiteData, year: YearRanking): number {
  const withReport = new Set(site.index.reports.filter((r) => r.year === year.year).map((r) => r.agency_id));
  for (const e of [...year.entries, ...year.suppressed]) withReport.delete(e.agency_id);
  return withReport.size;
}

export { metricTitle };
