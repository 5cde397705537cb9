/**
 * Rankings and peer benchmarks: where each agency stands among agencies of the same level for a metric and a
 * year. Pure functions of the agencies' year series; the data build writes the results, pages only show them.
 *
 * Rules, each with a reason:
 * - Agencies without a figure for the year are left out of the ranking, never counted as 0 (missing ≠ zero).
 * - A percentile needs at least MIN_PEERS agencies in the group, so "top 100 %" of two is never claimed.
 * - A rate (e.g. the share of requests granted) is computed from the agency's own counts and suppressed below
 *   a minimum denominator, so one request granted out of one never ranks as 100 %. Group rates are computed
 *   from summed counts, never as an average of rates.
 */
import { bisectLeft, bisectRight, group, quantileSorted, sort, sum } from 'd3-array';
import { combineQualifiers, roundValue } from './derive.ts';
import { HEADLINES, MIN_PEERS } from '../core/headlines.ts';
import type { GroupSummary, HeadlineOut, Level, MetricRanking, RankingEntry, SeriesPoint, Standing, YearRanking } from '../core/schema.ts';
import { LEVELS } from '../core/schema.ts';

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
  const above = peers - bisectRight(sortedValues, value);
  return { rank: above + 1, percentile: peers >= MIN_PEERS ? below / (peers - 1) : null, peers };
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
  level: Level;
  province: string;
  series: Readonly<Record<string, readonly SeriesPoint[]>>;
}

function summarise(entries: readonly RankingEntry[], pooledFrom: readonly RankingEntry[] | null): GroupSummary {
  const values = sort(entries.map((e) => e.value));
  const q = (p: number) => quantileSorted(values, p) ?? 0;
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

/** The ranking of one metric (count or rate) for every year any agency has a figure. */
export function rankMetric(metric: string, agencies: readonly RankableAgency[]): MetricRanking {
  const rate = rateSpec(metric);
  const candidates: RankingEntry[] = agencies.flatMap((a) => {
    const points: readonly (SeriesPoint & { numerator?: number; denominator?: number })[] = rate
      ? rateSeries(rate, a.series)
      : (a.series[metric] ?? []);
    return points.map((p) => ({
      agency_id: a.id,
      year: p.year,
      level: a.level,
      province: a.province,
      value: p.value,
      qualifier: p.qualifier,
      report_id: p.report_id,
      numerator: p.numerator ?? null,
      denominator: p.denominator ?? null,
      rank: 0,
      percentile: null,
      peers: 0,
    }));
  });
  const byYear = group(candidates, (e) => e.year);
  const years = sort(byYear.keys(), (y) => -y).map((year): YearRanking => {
    const all = byYear.get(year) ?? [];
    const isSmall = (e: RankingEntry) => rate !== undefined && (e.denominator ?? 0) < rate.minDenominator;
    const ranked = all.filter((e) => !isSmall(e));
    const entries = LEVELS.flatMap((level) => {
      const inLevel = ranked.filter((e) => e.level === level);
      const values = sort(inLevel.map((e) => e.value));
      return sort(
        inLevel.map((e) => ({ ...e, ...standing(values, e.value) })),
        (e) => e.rank,
        (e) => e.agency_id,
      );
    });
    const pooled = (keep: (e: RankingEntry) => boolean) => (rate ? all.filter(keep) : null);
    return {
      year,
      entries,
      suppressed: sort(all.filter(isSmall), (e) => e.agency_id),
      by_level: LEVELS.filter((level) => entries.some((e) => e.level === level)).map((level) => ({
        level,
        ...summarise(
          entries.filter((e) => e.level === level),
          pooled((e) => e.level === level),
        ),
      })),
      by_province: sort(
        group(entries, (e) => e.province),
        ([p]) => p,
      ).map(([province, list]) => ({
        province,
        ...summarise(
          list,
          pooled((e) => e.province === province),
        ),
      })),
    };
  });
  return { metric, kind: rate ? 'rate' : 'count', min_denominator: rate?.minDenominator ?? null, years };
}

/** Peer value lists: (level, metric, year) → sorted values of every agency of that level with a figure. */
export type PeerIndex = Map<string, number[]>;

const peerKey = (level: Level, metric: string, year: number) => `${level}|${metric}|${year}`;

export function buildPeerIndex(agencies: readonly { level: Level; series: Readonly<Record<string, readonly SeriesPoint[]>> }[]): PeerIndex {
  const index: PeerIndex = new Map();
  for (const agency of agencies) {
    for (const [metric, points] of Object.entries(agency.series)) {
      for (const p of points) {
        const key = peerKey(agency.level, metric, p.year);
        const values = index.get(key) ?? [];
        values.push(p.value);
        index.set(key, values);
      }
    }
  }
  for (const values of index.values()) values.sort((a, b) => a - b);
  return index;
}

/** Standing of one figure among same-level agencies with a figure for the same metric and year. */
export function peerStanding(index: PeerIndex, level: Level, metric: string, point: SeriesPoint): Standing {
  return standing(index.get(peerKey(level, metric, point.year)) ?? [point.value], point.value);
}

/** Headline cards with year-on-year change and peer percentile. */
export function headlines(level: Level, series: Readonly<Record<string, readonly SeriesPoint[]>>, peers: PeerIndex): HeadlineOut[] {
  return HEADLINES.map((card) => {
    const candidates = card.metrics.map((metric) => ({ metric, points: series[metric] ?? [] })).filter((c) => c.points.length > 0);
    const chosen = sort(candidates, (c) => -(c.points.at(-1)?.year ?? 0))[0];
    const latest = chosen?.points.at(-1) ?? null;
    const previous = latest ? (chosen?.points.find((p) => p.year === latest.year - 1) ?? null) : null;
    const change = latest && previous ? roundValue(latest.value - previous.value) : null;
    const peer = latest && chosen ? peerStanding(peers, level, chosen.metric, latest) : null;
    return {
      id: card.id,
      metric: chosen?.metric ?? card.metrics[0],
      latest,
      previous,
      change,
      change_ratio: change !== null && previous && previous.value > 0 ? change / previous.value : null,
      change_approximate: Boolean(latest && previous && (latest.qualifier !== 'exact' || previous.qualifier !== 'exact')),
      peer_percentile: peer?.percentile ?? null,
      peer_count: peer?.peers ?? 0,
    };
  });
}

/** The year a ranking page opens on: the newest with enough agencies for percentiles, else the fullest. */
export function defaultYear(ranking: MetricRanking): number | null {
  const full = ranking.years.find((y) => y.entries.length >= MIN_PEERS);
  if (full) return full.year;
  return (
    sort(
      ranking.years,
      (y) => -y.entries.length,
      (y) => -y.year,
    )[0]?.year ?? null
  );
}
