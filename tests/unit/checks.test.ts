import { describe, expect, it } from 'vitest';
import { checkCarryOver, checkReport } from '../../src/lib/pipeline/checks.ts';
import type { FigureOut, Level, MetricOut, Qualifier, ReportOut, Template } from '../../src/lib/core/schema.ts';
import { eraOf } from '../../src/lib/core/templates.ts';
import { perTest } from '../helpers.ts';
import { build } from './fixtures.ts';

const metrics = perTest(() => new Map<string, MetricOut>(build().dataset.metrics.map((m) => [m.key, m])));

function report(template: Template, year = 2022, id = `511100-jt-${year}`): ReportOut {
  return {
    id,
    agency_id: '511100-jt',
    year,
    template,
    source_url: null,
    official: null,
    scope: 'agency',
    published: null,
    deadline: `${year + 1}-01-31`,
    days_late: null,
    notes: '',
    figure_count: 0,
  };
}

function values(entries: Record<string, number | [number, Qualifier]>): Map<string, FigureOut> {
  return new Map(
    Object.entries(entries).map(([metric, v]) => {
      const [value, qualifier] = Array.isArray(v) ? v : [v, 'exact' as const];
      return [metric, { report_id: 'r', metric, value, qualifier, locator: 'x', note: '', derived: false }];
    }),
  );
}

const rules = (template: Template, entries: Record<string, number | [number, Qualifier]>, level: Level = 'prefecture') =>
  checkReport({ report: report(template), level, values: values(entries) }, metrics()).map((w) => w.rule);

interface Case {
  why: string;
  template: Template;
  figures: Record<string, number | [number, Qualifier]>;
  expected: string[];
}

