/**
 * Peer strips for an agency page: for each ranked metric, where the agency's figure of one year stands among
 * the other agencies of its peer group that year, drawn from the same ranking the ranking pages show.
 */
import { fill, messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { AgencyDetail, GroupSummary, RankingEntry, ScopeGroup } from '../core/schema.ts';
import { forPage, renderSvg, type RenderSize } from '../charts/echarts.ts';
import { peerStripOption, peerStripSize } from '../charts/peer-strip.ts';
import { RANKED_METRICS } from '../pipeline/rankings.ts';
import { jurisdictionLabel, metricTitle, peerGroupLabel, standingText } from './labels.ts';
import { rankingPath } from './ranking-pages.ts';
import type { SiteData } from './site-data.ts';

export interface PeerStripView {
  metric: string;
  title: string;
  year: number;
  group: string;
  entry: RankingEntry;
  summary: GroupSummary;
  kind: 'count' | 'rate';
  /** The strip; null when no other agency of the group has the figure that year. */
  svg: string | null;
  size: RenderSize | null;
  standing: string;
  href: string;
}

/** Strips for the agency's figures of `year` (each metric's latest ranked year when `year` is undefined). */
export function peerStrips(site: SiteData, agency: AgencyDetail['agency'], lang: Lang, scope: ScopeGroup, year?: number): PeerStripView[] {
  const t = messages(lang);
  const group =
    scope === 'agency'
      ? peerGroupLabel(agency.sector, agency.level, lang)
      : `${peerGroupLabel(agency.sector, agency.level, lang)} · ${jurisdictionLabel(agency.level, lang)}`;
  return RANKED_METRICS.flatMap((metric) => {
    const own = agency.benchmarks.filter((b) => b.metric === metric && b.scope === scope && (year === undefined || b.year === year));
    const entry = own.toSorted((a, b) => b.year - a.year)[0];
    if (!entry) return [];
    const ranking = site.ranking(metric, scope);
    const yearRanking = ranking.years.find((y) => y.year === entry.year);
    const summary = yearRanking?.groups.find((g) => g.sector === entry.sector && g.level === entry.level);
    if (!yearRanking || !summary) return [];
    const values = yearRanking.entries.filter((e) => e.sector === entry.sector && e.level === entry.level).map((e) => e.value);
    const title = metricTitle(site, metric, lang);
    const data = { values, own: { value: entry.value, qualifier: entry.qualifier }, kind: ranking.kind };
    const size = values.length > 1 ? peerStripSize(data) : null;
    return [
      {
        metric,
        title,
        year: entry.year,
        group,
        entry,
        summary,
        kind: ranking.kind,
        svg: size
          ? forPage(
              renderSvg(
                peerStripOption(data, lang, t.peerStripOwn),
                size,
                `strip-${scope}-${metric.replaceAll('.', '-')}`,
                `${title}: ${fill(t.peerStripTable, { group, year: entry.year })}`,
              ),
            )
          : null,
        size,
        standing: values.length > 1 ? standingText(entry, group, entry.year, lang) : fill(t.peerStripAlone, { group, year: entry.year }),
        href: rankingPath(metric, scope, entry.year),
      },
    ];
  });
}
