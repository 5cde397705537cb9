import { describe, expect, it } from 'vitest';
import {
  buildPeerIndex,
  defaultYear,
  headlines,
  peerStanding,
  rankMetric,
  rateSeries,
  RATES,
  standing,
  type RankableAgency,
} from '../../src/lib/pipeline/rankings.ts';
import type { Level, SeriesPoint } from '../../src/lib/core/schema.ts';
import { point } from '../helpers.ts';

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('standing', () => {
  it.each([
    [[1, 2, 3, 4, 5], 5, { rank: 1, percentile: 1, peers: 5 }, 'the largest of five is above all four others'],
    [[1, 2, 3, 4, 5], 1, { rank: 5, percentile: 0, peers: 5 }, 'the smallest is above none'],
    [[1, 2, 3, 4, 5], 3, { rank: 3, percentile: 0.5, peers: 5 }, 'the middle is above half of the others'],
    [[1, 3, 3, 3, 9], 3, { rank: 2, percentile: 0.25, peers: 5 }, 'ties share a rank and do not count as lower'],
    [[0, 0, 0, 0, 0], 0, { rank: 1, percentile: 0, peers: 5 }, 'all equal: first together, above nobody'],
    [[2, 7], 7, { rank: 1, percentile: null, peers: 2 }, 'fewer than five peers: ranked, but no percentile'],
  ] as [number[], number, object, string][])('%j, %d → %j (%s)', (values, value, expected) => {
    expect(standing(values, value)).toEqual(expected);
  });
});

describe('peerStanding', () => {
  const agencies = [1, 2, 3, 4, 5, 6].map((v) => ({ level: 'county' as const, series: { 'requests.new.total': [point(2022, v)] } }));
  const index = buildPeerIndex(agencies);
  it('compares with same-level agencies of the same year', () => {
    expect(peerStanding(index, 'county', 'requests.new.total', point(2022, 3))).toEqual({ rank: 4, percentile: 0.4, peers: 6 });
  });
  it('refuses a percentile without enough peers', () => {
    expect(peerStanding(index, 'prefecture', 'requests.new.total', point(2022, 3))).toEqual({ rank: 1, percentile: null, peers: 1 });
  });
});

describe('headlines', () => {
  const peers = buildPeerIndex([]);
  it('compares the latest year with the year before only', () => {
    const [card] = headlines('county', { 'proactive.total': [point(2020, 100), point(2021, 120)] }, peers);
    expect(card).toMatchObject({ id: 'proactive', change: 20, change_ratio: 0.2, change_approximate: false });
  });
  it('gives no change across a gap year', () => {
    const [card] = headlines('county', { 'proactive.total': [point(2019, 100), point(2021, 120)] }, peers);
    expect(card).toMatchObject({ previous: null, change: null });
  });
  it('marks a change between approximate figures', () => {
    const [card] = headlines('county', { 'proactive.total': [point(2020, 100), point(2021, 260, 'at_least')] }, peers);
    expect(card?.change_approximate).toBe(true);
  });
  it('falls back to the channel sum when no total is stated', () => {
    const [card] = headlines('county', { 'proactive.channels_sum': [point(2022, 42)] }, peers);
    expect(card).toMatchObject({ metric: 'proactive.channels_sum', latest: { value: 42 } });
  });
  it('leaves a card empty when the metric is never stated (missing is not zero)', () => {
    const cards = headlines('county', {}, peers);
    expect(cards.every((c) => c.latest === null && c.change === null)).toBe(true);
  });
});

const granted = defined(RATES[0]);
const requestSeries = (year: number, disclosed: number | null, partial: number | null, total: number | null) => {
  const series: Record<string, SeriesPoint[]> = {};
  if (disclosed !== null) series['requests.outcome.disclosed.total'] = [point(year, disclosed)];
  if (partial !== null) series['requests.outcome.partial.total'] = [point(year, partial)];
  if (total !== null) series['requests.outcome.total.total'] = [point(year, total)];
  return series;
};

