/**
 * Rankings and peer benchmarks: where each agency stands among its peers for a metric and a year. Peers are
 * agencies of the same sector and level (a county government is never ranked against a county transport
 * bureau), from reports of one scope: the body's own work (scope agency) or whole-jurisdiction totals (scope
 * system), never mixed. Pure functions of the agencies' year series; the data build writes the results, pages
 * and headline cards only show them, so a card and the ranking page always name the same group.
 *
 * Rules, each with a reason:
 * - Agencies without a figure for the year are left out of the ranking, never counted as 0 (missing ≠ zero).
 * - A percentile, a median or quartiles need at least MIN_PEERS agencies in the group, so "top 100 %" of two,
 *   or a "median" of two figures, is never claimed. Province groups are formed only where they reach MIN_PEERS.
 * - Agencies with equal values share a rank, and the tie is reported with it.
 * - A derived channel sum is never ranked: it is not the stated total the others are ranked by.
 * - A rate (e.g. the share of requests granted) is computed from the agency's own counts and suppressed below
 *   a minimum denominator, so one request granted out of one never ranks as 100 %. Group rates are computed
 *   from summed counts, never as an average of rates.
 */
import { bisectLeft, bisectRight, group, quantileSorted, sort, sum } from 'd3-array';
import { combineQualifiers, roundValue } from './derive.ts';
import { CHANNEL_SUM, HEADLINES, MIN_PEERS } from '../core/headlines.ts';
import type {
  GroupSummary,
  HeadlineOut,
  Level,
  MetricRanking,
  PeerGroup,
  RankingEntry,
  ScopeGroup,
  SeriesPoint,
  Standing,
  Unranked,
  YearRanking,
} from '../core/schema.ts';
import { LEVELS } from '../core/schema.ts';
import { SECTOR_KEYS, type Sector } from '../core/sectors.ts';

export interface RateSpec {
  key: string;
  /** Counts added up for the numerator; every one must be stated (missing is not zero). */
  numerator: readonly string[];
  denominator: string;
  /** Below this many (e.g. requests answered) the rate is not shown in rankings. */
  minDenominator: number;
}

/** Rates are not catalogue metrics (they are ratios, not report figures); their labels are in src/i18n. */
export const RATES: readonly RateSpec[] = [
  {
    key: 'rate.requests_granted',
    numerator: ['requests.outcome.disclosed.total', 'requests.outcome.partial.total'],
    denominator: 'requests.outcome.total.total',
    minDenominator: 10,
  },
];

/** The metrics with a ranking page, in display order: the headline counts, then rates. */
export const RANKED_METRICS: readonly string[] = [
  'proactive.total',
  'requests.new.total',
  'fees.info_processing.collected_yuan',
  'appeals.review.total',
  'appeals.litigation.total',
  ...RATES.map((r) => r.key),
];

export const rateSpec = (key: string): RateSpec | undefined => RATES.find((r) => r.key === key);

/** Where a value stands among its group's values (sorted ascending, the value itself included). */
export function standing(sortedValues: readonly number[], value: number): Standing {
  const peers = sortedValues.length;
  const below = bisectLeft(sortedValues, value);
  const atOrBelow = bisectRight(sortedValues, value);
  const above = peers - atOrBelow;
  return { rank: above + 1, tied: Math.max(1, atOrBelow - below), percentile: peers >= MIN_PEERS ? below / (peers - 1) : null, peers };
}

export interface RatePoint extends SeriesPoint {
  numerator: number;
  denominator: number;
}

/**
 * An agency's rate for each year where the numerator parts and the denominator are all stated. The ratio is
 * kept even below the minimum denominator so the agency page can show it; rankings leave those out.
 */
