/**
 * Every kind of agency: sectors and ids, division codes, report ids, scopes, stated changes and the previous
 * year they imply, timeliness under both deadline regimes, series breaks and the corrections log.
 */
import { describe, expect, it } from 'vitest';
import { divisionPath, findDivision } from '../../src/lib/core/divisions.ts';
import { agencyIdentityProblems, parseAgencyId } from '../../src/lib/core/ids.ts';
import { SECTORS, type Sector } from '../../src/lib/core/sectors.ts';
import { seriesBreaks, eraOf } from '../../src/lib/core/templates.ts';
import { impliedValue, percentAgrees } from '../../src/lib/pipeline/implied.ts';
import { daysLate, deadline } from '../../src/lib/pipeline/timeliness.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { perTest, point } from '../helpers.ts';
import { AGENCIES, CORRECTIONS, FIGURES, REPORTS, appendLine, build, replaceLine } from './fixtures.ts';

const problems = (result: ReturnType<typeof build>) => result.problems.map(formatProblem);

describe('sectors', () => {
  it('have one id code each, unique, with Chinese and English labels', () => {
    const codes = SECTORS.flatMap((s) => (s.code ? [s.code] : []));
    expect(new Set(codes).size).toBe(codes.length);
    expect(SECTORS.every((s) => s.zh.length > 0 && s.en.length > 0)).toBe(true);
    expect(SECTORS.find((s) => s.key === 'government')?.code).toBe('zf');
    expect(SECTORS.find((s) => s.key === 'transport')?.code).toBe('jt');
  });
});

describe('division codes', () => {
  it.each([
    ['100000', 'national', '', ''],
    ['510000', 'province', '四川省', ''],
    ['511100', 'prefecture', '四川省', '乐山市'],
    ['511112', 'county', '四川省', '乐山市'],
    ['110101', 'county', '北京市', '北京市'],
    ['500233', 'county', '重庆市', '重庆市'],
    ['429004', 'county', '湖北省', ''],
    ['441900', 'prefecture', '广东省', '东莞市'],
  ])('%s is a %s division (province %s, prefecture %s)', (code, level, province, prefecture) => {
    expect(findDivision(code)).toMatchObject({ level, province, prefecture });
  });
  it('has no place for a grouping row or an unknown code', () => {
    expect(findDivision('110100')).toBeUndefined();
    expect(findDivision('990100')).toBeUndefined();
  });
  it('knows each place’s parents', () => {
    expect(divisionPath('511112').map((d) => d.code)).toEqual(['511112', '511100', '510000', '100000']);
  });
});