describe('checkReport', () => {
  it.each<Case>([
    {
      why: 'R1 holds: 3 new + 1 carried in = 4 answered + 0 carried out',
      template: 'gov2021',
      figures: {
        'requests.new.total': 3,
        'requests.carried_in.total': 1,
        'requests.outcome.total.total': 4,
        'requests.carried_out.total': 0,
      },
      expected: [],
    },
    {
      why: 'R1 fails: 3 + 1 ≠ 3 + 0',
      template: 'gov2021',
      figures: {
        'requests.new.total': 3,
        'requests.carried_in.total': 1,
        'requests.outcome.total.total': 3,
        'requests.carried_out.total': 0,
      },
      expected: ['R1'],
    },
    {
      why: 'R1 is not judged on approximate figures',
      template: 'gov2021',
      figures: {
        'requests.new.total': [30, 'at_least'],
        'requests.carried_in.total': 1,
        'requests.outcome.total.total': 3,
        'requests.carried_out.total': 0,
      },
      expected: [],
    },
    {
      why: 'R2 fails: outcome rows (2 + 1) exceed the total even with rows missing',
      template: 'gov2021',
      figures: { 'requests.outcome.total.total': 2, 'requests.outcome.disclosed.total': 2, 'requests.outcome.partial.total': 1 },
      expected: ['R2'],
    },
    {
      why: 'R2 is not judged when rows are missing and the parts present fit the total',
      template: 'gov2021',
      figures: { 'requests.outcome.total.total': 5, 'requests.outcome.disclosed.total': 2 },
      expected: [],
    },
    {
      why: 'R3 fails: natural persons 2 + companies 2 ≠ total 3 (other columns missing but already larger)',
      template: 'gov2021',
      figures: { 'requests.new.natural_person': 2, 'requests.new.org_commercial': 2, 'requests.new.total': 3 },
      expected: ['R3'],
    },
    {
      why: 'R5 holds when the overview counts carry-over in',
      template: 'gov2021',
      figures: { 'requests.narrative.total': 124, 'requests.new.total': 119, 'requests.carried_in.total': 5 },
      expected: [],
    },
    {
      why: 'R5 fails when the overview states another number',
      template: 'gov2021',
      figures: { 'requests.narrative.total': 12, 'requests.new.total': 10 },
      expected: ['R5'],
    },
    {
      why: 'R6 fails: review upheld 1 + corrected 1 ≠ total 1',
      template: 'gov2021',
      figures: { 'appeals.review.upheld': 1, 'appeals.review.corrected': 1, 'appeals.review.total': 1 },
      expected: ['R6'],
    },
    {
      why: 'T: a 2021-only key in a 2019-template report',
      template: 'gov2019',
      figures: { 'proactive.art20_1.rules.in_force': 0 },
      expected: ['T'],
    },
    {
      why: 'T is not raised for reports of unknown template',
      template: 'unknown',
      figures: { 'proactive.art20_1.rules.in_force': 0 },
      expected: [],
    },
  ])('$why', ({ template, figures, expected }) => {
    expect(rules(template, figures)).toEqual(expected);
  });

  it('L: a county body reporting rules (规章) is flagged; zero is not', () => {
    expect(rules('gov2021', { 'proactive.art20_1.rules.in_force': 6 }, 'county')).toEqual(['L']);
    expect(rules('gov2021', { 'proactive.art20_1.rules.in_force': 0 }, 'county')).toEqual([]);
    expect(rules('gov2021', { 'proactive.art20_1.rules.in_force': 6 }, 'prefecture')).toEqual([]);
  });

  it('R2 uses the single 2019 other-handling row for 2019 reports', () => {
    const leaves = { 'requests.outcome.disclosed.total': 1, 'requests.outcome.other_2019.total': 1 };
    expect(rules('gov2019', { ...leaves, 'requests.outcome.total.total': 2 })).toEqual([]);
    expect(rules('gov2019', { ...leaves, 'requests.outcome.total.total': 1 })).toEqual(['R2']);
  });

  it('writes the failure in both languages with the numbers', () => {
    const [w] = checkReport(
      {
        report: report('gov2021'),
        level: 'county',
        values: values({
          'requests.new.total': 3,
          'requests.carried_in.total': 1,
          'requests.outcome.total.total': 3,
          'requests.carried_out.total': 0,
        }),
      },
      metrics(),
    );
    expect(w?.message_en).toContain('= 4, but outcomes total (3) + carried to next year (0) = 3');
    expect(w?.message_zh).toContain('本年新收(3)+上年结转(1)=4');
  });
});

describe('checkCarryOver (R4)', () => {
  const byReport = new Map([
    ['511100-jt-2021', values({ 'requests.carried_out.total': 2 })],
    ['511100-jt-2022', values({ 'requests.carried_in.total': 1 })],
    ['511100-jt-2024', values({ 'requests.carried_in.total': 7 })],
  ]);
  const eras = (...reports: ReportOut[]) => new Map(reports.map((r) => [r.id, { era: eraOf(r.template, r.year) }]));
  it('flags a carried-in total that differs from last year’s carried-out total', () => {
    const reports = [report('gov2021', 2021), report('gov2021', 2022)];
    const warnings = checkCarryOver(reports, byReport, eras(...reports));
    expect(warnings.map((w) => [w.rule, w.year])).toEqual([['R4', 2022]]);
  });
  it('compares the 2019 and 2021 tables, which count requests alike', () => {
    const reports = [report('gov2019', 2021), report('gov2021', 2022)];
    expect(checkCarryOver(reports, byReport, eras(...reports)).map((w) => w.rule)).toEqual(['R4']);
  });
  it('never compares across the 2019 change of definitions', () => {
    const reports = [report('pre2019', 2021), report('gov2021', 2022)];
    expect(checkCarryOver(reports, byReport, eras(...reports))).toEqual([]);
  });
  it('says nothing when the year before is missing', () => {
    const reports = [report('gov2021', 2021), report('gov2021', 2024)];
    expect(checkCarryOver(reports, byReport, eras(...reports))).toEqual([]);
  });
});
