import { describe, expect, it } from 'vitest';
import { yearRange } from '../../src/lib/core/chart-specs.ts';
import { combineQualifiers, deriveReportFigures, roundValue } from '../../src/lib/pipeline/derive.ts';
import { agencySeries } from '../../src/lib/core/series.ts';
import type { FigureOut, MetricOut, Qualifier, ReportOut } from '../../src/lib/core/schema.ts';
import { perTest } from '../helpers.ts';
import { build } from './fixtures.ts';

const metrics = perTest((): MetricOut[] => build().dataset.metrics);
const fig = (metric: string, value: number, qualifier: Qualifier = 'exact'): FigureOut => ({
  report_id: 'r',
  metric,
  value,
  qualifier,
  locator: 'x',
  note: '',
  derived: false,
});
const stated = (...figures: FigureOut[]) => new Map(figures.map((f) => [f.metric, f]));

describe('combineQualifiers', () => {
  it.each([
    [['exact', 'exact'], 'exact', 'all exact stays exact'],
    [['exact', 'at_least'], 'at_least', 'a lower bound plus exact is a lower bound'],
    [['at_least', 'about'], 'about', 'anything with "about" is only approximate'],
    [['nearly'], 'about', '"nearly" is an approximation, not a bound'],
  ] as [Qualifier[], Qualifier, string][])('%j → %s (%s)', (qs, expected) => {
    expect(combineQualifiers(qs)).toBe(expected);
  });
});

describe('deriveReportFigures', () => {
  it('sums group rows only when every part is present', () => {
    const complete = deriveReportFigures(
      'r',
      stated(
        fig('requests.outcome.unable.not_held.total', 2),
        fig('requests.outcome.unable.needs_creation.total', 1),
        fig('requests.outcome.unable.unclear.total', 0),
      ),
      metrics(),
    );
    expect(complete.derived.find((f) => f.metric === 'requests.outcome.unable.sum')).toMatchObject({ value: 3, derived: true });
    const partial = deriveReportFigures('r', stated(fig('requests.outcome.unable.not_held.total', 2)), metrics());
    expect(partial.derived.find((f) => f.metric === 'requests.outcome.unable.sum')).toBeUndefined();
  });

  it('takes the 2019 single row for other handling', () => {
    const { derived } = deriveReportFigures('r', stated(fig('requests.outcome.other_2019.total', 4)), metrics());
    expect(derived.find((f) => f.metric === 'requests.outcome.other.sum')?.value).toBe(4);
  });

  it('sums whichever channels are stated, and marks approximate parts', () => {
    const { derived } = deriveReportFigures('r', stated(fig('proactive.website', 260, 'at_least'), fig('proactive.wechat', 80)), metrics());
    expect(derived.find((f) => f.metric === 'proactive.channels_sum')).toMatchObject({ value: 340, qualifier: 'at_least' });
  });

  it('never replaces a stated figure, and reports a disagreement', () => {
    const result = deriveReportFigures(
      'r',
      stated(
        fig('appeals.litigation_direct.total', 1),
        fig('appeals.litigation_after_review.total', 1),
        fig('appeals.litigation.total', 3),
      ),
      metrics(),
    );
    expect(result.derived.find((f) => f.metric === 'appeals.litigation.total')).toBeUndefined();
    expect(result.disagreements).toEqual([{ metric: 'appeals.litigation.total', stated: 3, computed: 2 }]);
  });

  it('rounds away binary-fraction noise', () => {
    expect(roundValue(0.1 + 0.2)).toBe(0.3);
  });
});

describe('yearRange', () => {
  it('fills the years between the first and the last', () => {
    expect(yearRange([2022, 2019])).toEqual([2019, 2020, 2021, 2022]);
    expect(yearRange([])).toEqual([]);
  });
});

describe('agencySeries', () => {
  const report = (id: string, year: number, scope: ReportOut['scope']): ReportOut => ({
    id,
    agency_id: 'a',
    year,
    template: 'gov2021',
    source_url: null,
    official: null,
    scope,
    published: null,
    deadline: `${year + 1}-01-31`,
    days_late: null,
    notes: '',
    figure_count: 0,
  });
  it('takes each year from one report, the agency’s own before a system-wide one', () => {
    const figures = new Map([
      [
        'sys',
        [
          { ...fig('proactive.total', 900), report_id: 'sys' },
          { ...fig('requests.new.total', 9), report_id: 'sys' },
        ],
      ],
      ['own', [{ ...fig('proactive.total', 120), report_id: 'own' }]],
    ]);
    const series = agencySeries([report('sys', 2022, 'system'), report('own', 2022, 'agency')], figures);
    expect(series['proactive.total']).toEqual([{ year: 2022, value: 120, qualifier: 'exact', report_id: 'own', derived: false }]);
    expect(series['requests.new.total']).toBeUndefined();
  });
});
