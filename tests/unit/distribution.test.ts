import { describe, expect, it } from 'vitest';
import { binLabel, binsFor, histogram } from '../../src/lib/charts/distribution.ts';
import type { Level, RankingEntry } from '../../src/lib/core/schema.ts';

const entry = (value: number, level: Level = 'county'): RankingEntry => ({
  agency_id: `a${value}`,
  year: 2023,
  sector: 'transport',
  level,
  province: '甲省',
  value,
  qualifier: 'exact',
  report_id: 'r',
  tied: 1,
  province_standing: null,
  numerator: null,
  denominator: null,
  rank: 1,
  percentile: null,
  peers: 1,
});

describe('binsFor', () => {
  it('uses decades for counts, up to the largest value', () => {
    expect(binsFor('count', 250)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: 10 },
      { from: 10, to: 100 },
      { from: 100, to: null },
    ]);
  });
  it('keeps a zero bin when every value is zero', () => {
    expect(binsFor('count', 0)).toEqual([
      { from: 0, to: 1 },
      { from: 1, to: null },
    ]);
  });
  it('uses tenths for rates, 100 % in the last bin', () => {
    expect(binsFor('rate', 1).at(-1)).toEqual({ from: 0.9, to: null });
  });
});

describe('histogram', () => {
  it('counts agencies per bin and level, leaving out empty levels', () => {
    const h = histogram([entry(0), entry(5), entry(9), entry(40, 'prefecture')], 'count');
    expect(h.counts).toEqual([
      { level: 'prefecture', values: [0, 0, 1] },
      { level: 'county', values: [1, 2, 0] },
    ]);
  });
});

describe('binLabel', () => {
  it.each([
    [{ from: 0, to: 1 }, 'count', '0'],
    [{ from: 10, to: 100 }, 'count', '10–99'],
    [{ from: 1000, to: null }, 'count', '≥1,000'],
    [{ from: 0.2, to: 0.3 }, 'rate', '20%–30%'],
  ] as const)('%j (%s) → %s', (bin, kind, expected) => {
    expect(binLabel(bin, kind, 'en')).toBe(expected);
  });
});