export function rateSeries(spec: RateSpec, series: Readonly<Record<string, readonly SeriesPoint[]>>): RatePoint[] {
  const byYear = (key: string) => new Map((series[key] ?? []).map((p) => [p.year, p]));
  const parts = spec.numerator.map(byYear);
  const denominators = byYear(spec.denominator);
  const points: RatePoint[] = [];
  for (const [year, d] of sort(denominators, ([y]) => y)) {
    const numeratorPoints = parts.map((m) => m.get(year));
    if (d.value <= 0 || numeratorPoints.some((p) => p === undefined)) continue;
    const stated = numeratorPoints.filter((p): p is SeriesPoint => p !== undefined);
    const numerator = sum(stated, (p) => p.value);
    points.push({
      year,
      value: numerator / d.value,
      qualifier: combineQualifiers([d, ...stated].map((p) => p.qualifier)),
      report_id: d.report_id,
      derived: true,
      numerator,
      denominator: d.value,
    });
  }
  return points;
}

export interface RankableAgency {
  id: string;
  sector: Sector;
  level: Level;
  province: string;
  /** The series of the scope being ranked (only reports of that scope). */
  series: Readonly<Record<string, readonly SeriesPoint[]>>;
}

function summarise(entries: readonly RankingEntry[], pooledFrom: readonly RankingEntry[] | null): GroupSummary {
  const values = sort(entries.map((e) => e.value));
  const enough = values.length >= MIN_PEERS;
  const q = (p: number) => (enough ? (quantileSorted(values, p) ?? null) : null);
  const pooledDenominator = pooledFrom ? sum(pooledFrom, (e) => e.denominator ?? 0) : 0;
  return {
    n: values.length,
    min: values[0] ?? 0,
    q1: q(0.25),
    median: q(0.5),
    q3: q(0.75),
    max: values.at(-1) ?? 0,
    pooled_rate: pooledFrom && pooledDenominator > 0 ? sum(pooledFrom, (e) => e.numerator ?? 0) / pooledDenominator : null,
  };
}

/** Peer groups in display order: sectors in the order of the documented list, then levels from national down. */
const groupOrder = (e: { sector: Sector; level: Level }) => SECTOR_KEYS.indexOf(e.sector) * LEVELS.length + LEVELS.indexOf(e.level);

/** Rank entries within their group (and within their province, where it has MIN_PEERS of them). */
function rankGroup(inGroup: readonly RankingEntry[]): RankingEntry[] {
  const values = sort(inGroup.map((e) => e.value));
  const byProvince = group(inGroup, (e) => e.province);
  const provinceValues = new Map([...byProvince].map(([p, list]) => [p, sort(list.map((e) => e.value))]));
  return sort(
    inGroup.map((e) => {
      const local = provinceValues.get(e.province) ?? [];
      return {
        ...e,
        ...standing(values, e.value),
        province_standing: local.length >= MIN_PEERS && e.province !== '' ? standing(local, e.value) : null,
      };
    }),
    (e) => e.rank,
    (e) => e.agency_id,
  );
}