describe('rateSeries', () => {
  it('divides the summed numerator by the denominator of the same year', () => {
    expect(rateSeries(granted, requestSeries(2023, 30, 10, 80))).toEqual([
      { year: 2023, value: 0.5, qualifier: 'exact', report_id: 'r2023', derived: true, numerator: 40, denominator: 80 },
    ]);
  });
  it('gives no rate when a numerator part is missing (missing is not zero)', () => {
    expect(rateSeries(granted, requestSeries(2023, 30, null, 80))).toEqual([]);
  });
  it('gives no rate for a zero denominator', () => {
    expect(rateSeries(granted, requestSeries(2023, 0, 0, 0))).toEqual([]);
  });
});

const agency = (id: string, level: Level, province: string, series: RankableAgency['series']): RankableAgency => ({
  id,
  level,
  province,
  series,
});

describe('rankMetric: counts', () => {
  const values = [10, 40, 20, 30, 50];
  const agencies = [
    ...values.map((v, i) => agency(`c${i}`, 'county', i < 3 ? '甲省' : '乙省', { 'requests.new.total': [point(2023, v)] })),
    agency('c-missing', 'county', '甲省', { 'proactive.total': [point(2023, 5)] }),
    agency('p1', 'prefecture', '甲省', { 'requests.new.total': [point(2023, 7), point(2022, 6)] }),
  ];
  const ranking = rankMetric('requests.new.total', agencies);
  const y2023 = defined(ranking.years[0]);
  it('lists years newest first', () => {
    expect(ranking.years.map((y) => y.year)).toEqual([2023, 2022]);
  });
  it('ranks within a level, largest first, and leaves out agencies without a figure', () => {
    expect(y2023.entries.map((e) => [e.agency_id, e.rank])).toEqual([
      ['p1', 1],
      ['c4', 1],
      ['c1', 2],
      ['c3', 3],
      ['c2', 4],
      ['c0', 5],
    ]);
  });
  it('gives a percentile only where the level has enough agencies', () => {
    expect(y2023.entries.find((e) => e.agency_id === 'c1')?.percentile).toBe(0.75);
    expect(y2023.entries.find((e) => e.agency_id === 'p1')?.percentile).toBeNull();
  });
  it('summarises the distribution per level and per province', () => {
    expect(y2023.by_level.find((l) => l.level === 'county')).toMatchObject({ n: 5, min: 10, median: 30, max: 50, pooled_rate: null });
    expect(y2023.by_province.map((p) => [p.province, p.n])).toEqual([
      ['乙省', 2],
      ['甲省', 4],
    ]);
  });
});

describe('rankMetric: rates', () => {
  const agencies = [
    agency('one', 'county', '甲省', requestSeries(2023, 1, 0, 1)),
    ...[20, 10, 5, 15, 12].map((d, i) => agency(`a${i}`, 'county', '甲省', requestSeries(2023, d, 0, 20))),
  ];
  const y2023 = defined(rankMetric(granted.key, agencies).years[0]);
  it('suppresses a rate below the minimum denominator, so one request never ranks as 100 %', () => {
    expect(y2023.entries.map((e) => e.agency_id)).not.toContain('one');
    expect(y2023.suppressed).toMatchObject([{ agency_id: 'one', value: 1, numerator: 1, denominator: 1 }]);
    expect(y2023.entries[0]).toMatchObject({ agency_id: 'a0', value: 1, rank: 1, percentile: 1 });
  });
  it('pools the group rate from summed counts, small agencies included', () => {
    // (20 + 10 + 5 + 15 + 12 + 1) / (5 × 20 + 1) = 63 / 101, not the mean of the six rates.
    expect(y2023.by_level[0]?.pooled_rate).toBeCloseTo(63 / 101, 12);
  });
});

describe('defaultYear', () => {
  const ranking = (sizes: [number, number][]) =>
    rankMetric(
      'requests.new.total',
      sizes.flatMap(([year, n]) =>
        Array.from({ length: n }, (_, i) => agency(`a${year}-${i}`, 'county', '甲省', { 'requests.new.total': [point(year, i)] })),
      ),
    );
  it('opens on the newest year with enough agencies for percentiles', () => {
    expect(
      defaultYear(
        ranking([
          [2022, 6],
          [2023, 2],
        ]),
      ),
    ).toBe(2022);
  });
  it('falls back to the year with the most agencies', () => {
    expect(
      defaultYear(
        ranking([
          [2021, 3],
          [2023, 2],
        ]),
      ),
    ).toBe(2021);
  });
  it('has no year without figures', () => {
    expect(defaultYear(ranking([]))).toBeNull();
  });
});
