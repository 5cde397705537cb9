import { describe, expect, it } from 'vitest';
import { defaultYear, headlines, rankMetric, rateSeries, RATES, standing, type RankableAgency } from '../../src/lib/pipeline/rankings.ts';
import type { Level, RankingEntry, SeriesPoint } from '../../src/lib/core/schema.ts';
import type { Sector } from '../../src/lib/core/sectors.ts';
import { perTest, point } from '../helpers.ts';

function defined<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('expected a value');
  return value;
}

describe('standing', () => {
  it.each([
    [[1, 2, 3, 4, 5], 5, { rank: 1, tied: 1, percentile: 1, peers: 5 }, 'the largest of five is above all four others'],
    [[1, 2, 3, 4, 5], 1, { rank: 5, tied: 1, percentile: 0, peers: 5 }, 'the smallest is above none'],
    [[1, 2, 3, 4, 5], 3, { rank: 3, tied: 1, percentile: 0.5, peers: 5 }, 'the middle is above half of the others'],
    [
      [1, 3, 3, 3, 9],
      3,
      { rank: 2, tied: 3, percentile: 0.25, peers: 5 },
      'ties share a rank, say how many share it, and do not count as lower',
    ],
    [[0, 0, 0, 0, 0, 0, 0, 4], 0, { rank: 2, tied: 7, percentile: 0, peers: 8 }, 'seven zeros of eight: tied second, above nobody'],
    [[0, 0, 0, 0, 0], 0, { rank: 1, tied: 5, percentile: 0, peers: 5 }, 'all equal: first together, above nobody'],
    [[2, 7], 7, { rank: 1, tied: 1, percentile: null, peers: 2 }, 'fewer than five peers: ranked, but no percentile'],
  ] as [number[], number, object, string][])('%j, %d → %j (%s)', (values, value, expected) => {
    expect(standing(values, value)).toEqual(expected);
  });
});