/** The ranking of one metric (count or rate) in one scope, for every year any agency has a figure. */
export function rankMetric(metric: string, agencies: readonly RankableAgency[], scope: ScopeGroup = 'agency'): MetricRanking {
  const rate = rateSpec(metric);
  const candidates: RankingEntry[] = agencies.flatMap((a) => {
    const points: readonly (SeriesPoint & { numerator?: number; denominator?: number })[] = rate
      ? rateSeries(rate, a.series)
      : (a.series[metric] ?? []);
    return points.map((p) => ({
      agency_id: a.id,
      year: p.year,
      sector: a.sector,
      level: a.level,
      province: a.province,
      value: p.value,
      qualifier: p.qualifier,
      report_id: p.report_id,
      numerator: p.numerator ?? null,
      denominator: p.denominator ?? null,
      rank: 0,
      tied: 1,
      percentile: null,
      peers: 0,
      province_standing: null,
    }));
  });
  const byYear = group(candidates, (e) => e.year);
  const years = sort(byYear.keys(), (y) => -y).map((year): YearRanking => {
    const all = byYear.get(year) ?? [];
    const isSmall = (e: RankingEntry) => rate !== undefined && (e.denominator ?? 0) < rate.minDenominator;
    const ranked = all.filter((e) => !isSmall(e));
    const grouped = sort(group(ranked, (e) => `${e.sector}|${e.level}`).values(), (list) =>
      groupOrder(list[0] ?? { sector: 'other', level: 'county' }),
    );
    const entries = grouped.flatMap(rankGroup);
    const pooled = (keep: (e: RankingEntry) => boolean) => (rate ? all.filter(keep) : null);
    const groups = grouped.map((list): PeerGroup => {
      const { sector, level } = list[0] ?? { sector: 'other', level: 'county' };
      const same = (e: RankingEntry) => e.sector === sector && e.level === level;
      return {
        sector,
        level,
        ...summarise(list, pooled(same)),
        provinces: sort(
          group(list, (e) => e.province),
          ([p]) => p,
        )
          .filter(([p, inProvince]) => p !== '' && inProvince.length >= MIN_PEERS)
          .map(([province, inProvince]) => ({
            province,
            ...summarise(
              inProvince,
              pooled((e) => same(e) && e.province === province),
            ),
          })),
      };
    });
    return { year, entries, suppressed: sort(all.filter(isSmall), (e) => e.agency_id), groups };
  });
  return { metric, scope, kind: rate ? 'rate' : 'count', min_denominator: rate?.minDenominator ?? null, years };
}

/** Ranking entries of one agency, looked up by metric and year (what its cards and benchmark table show). */
export type EntryLookup = (metric: string, year: number) => RankingEntry | undefined;

/**
 * Headline cards with year-on-year change and the latest figure's standing, taken from the ranking itself.
 * `rankedScope` is false when the series comes from reports that are not ranked in this scope (e.g. scope
 * unknown), so the card says why it has no standing instead of inventing a peer group.
 */
export function headlines(
  series: Readonly<Record<string, readonly SeriesPoint[]>>,
  lookup: EntryLookup,
  isRankedReport: (reportId: string) => boolean,
): HeadlineOut[] {
  return HEADLINES.map((card) => {
    const candidates = card.metrics.map((metric) => ({ metric, points: series[metric] ?? [] })).filter((c) => c.points.length > 0);
    const chosen = sort(candidates, (c) => -(c.points.at(-1)?.year ?? 0))[0];
    const latest = chosen?.points.at(-1) ?? null;
    const previous = latest ? (chosen?.points.find((p) => p.year === latest.year - 1) ?? null) : null;
    const change = latest && previous ? roundValue(latest.value - previous.value) : null;
    const entry = latest && chosen ? lookup(chosen.metric, latest.year) : undefined;
    let unranked: Unranked | null = null;
    if (latest && !entry)
      unranked = chosen?.metric === CHANNEL_SUM ? 'channel_sum' : isRankedReport(latest.report_id) ? 'suppressed' : 'scope';
    return {
      id: card.id,
      metric: chosen?.metric ?? card.metrics[0],
      latest,
      previous,
      change,
      change_ratio: change !== null && previous && previous.value > 0 ? change / previous.value : null,
      change_approximate: Boolean(latest && previous && (latest.qualifier !== 'exact' || previous.qualifier !== 'exact')),
      standing: entry ? { rank: entry.rank, tied: entry.tied, percentile: entry.percentile, peers: entry.peers } : null,
      unranked,
    };
  });
}

/** The year a ranking page opens on: the newest with enough agencies for percentiles, else the fullest. */
export function defaultYear(ranking: MetricRanking): number | null {
  const full = ranking.years.find((y) => y.groups.some((g) => g.n >= MIN_PEERS));
  if (full) return full.year;
  return (
    sort(
      ranking.years,
      (y) => -y.entries.length,
      (y) => -y.year,
    )[0]?.year ?? null
  );
}
