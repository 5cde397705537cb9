import { describe, expect, it } from 'vitest';
import { checkCarryOver, checkReport } from '../../src/lib/pipeline/checks.ts';
import type { FigureOut, Level, MetricOut, Qualifier, ReportOut, Template } from '../../src/lib/core/schema.ts';
import { eraOf } from '../../src/lib/core/templates.ts';
import { perTest } from '../helpers.ts';
import { FIGURES, build } from './fixtures.ts';

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
      why: 'R5 holds when the overview counts carry-over in and leaves out what it carries on to next year',
      template: 'gov2021',
      figures: {
        'requests.narrative.total': 120,
        'requests.new.total': 119,
        'requests.carried_in.total': 5,
        'requests.carried_out.total': 4,
      },
      expected: [],
    },
    {
      why: 'R5 fails when carrying over does not explain the difference',
      template: 'gov2021',
      figures: {
        'requests.narrative.total': 121,
        'requests.new.total': 119,
        'requests.carried_in.total': 5,
        'requests.carried_out.total': 4,
      },
      expected: ['R5'],
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

describe('the quality flags an agency page shows, word for word', () => {
  const flags = (template: Template, entries: Record<string, number | [number, Qualifier]>, level: Level = 'prefecture') =>
    checkReport({ report: report(template), level, values: values(entries) }, metrics()).map((w) => [w.rule, w.message_en, w.message_zh]);

  it('R1 names the column and both sums', () => {
    const column = (row: string, value: number) => ({ [`requests.${row}.natural_person`]: value });
    expect(
      flags('gov2021', { ...column('new', 3), ...column('carried_in', 1), ...column('outcome.total', 3), ...column('carried_out', 0) }),
    ).toEqual([
      [
        'R1',
        'Requests table, column natural_person: new (3) + carried over (1) = 4, but outcomes total (3) + carried to next year (0) = 3.',
        '表三「自然人」列:本年新收(3)+上年结转(1)=4,但办理结果总计(3)+结转下年度(0)=3。',
      ],
    ]);
  });

  it('R2 and R3 say when only the parts present were added', () => {
    expect(flags('gov2021', { 'requests.outcome.total.org_research': 2, 'requests.outcome.disclosed.org_research': 3 })).toEqual([
      [
        'R2',
        'Requests table, column org_research: outcomes total is 2 but the outcome rows add up to 3 (parts present only).',
        '表三「科研机构」列:办理结果总计为2,但各办理结果相加为3(仅计已填报部分)。',
      ],
    ]);
    expect(flags('gov2021', { 'requests.new.total': 4, 'requests.new.natural_person': 3, 'requests.new.org_commercial': 2 })).toEqual([
      [
        'R3',
        'Requests table, row "New requests received: total": total is 4 but the applicant columns add up to 5 (parts present only).',
        '表三「本年新收申请 · 总计」行:总计为4,但各申请人类型相加为5(仅计已填报部分)。',
      ],
    ]);
  });

  it('R5 names the carried-over requests only when there are some', () => {
    expect(flags('gov2021', { 'requests.narrative.total': 12, 'requests.new.total': 4, 'requests.carried_in.total': 1 })).toEqual([
      [
        'R5',
        'The overview states 12 requests, the requests table 4 new (+1 carried over).',
        '总体情况称收到申请12件,表三本年新收4件(另上年结转1件)。',
      ],
    ]);
    expect(flags('gov2021', { 'requests.narrative.total': 12, 'requests.new.total': 4 })).toEqual([
      ['R5', 'The overview states 12 requests, the requests table 4 new.', '总体情况称收到申请12件,表三本年新收4件。'],
    ]);
    // The overview may count new requests alone, though some were carried over; without the table's count there is nothing to compare.
    expect(flags('gov2021', { 'requests.narrative.total': 10, 'requests.new.total': 10, 'requests.carried_in.total': 2 })).toEqual([]);
    expect(flags('gov2021', { 'requests.narrative.total': 12, 'requests.carried_in.total': 2 })).toEqual([]);
  });

  it('R6 names the appeals block; with every part stated it says nothing about parts', () => {
    const block = (key: string, [upheld, corrected, other, pending, total]: number[]) => ({
      [`appeals.${key}.upheld`]: upheld ?? 0,
      [`appeals.${key}.corrected`]: corrected ?? 0,
      [`appeals.${key}.other`]: other ?? 0,
      [`appeals.${key}.pending`]: pending ?? 0,
      [`appeals.${key}.total`]: total ?? 0,
    });
    expect(
      flags('gov2021', {
        ...block('review', [1, 1, 0, 0, 2]),
        ...block('litigation_direct', [1, 0, 1, 1, 2]),
        ...block('litigation_after_review', [0, 0, 0, 1, 0]),
      }),
    ).toEqual([
      [
        'R6',
        'Appeals table, lawsuits filed directly: total is 2 but upheld + corrected + other + pending = 3.',
        '表四「未经复议直接起诉」:总计为2,但维持、纠正、其他、尚未审结相加为3。',
      ],
      [
        'R6',
        'Appeals table, lawsuits after review: total is 0 but upheld + corrected + other + pending = 1.',
        '表四「复议后起诉」:总计为0,但维持、纠正、其他、尚未审结相加为1。',
      ],
    ]);
  });

  it('D names a stated total that its parts contradict, with both numbers', () => {
    const figures = [
      FIGURES.trimEnd(),
      '511100-jt-2022,appeals.litigation_direct.total,1,exact,表四,',
      '511100-jt-2022,appeals.litigation_after_review.total,1,exact,表四,',
      '511100-jt-2022,appeals.litigation.total,3,exact,表四,',
    ].join('\n');
    const { warnings, dataset } = build({ figures: `${figures}\n` });
    expect(warnings.filter((w) => w.rule === 'D').map((w) => [w.report_id, w.message_en, w.message_zh])).toEqual([
      ['511100-jt-2022', '"Lawsuits, total" is stated as 3, but its parts add up to 2.', '「行政诉讼总数」填报为3,但各分项相加为2。'],
    ]);
    // The stated figure stays as published.
    expect(dataset.figures.find((f) => f.report_id === '511100-jt-2022' && f.metric === 'appeals.litigation.total')).toMatchObject({
      value: 3,
      derived: false,
    });
  });

  it('T and L name the figure, the template and the count', () => {
    expect(flags('gov2019', { 'proactive.art20_1.rules.in_force': 6 }, 'county')).toEqual([
      [
        'T',
        'Figure "Art. 20(1) Rules (规章): in force" is not part of the gov2019 template; check the report\'s template or the metric key.',
        '指标「第二十条第(一)项 规章 · 现行有效件数」不属于gov2019格式,请核对报告格式或指标代码。',
      ],
      [
        'L',
        'A county-level agency reports 6 rules (规章) in "Art. 20(1) Rules (规章): in force"; county bodies cannot make rules, so this is probably a copying error in the report.',
        '县级机关在「第二十条第(一)项 规章 · 现行有效件数」填报规章6件;县级机关无规章制定权,可能是报告填写错误。',
      ],
    ]);
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
    expect(warnings.map((w) => [w.rule, w.year, w.message_en, w.message_zh])).toEqual([
      [
        'R4',
        2022,
        '2022 carried over 1 requests from last year, but the 2021 report carried 2 to the next year.',
        '2022年上年结转申请1件,但2021年报告结转下年度2件。',
      ],
    ]);
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

describe('the requests table rules judge every column and every row they name', () => {
  const zh: Record<string, string> = {
    natural_person: '自然人',
    org_commercial: '商业企业',
    org_research: '科研机构',
    org_public_interest: '社会公益组织',
    org_legal_services: '法律服务机构',
    org_other: '其他法人或组织',
    total: '总计',
  };
  const flags = (template: Template, entries: Record<string, number>) =>
    checkReport({ report: report(template), level: 'prefecture', values: values(entries) }, metrics()).map((w) => [
      w.rule,
      w.message_en,
      w.message_zh,
    ]);

  it.each(Object.keys(zh))('R1 and R2 name the applicant column %s in both languages', (col) => {
    const got = flags('gov2021', {
      [`requests.new.${col}`]: 3,
      [`requests.carried_in.${col}`]: 1,
      [`requests.outcome.total.${col}`]: 3,
      [`requests.carried_out.${col}`]: 0,
      [`requests.outcome.disclosed.${col}`]: 4,
    });
    expect(got).toEqual([
      [
        'R1',
        `Requests table, column ${col}: new (3) + carried over (1) = 4, but outcomes total (3) + carried to next year (0) = 3.`,
        `表三「${zh[col]}」列:本年新收(3)+上年结转(1)=4,但办理结果总计(3)+结转下年度(0)=3。`,
      ],
      [
        'R2',
        `Requests table, column ${col}: outcomes total is 3 but the outcome rows add up to 4 (parts present only).`,
        `表三「${zh[col]}」列:办理结果总计为3,但各办理结果相加为4(仅计已填报部分)。`,
      ],
    ]);
  });

  it('R1 adds what was carried to next year to the outcomes, and what was carried in to the new requests', () => {
    const table = (n: number, ci: number, total: number, co: number) => ({
      'requests.new.total': n,
      'requests.carried_in.total': ci,
      'requests.outcome.total.total': total,
      'requests.carried_out.total': co,
    });
    expect(flags('gov2021', table(3, 1, 2, 2))).toEqual([]);
    expect(flags('gov2021', table(5, 2, 4, 3))).toEqual([]);
    expect(flags('gov2021', table(5, 2, 4, 1))).toEqual([
      [
        'R1',
        'Requests table, column total: new (5) + carried over (2) = 7, but outcomes total (4) + carried to next year (1) = 5.',
        '表三「总计」列:本年新收(5)+上年结转(2)=7,但办理结果总计(4)+结转下年度(1)=5。',
      ],
    ]);
  });

  const COMMON = [
    'disclosed',
    'partial',
    'withheld.state_secret',
    'withheld.law_prohibited',
    'withheld.security_stability',
    'withheld.third_party',
    'withheld.internal_affairs',
    'withheld.process_info',
    'withheld.enforcement_file',
    'withheld.admin_query',
    'unable.not_held',
    'unable.needs_creation',
    'unable.unclear',
    'not_processed.petition_complaint',
    'not_processed.repeat',
    'not_processed.publication',
    'not_processed.excessive',
    'not_processed.confirm_reissue',
  ];
  const rows = (names: string[]) => Object.fromEntries(names.map((r) => [`requests.outcome.${r}.total`, 1]));
  const OTHER_2021 = ['other.no_correction', 'other.fee_unpaid', 'other.other'];
  const complete = (total: number, parts: number) => [
    'R2',
    `Requests table, column total: outcomes total is ${total} but the outcome rows add up to ${parts}.`,
    `表三「总计」列:办理结果总计为${total},但各办理结果相加为${parts}。`,
  ];

  it('R2 adds every outcome row of the 2021 table: with all 21 stated, a total off by one is a complete-sum failure', () => {
    const all = rows([...COMMON, ...OTHER_2021]);
    expect(flags('gov2021', { ...all, 'requests.outcome.total.total': 21 })).toEqual([]);
    expect(flags('gov2021', { ...all, 'requests.outcome.total.total': 22 })).toEqual([complete(22, 21)]);
  });

  it('R2 adds every outcome row of the 2019 table, whose "other" is one row', () => {
    const all = rows([...COMMON, 'other_2019']);
    expect(flags('gov2019', { ...all, 'requests.outcome.total.total': 19 })).toEqual([]);
    expect(flags('gov2019', { ...all, 'requests.outcome.total.total': 20 })).toEqual([complete(20, 19)]);
  });

  it('R2 on a report of unknown template takes the "other" rows it has: the 2019 row when stated, else the 2021 rows', () => {
    const with2019 = rows([...COMMON, 'other_2019']);
    expect(flags('unknown', { ...with2019, 'requests.outcome.total.total': 19 })).toEqual([]);
    expect(flags('unknown', { ...with2019, 'requests.outcome.total.total': 20 })).toEqual([complete(20, 19)]);
    const with2021 = rows([...COMMON, ...OTHER_2021]);
    expect(flags('unknown', { ...with2021, 'requests.outcome.total.total': 22 })).toEqual([complete(22, 21)]);
    // A 2021 report ignores a 2019 row (that row would be a keying error, flagged by rule T, not summed).
    expect(flags('gov2021', { ...with2021, 'requests.outcome.total.total': 21 })).toEqual([]);
  });
});

describe('checkCarryOver (R4) with both kinds of report in one year', () => {
  const eras = (...reports: ReportOut[]) => new Map(reports.map((r) => [r.id, { era: eraOf(r.template, r.year) }]));
  const system = (year: number) => ({ ...report('gov2021', year, `511100-jt-${year}-system`), scope: 'system' as const });
  const byReport = new Map([
    ['511100-jt-2021', values({ 'requests.carried_out.total': 2 })],
    ['511100-jt-2021-system', values({ 'requests.carried_out.total': 9 })],
    ['511100-jt-2022', values({ 'requests.carried_in.total': 2 })],
  ]);

  it('compares the own reports when a year has both, in whichever order they come', () => {
    const reports = [report('gov2021', 2021), system(2021), report('gov2021', 2022)];
    expect(checkCarryOver(reports, byReport, eras(...reports))).toEqual([]);
    const reversed = [system(2021), report('gov2021', 2021), report('gov2021', 2022)];
    expect(checkCarryOver(reversed, byReport, eras(...reversed))).toEqual([]);
  });

  it('falls back to the whole-jurisdiction report when a year has no own report', () => {
    const reports = [system(2021), report('gov2021', 2022)];
    expect(checkCarryOver(reports, byReport, eras(...reports)).map((w) => w.message_en)).toEqual([
      '2022 carried over 2 requests from last year, but the 2021 report carried 9 to the next year.',
    ]);
  });

  it('says nothing when either side of the carry-over is not stated', () => {
    const noFigures = [report('gov2021', 2022), report('gov2021', 2023)];
    expect(checkCarryOver(noFigures, byReport, eras(...noFigures))).toEqual([]);
    const onlyIn = new Map([['511100-jt-2022', values({ 'requests.carried_in.total': 4 })]]);
    const pair = [report('gov2021', 2021), report('gov2021', 2022)];
    expect(checkCarryOver(pair, onlyIn, eras(...pair))).toEqual([]);
  });
});