describe('agency ids', () => {
  it.each([
    ['370300-jt', { division: '370300', code: 'jt', n: null }],
    ['100000-cz', { division: '100000', code: 'cz', n: null }],
    ['110000-xf-2', { division: '110000', code: 'xf', n: 2 }],
    ['370300-JT', null],
    ['37030-jt', null],
    ['370300-jt-0', null],
    ['370300-abcdefg', null],
  ])('%s → %j', (id, parts) => {
    expect(parseAgencyId(id)).toEqual(parts);
  });

  const row = { id: '511112-jt', level: 'county', sector: 'transport' as const, province: '四川省', prefecture: '乐山市' };
  it.each([
    [row, []],
    [{ ...row, id: '511112-jy' }, ['id: a transport agency’s id ends in -jt, not -jy']],
    [{ ...row, sector: 'other' as const }, ['id: -jt is the code of a listed sector']],
    [{ ...row, id: '511112-xf', sector: 'other' as const }, []],
    [{ ...row, id: '990112-jt' }, ['id: 990112 is not a current GB/T 2260 division code']],
    [{ ...row, level: 'prefecture' }, ['level: level must be county']],
    [{ ...row, province: '湖北省' }, ['province: province must be 四川省']],
    [{ ...row, prefecture: '测试市' }, ['prefecture: prefecture must be 乐山市']],
    [{ id: '100000-cz', level: 'national', sector: 'finance' as const, province: '', prefecture: '' }, []],
    [
      { id: '100000-cz', level: 'province', sector: 'finance' as const, province: '北京市', prefecture: '' },
      ['level: level must be national', 'province: province must be empty for a national body'],
    ],
  ])('%j → %j', (agency, expected) => {
    const found = agencyIdentityProblems(agency).map((p) => `${p.column}: ${p.message}`.replace(/'/g, '’'));
    expect(found.length).toBe(expected.length);
    expected.forEach((e, i) => expect(found[i]).toContain(e));
  });

  it('are checked by the data build with a located error', () => {
    const result = build({
      agencies: appendLine(AGENCIES, '511124-jy,测试县教育局,Test County Education,county,transport,四川省,乐山市,,'),
    });
    expect(problems(result)).toContainEqual(
      expect.stringMatching(/^data\/agencies\.csv:\d+:1: id: a transport agency's id ends in -jt, not -jy/),
    );
  });
});

describe('report ids', () => {
  it('must name the row’s agency, year and scope (a report id of another agency is rejected)', () => {
    const reports = appendLine(REPORTS, '511112-jt-2015,511102-jt,2021,gov2021,https://b.example.gov.cn/2021.html,yes,agency,,');
    expect(problems(build({ reports }))).toContainEqual(
      expect.stringContaining('id: a agency-scope report of 511102-jt for 2021 has the id 511102-jt-2021'),
    );
  });
  it('end in -system for a whole-jurisdiction report', () => {
    const reports = appendLine(REPORTS, '511112-zf-2021,511112-zf,2021,gov2021,https://a.example.gov.cn/2021.html,yes,system,,');
    expect(problems(build({ reports }))).toContainEqual(expect.stringContaining('has the id 511112-zf-2021-system'));
  });
  it('reject a publication date before the covered year ends', () => {
    const reports = appendLine(
      REPORTS,
      '511112-zf-2021-system,511112-zf,2021,gov2021,https://a.example.gov.cn/2021.html,yes,system,2021-06-01,',
    );
    expect(problems(build({ reports }))).toContainEqual(expect.stringContaining('published 2021-06-01 is before the end of 2021'));
  });
});

describe('timeliness', () => {
  it.each([
    [2018, 'transport', '2019-03-31', 'before 2019 every agency had until 31 March'],
    [2018, 'government', '2019-03-31', ''],
    [2019, 'transport', '2020-01-31', 'from the 2019 reports departments have until 31 January'],
    [2019, 'government', '2020-03-31', 'governments until 31 March'],
    [2023, 'education', '2024-01-31', ''],
  ] as [number, Sector, string, string][])('%i %s → %s %s', (year, sector, due) => {
    expect(deadline(year, sector)).toBe(due);
  });
  it('counts days late, on time at the deadline, and keeps an unknown date unknown', () => {
    expect(daysLate('2024-02-03', '2024-01-31')).toBe(3);
    expect(daysLate('2024-01-31', '2024-01-31')).toBe(0);
    expect(daysLate('2024-01-10', '2024-01-31')).toBe(-21);
    expect(daysLate(null, '2024-01-31')).toBeNull();
  });
  it('are computed for every report of the dataset', () => {
    const reports = new Map(build().dataset.reports.map((r) => [r.id, r]));
    expect(reports.get('511100-zf-2022-system')).toMatchObject({ deadline: '2023-03-31', days_late: 2 });
    expect(reports.get('511100-zf-2022')).toMatchObject({ deadline: '2023-03-31', days_late: -65 });
    expect(reports.get('511111-jt-2017')).toMatchObject({ deadline: '2018-03-31', days_late: 10 });
    expect(reports.get('511100-jt-2022')).toMatchObject({ deadline: '2023-01-31', days_late: null });
  });
});

describe('stated changes and the previous year they imply', () => {
  it('implies last year from an absolute change exactly, and from a percentage approximately', () => {
    expect(impliedValue(point(2022, 130), 'change', point(2022, 30))).toEqual({ value: 100, qualifier: 'exact' });
    expect(impliedValue(point(2022, 90), 'change_pct', point(2022, 12.5))).toEqual({ value: 80, qualifier: 'about' });
    expect(impliedValue(point(2022, 5), 'change', point(2022, 30))).toBeNull();
    expect(impliedValue(point(2022, 0), 'change_pct', point(2022, -100))).toBeNull();
  });
  it('checks a stated percentage at the precision it is given', () => {
    expect(percentAgrees(25, 400, 500)).toBe(true);
    expect(percentAgrees(12.5, 80, 90)).toBe(true);
    expect(percentAgrees(12.4, 80, 90)).toBe(false);
    expect(percentAgrees(13, 80, 90)).toBe(true);
  });
  it('shows an implied value only where the agency has no figure of its own, in the scope of the report', () => {
    const agencies = new Map(build().dataset.agencies.map((a) => [a.id, a]));
    expect(agencies.get('511111-jt')?.implied).toEqual([
      {
        metric: 'requests.new.total',
        year: 2020,
        value: 4,
        qualifier: 'exact',
        from_report: '511111-jt-2021',
        from_year: 2021,
        via: 'change',
        change: 2,
        scope: 'agency',
      },
    ]);
    expect(agencies.get('511112-zf')?.implied).toMatchObject([
      { metric: 'requests.new.total', year: 2021, value: 80, qualifier: 'about', via: 'change_pct', scope: 'system' },
    ]);
    // 2021's whole-city report exists and agrees with the stated +25 %: nothing implied, no warning.
    expect(agencies.get('511100-zf')?.implied.filter((i) => i.scope === 'system')).toEqual([]);
  });
  it('warns when a stated change disagrees with the previous year’s own report', () => {
    const y = build().warnings.filter((w) => w.rule === 'Y');
    expect(y.map((w) => [w.report_id, w.agency_id, w.year, w.message_en, w.message_zh])).toEqual([
      [
        '511111-jt-2022',
        '511111-jt',
        2022,
        'The 2022 report states a change of -5 on the previous year for "New requests received: total", but 2021\'s report gives 6 and 2022\'s 0: a change of -6.',
        '2022年报告称「本年新收申请 · 总计」比上年变化-5,但2021年报告为6,2022年为0,实际变化-6。',
      ],
    ]);
    // A percentage, stated +20 % where the two whole-city reports give +25 %.
    const figures = FIGURES.replace(
      '511100-zf-2022-system,requests.new.total.change_pct,25,',
      '511100-zf-2022-system,requests.new.total.change_pct,20,',
    );
    const texts = build({ figures })
      .warnings.filter((w) => w.rule === 'Y' && w.report_id !== '511111-jt-2022')
      .map((w) => w.message_en);
    expect(texts).toEqual([
      'The 2022 report states a change of +20% on the previous year for "New requests received: total", but 2021\'s report gives 400 and 2022\'s 500: a change of +25%.',
    ]);
  });
  it('never compares a stated change across the 2019 change of definitions', () => {
    // 511111-jt 2019 states +1 against 2018's pre-2019 count of 3 (actual +1 would be 4 → 4 is 2019's value: it agrees
    // by chance); make it disagree and see no warning.
    const figures = FIGURES.replace('511111-jt-2019,requests.new.total.change,1,', '511111-jt-2019,requests.new.total.change,9,');
    expect(build({ figures }).warnings.filter((w) => w.rule === 'Y' && w.report_id === '511111-jt-2019')).toEqual([]);
  });
  it('rejects a change metric without its base, or with the wrong unit', () => {
    const metrics = appendLine(`${CATALOGUE_HEADER}\n`, 'x.change,x,x,count_change,proactive,x,x,gov2021,');
    expect(problems(build({ metrics }))).toContainEqual(
      expect.stringContaining('"x.change" is a stated change of "x", which is not in the catalogue'),
    );
  });
});

const CATALOGUE_HEADER = 'key,label_zh,label_en,unit,group,definition_zh,definition_en,templates,derived_from';

describe('series breaks', () => {
  it('fall between consecutive drawn years of different forms, a gap year included', () => {
    const points = [2016, 2017, 2018, 2019, 2021, 2022].map((year) => ({
      year,
      era: eraOf(year < 2019 ? 'pre2019' : year < 2021 ? 'gov2019' : 'gov2021', year),
    }));
    expect(seriesBreaks(points)).toEqual([
      { year: 2019, from: 'pre2019', to: 'gov2019' },
      { year: 2021, from: 'gov2019', to: 'gov2021' },
    ]);
  });
  it('take an unknown template from the year', () => {
    expect([eraOf('unknown', 2018), eraOf('unknown', 2020), eraOf('unknown', 2021)]).toEqual(['pre2019', 'gov2019', 'gov2021']);
  });
});

describe('peers by sector and level, agency scope only', () => {
  const dataset = perTest(() => build().dataset);
  const ranking = (metric: string, scope: string) => dataset().rankings.find((r) => r.metric === metric && r.scope === scope);
  it('ranks a county transport bureau among county transport bureaus of scope agency only', () => {
    const y2022 = ranking('requests.new.total', 'agency')?.years.find((y) => y.year === 2022);
    const county = y2022?.entries.filter((e) => e.sector === 'transport' && e.level === 'county').map((e) => e.agency_id);
    expect(county?.sort()).toEqual(['511102-jt', '511111-jt', '511112-jt', '511113-jt', '511124-jt']);
    expect(y2022?.entries.map((e) => e.agency_id)).not.toContain('511123-jt');
    expect(y2022?.entries.find((e) => e.agency_id === '511111-jt')).toMatchObject({ rank: 2, tied: 4, peers: 5, percentile: 0 });
  });
  it('keeps whole-jurisdiction totals out of agency rankings, in rankings of their own', () => {
    const agency = ranking('requests.new.total', 'agency')?.years.find((y) => y.year === 2022)?.entries ?? [];
    expect(agency.find((e) => e.agency_id === '511100-zf')).toMatchObject({ value: 40, report_id: '511100-zf-2022' });
    const system = ranking('requests.new.total', 'system')?.years.find((y) => y.year === 2022)?.entries ?? [];
    expect(system.map((e) => [e.agency_id, e.value, e.report_id])).toEqual([
      ['511100-zf', 500, '511100-zf-2022-system'],
      ['511112-zf', 90, '511112-zf-2022-system'],
    ]);
  });
  it('gives the card the standing of the ranking entry, and says why an unranked figure is not ranked', () => {
    const agencies = new Map(dataset().agencies.map((a) => [a.id, a]));
    const card = (id: string, card: string) => agencies.get(id)?.headlines.find((h) => h.id === card);
    expect(card('511111-jt', 'requests')).toMatchObject({ standing: { rank: 2, tied: 4, peers: 5, percentile: 0 }, unranked: null });
    expect(card('511123-jt', 'requests')).toMatchObject({ standing: null, unranked: 'scope' });
    expect(card('511112-jt', 'proactive')).toMatchObject({ metric: 'proactive.channels_sum', standing: null, unranked: 'channel_sum' });
    expect(agencies.get('511100-zf')?.system_headlines.find((h) => h.id === 'requests')).toMatchObject({
      latest: { value: 500 },
      standing: { rank: 1, peers: 1 },
    });
  });
});

describe('corrections log', () => {
  it('publishes every correction with its agency and year', () => {
    expect(build().dataset.corrections).toEqual([
      {
        date: '2026-01-05',
        report_id: '511100-jt-2022',
        agency_id: '511100-jt',
        year: 2022,
        metric: 'proactive.total',
        old_value: 105,
        new_value: 150,
        reason: 'fixture: misread 一(一)',
      },
    ]);
  });
  it('rejects a correction whose new value is not the current figure', () => {
    const corrections = replaceLine(CORRECTIONS, 2, '2026-01-05,511100-jt-2022,proactive.total,105,151,misread');
    expect(problems(build({ corrections }))).toEqual([
      'data/corrections.csv:2:47: new_value: new_value 151 is not the current figure: figures.csv has 150 for 511100-jt-2022 proactive.total',
    ]);
  });
  it('rejects a removal while the figure is still there, and an unknown report', () => {
    const corrections = appendLine(
      appendLine(CORRECTIONS, '2026-01-06,511100-jt-2022,proactive.total,150,,duplicate row'),
      '2026-01-06,511100-jt-2030,proactive.total,1,2,typo',
    );
    const found = problems(build({ corrections }));
    expect(found[0]).toContain('new_value is empty (figure removed), but figures.csv still has');
    expect(found[1]).toContain('report_id: unknown report "511100-jt-2030"');
  });
});