describe('headlines', () => {
  const none = () => undefined;
  const ranked = () => true;
  it('compares the latest year with the year before only', () => {
    const [card] = headlines({ 'proactive.total': [point(2020, 100), point(2021, 120)] }, none, ranked);
    expect(card).toMatchObject({ id: 'proactive', change: 20, change_ratio: 0.2, change_approximate: false });
  });
  it('gives no change across a gap year', () => {
    const [card] = headlines({ 'proactive.total': [point(2019, 100), point(2021, 120)] }, none, ranked);
    expect(card).toMatchObject({ previous: null, change: null });
  });
  it('marks a change between approximate figures', () => {
    const [card] = headlines({ 'proactive.total': [point(2020, 100), point(2021, 260, 'at_least')] }, none, ranked);
    expect(card?.change_approximate).toBe(true);
  });
  it('falls back to the channel sum when no total is stated, and never ranks it', () => {
    const [card] = headlines({ 'proactive.channels_sum': [point(2022, 42)] }, none, ranked);
    expect(card).toMatchObject({ metric: 'proactive.channels_sum', latest: { value: 42 }, standing: null, unranked: 'channel_sum' });
  });
  it('takes its standing from the ranking entry of the same metric and year', () => {
    const entry = { rank: 2, tied: 7, percentile: 0, peers: 8 } as RankingEntry;
    const [, card] = headlines(
      { 'requests.new.total': [point(2022, 0)] },
      (m, y) => (m === 'requests.new.total' && y === 2022 ? entry : undefined),
      ranked,
    );
    expect(card).toMatchObject({ standing: { rank: 2, tied: 7, percentile: 0, peers: 8 }, unranked: null });
  });
  it('says a figure from a report of another scope is not ranked', () => {
    const [, card] = headlines({ 'requests.new.total': [point(2022, 3)] }, none, () => false);
    expect(card).toMatchObject({ standing: null, unranked: 'scope' });
  });
  it('leaves a card empty when the metric is never stated (missing is not zero)', () => {
    const cards = headlines({}, none, ranked);
    expect(cards.map((c) => [c.id, c.latest, c.change, c.standing, c.unranked])).toEqual([
      ['proactive', null, null, null, null],
      ['requests', null, null, null, null],
      ['fees', null, null, null, null],
      ['review', null, null, null, null],
      ['litigation', null, null, null, null],
    ]);
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

const agency = (
  id: string,
  level: Level,
  province: string,
  series: RankableAgency['series'],
  sector: Sector = 'transport',
): RankableAgency => ({
  id,
  sector,
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
    agency('g1', 'county', '甲省', { 'requests.new.total': [point(2023, 900)] }, 'government'),
  ];
  const ranking = perTest(() => rankMetric('requests.new.total', agencies));
  const y2023 = () => defined(ranking().years[0]);
  it('lists years newest first', () => {
    expect(ranking().years.map((y) => y.year)).toEqual([2023, 2022]);
  });
  it('ranks within a sector and level, largest first, and leaves out agencies without a figure', () => {
    expect(y2023().entries.map((e) => [e.agency_id, e.rank])).toEqual([
      ['g1', 1],
      ['p1', 1],
      ['c4', 1],
      ['c1', 2],
      ['c3', 3],
      ['c2', 4],
      ['c0', 5],
    ]);
  });
  it('never ranks a county government against county transport bureaus', () => {
    expect(y2023().groups.map((g) => [g.sector, g.level, g.n])).toEqual([
      ['government', 'county', 1],
      ['transport', 'prefecture', 1],
      ['transport', 'county', 5],
    ]);
    expect(y2023().entries.find((e) => e.agency_id === 'c4')).toMatchObject({ rank: 1, peers: 5 });
  });
  it('gives a percentile only where the group has enough agencies', () => {
    expect(y2023().entries.find((e) => e.agency_id === 'c1')?.percentile).toBe(0.75);
    expect(y2023().entries.find((e) => e.agency_id === 'p1')?.percentile).toBeNull();
  });
  it('gives quartiles only from enough agencies, and province groups only where they reach the minimum', () => {
    expect(y2023().groups.find((g) => g.level === 'county' && g.sector === 'transport')).toMatchObject({
      n: 5,
      min: 10,
      median: 30,
      max: 50,
      pooled_rate: null,
      provinces: [],
    });
    expect(y2023().groups.find((g) => g.level === 'prefecture')).toMatchObject({ n: 1, q1: null, median: null, q3: null });
    // Seven entries, and no province (甲省 has three transport county bureaus, 乙省 two) reaches five.
    expect(y2023().entries.map((e) => e.province_standing)).toEqual([null, null, null, null, null, null, null]);
  });
  it('forms a province group with enough agencies', () => {
    const many = Array.from({ length: 6 }, (_, i) => agency(`x${i}`, 'county', '甲省', { 'requests.new.total': [point(2023, i)] }));
    const year = defined(rankMetric('requests.new.total', many).years[0]);
    expect(year.groups[0]?.provinces.map((p) => [p.province, p.n])).toEqual([['甲省', 6]]);
    expect(year.entries.find((e) => e.agency_id === 'x5')?.province_standing).toEqual({ rank: 1, tied: 1, percentile: 1, peers: 6 });
  });
});

describe('rankMetric: rates', () => {
  const agencies = [
    agency('one', 'county', '甲省', requestSeries(2023, 1, 0, 1)),
    ...[20, 10, 5, 15, 12].map((d, i) => agency(`a${i}`, 'county', '甲省', requestSeries(2023, d, 0, 20))),
  ];
  const y2023 = () => defined(rankMetric(granted.key, agencies).years[0]);
  it('suppresses a rate below the minimum denominator, so one request never ranks as 100 %', () => {
    expect(y2023().entries.map((e) => e.agency_id)).not.toContain('one');
    expect(y2023().suppressed).toMatchObject([{ agency_id: 'one', value: 1, numerator: 1, denominator: 1 }]);
    expect(y2023().entries[0]).toMatchObject({ agency_id: 'a0', value: 1, rank: 1, percentile: 1 });
  });
  it('pools the group rate from summed counts, small agencies included', () => {
    // (20 + 10 + 5 + 15 + 12 + 1) / (5 × 20 + 1) = 63 / 101, not the mean of the six rates.
    expect(y2023().groups[0]?.pooled_rate).toBeCloseTo(63 / 101, 12);
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

describe('what the ranking page and the cards show, at the edges', () => {
  const county = (id: string, province: string, series: RankableAgency['series'], sector: Sector = 'transport') =>
    agency(id, 'county', province, series, sector);
  const count = (year: number, value: number) => ({ 'requests.new.total': [point(year, value)] });

  it('lists the years newest first whatever order the agencies state them in', () => {
    const ranking = rankMetric('requests.new.total', [
      county('a', '甲省', { 'requests.new.total': [point(2019, 1), point(2023, 2)] }),
      county('b', '甲省', { 'requests.new.total': [point(2021, 3)] }),
    ]);
    expect(ranking.years.map((y) => y.year)).toEqual([2023, 2021, 2019]);
    expect([ranking.scope, ranking.kind, ranking.min_denominator]).toEqual(['agency', 'count', null]);
  });

  it('lists tied agencies by id, and the suppressed ones by id', () => {
    const year = defined(
      rankMetric(
        'requests.new.total',
        ['c', 'a', 'b'].map((id) => county(id, '甲省', count(2023, 4))),
      ).years[0],
    );
    expect(year.entries.map((e) => [e.agency_id, e.rank, e.tied])).toEqual([
      ['a', 1, 3],
      ['b', 1, 3],
      ['c', 1, 3],
    ]);
    const rates = defined(
      rankMetric(granted.key, [county('z', '甲省', requestSeries(2023, 1, 0, 2)), county('y', '甲省', requestSeries(2023, 1, 0, 3))])
        .years[0],
    );
    expect(rates.suppressed.map((e) => e.agency_id)).toEqual(['y', 'z']);
  });

  it('forms a province group from exactly five agencies, in province order, never for national bodies', () => {
    const five = (province: string, prefix: string) => [0, 1, 2, 3, 4].map((i) => county(`${prefix}${i}`, province, count(2023, i)));
    const year = defined(rankMetric('requests.new.total', [...five('乙省', 'b'), ...five('甲省', 'a'), ...five('', 'n')]).years[0]);
    expect(year.groups[0]?.provinces.map((p) => [p.province, p.n])).toEqual([
      ['乙省', 5],
      ['甲省', 5],
    ]);
    expect(year.entries.find((e) => e.agency_id === 'a4')?.province_standing).toEqual({ rank: 1, tied: 1, percentile: 1, peers: 5 });
    expect(year.entries.find((e) => e.agency_id === 'n4')?.province_standing).toBeNull();
  });

  it('pools each group’s rate, and each province’s, from its own counts only', () => {
    // County transport bureaus in 甲省 (5 × 10 of 20) and 乙省 (5 × 20 of 20); county governments and prefecture
    // bureaus with other rates, which must not leak into the transport county pools.
    const agencies = [
      ...[0, 1, 2, 3, 4].map((i) => county(`j${i}`, '甲省', requestSeries(2023, 10, 0, 20))),
      ...[0, 1, 2, 3, 4].map((i) => county(`y${i}`, '乙省', requestSeries(2023, 20, 0, 20))),
      ...[0, 1, 2, 3, 4].map((i) => county(`g${i}`, '甲省', requestSeries(2023, 0, 0, 20), 'government')),
      ...[0, 1, 2, 3, 4].map((i) => agency(`p${i}`, 'prefecture', '甲省', requestSeries(2023, 1, 0, 20))),
    ];
    const year = defined(rankMetric(granted.key, agencies).years[0]);
    const transport = year.groups.find((g) => g.sector === 'transport' && g.level === 'county');
    expect(transport?.pooled_rate).toBe(0.75);
    expect(transport?.provinces.map((p) => [p.province, p.pooled_rate])).toEqual([
      ['乙省', 1],
      ['甲省', 0.5],
    ]);
    expect(year.groups.find((g) => g.sector === 'government')?.pooled_rate).toBe(0);
    expect(year.groups.find((g) => g.level === 'prefecture')?.pooled_rate).toBe(0.05);
  });

  it('gives a rate for each year, oldest first, whatever order the reports come in', () => {
    const series = {
      'requests.outcome.disclosed.total': [point(2023, 5), point(2021, 1)],
      'requests.outcome.partial.total': [point(2023, 5), point(2021, 1)],
      'requests.outcome.total.total': [point(2023, 20), point(2021, 4)],
    };
    expect(rateSeries(granted, series).map((p) => [p.year, p.value])).toEqual([
      [2021, 0.5],
      [2023, 0.5],
    ]);
  });

  it('gives a rate of approximate counts as approximate', () => {
    const series = { ...requestSeries(2023, 30, 10, null), 'requests.outcome.total.total': [point(2023, 80, 'about')] };
    expect(rateSeries(granted, series)[0]?.qualifier).toBe('about');
  });
});

describe('a headline card, at the edges', () => {
  const none = () => undefined;
  it('shows the metric stated most recently: the channel sum when the total stops', () => {
    const [card] = headlines(
      { 'proactive.total': [point(2019, 100), point(2020, 110)], 'proactive.channels_sum': [point(2020, 90), point(2021, 95)] },
      none,
      () => true,
    );
    expect(card).toMatchObject({
      metric: 'proactive.channels_sum',
      latest: { year: 2021, value: 95 },
      previous: { year: 2020, value: 90 },
    });
    // Judged by each metric's last year, not its second.
    const [later] = headlines(
      {
        'proactive.total': [point(2019, 100), point(2022, 110)],
        'proactive.channels_sum': [point(2020, 90), point(2021, 95), point(2023, 99)],
      },
      none,
      () => true,
    );
    expect(later).toMatchObject({ metric: 'proactive.channels_sum', latest: { year: 2023 } });
  });
  it('says why a ranked figure has no standing', () => {
    const [, card] = headlines({ 'requests.new.total': [point(2022, 3)] }, none, () => true);
    expect(card).toMatchObject({ standing: null, unranked: 'suppressed' });
  });
  it('gives no ratio of change from a previous 0, and marks a change from an approximate figure', () => {
    const [fromZero] = headlines({ 'proactive.total': [point(2020, 0), point(2021, 5)] }, none, () => true);
    expect(fromZero).toMatchObject({ change: 5, change_ratio: null });
    const [fromApproximate] = headlines({ 'proactive.total': [point(2020, 100, 'about'), point(2021, 120)] }, none, () => true);
    expect(fromApproximate).toMatchObject({ change: 20, change_approximate: true });
    const [alone] = headlines({ 'proactive.total': [point(2021, 120)] }, none, () => true);
    expect(alone).toMatchObject({ previous: null, change: null, change_ratio: null, change_approximate: false });
  });
});

describe('the year a ranking page opens on', () => {
  it('is the newest year where one group reaches five, even beside a group of one', () => {
    const agencies = [
      ...[0, 1, 2, 3, 4].map((i) => agency(`a${i}`, 'county', '甲省', { 'requests.new.total': [point(2021, i)] })),
      agency('p', 'prefecture', '甲省', { 'requests.new.total': [point(2021, 1)] }),
      // An older year with more agencies: the newest year with a full group still wins.
      ...[0, 1, 2, 3, 4, 5, 6].map((i) => agency(`b${i}`, 'county', '甲省', { 'requests.new.total': [point(2019, i)] })),
      ...[0, 1, 2, 3].map((i) => agency(`c${i}`, 'county', '甲省', { 'requests.new.total': [point(2023, i)] })),
    ];
    expect(defaultYear(rankMetric('requests.new.total', agencies))).toBe(2021);
  });
  it('falls back to the newest of the fullest years', () => {
    const agencies = [2019, 2022, 2020].flatMap((year) =>
      [0, 1].map((i) => agency(`a${year}-${i}`, 'county', '甲省', { 'requests.new.total': [point(year, i)] })),
    );
    expect(defaultYear(rankMetric('requests.new.total', agencies))).toBe(2022);
  });
});
