/**
 * CSV content is untrusted. Non-http(s) URLs are rejected with their location; everything else that is text is
 * accepted and must come out of every writer (SVG, print frame, embed code, tooltip, CSV, oEmbed) as literal
 * text. The built site is checked end to end in tests/e2e/hostile.test.ts.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { AgencyChartView } from '../../src/lib/site/agency-view.ts';
import { compareTooltip } from '../../src/lib/charts/compare-chart.ts';
import { renderSvg } from '../../src/lib/charts/echarts.ts';
import { printChart } from '../../src/lib/charts/print.ts';
import { chartCsv, embedCode, oembed } from '../../src/lib/site/embeds.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { point } from '../helpers.ts';
import { AGENCIES, REPORTS, build, replaceLine } from './fixtures.ts';
import { HOSTILE_AGENCIES, HOSTILE_FIGURES, HOSTILE_METRICS, HOSTILE_REPORTS, PAYLOAD } from './hostile-fixtures.ts';

const EVIL = Object.values(PAYLOAD).join(' ');

/** No element or attribute of the payloads survives as markup. */
function expectNoMarkup(markup: string) {
  expect(markup).not.toMatch(/<(script|img)\b|<\/script/i);
}

/** A CSV cell as a spreadsheet writes it: quoted, inner quotes doubled (so commas and quotes stay in it). */
const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
const CITY_2021 = (url: string) => `511100-jt-2021,511100-jt,2021,gov2021,${cell(url)},yes,agency,2022-01-20,`;
const CITY = (website: string) =>
  `511100-jt,测试市交通运输局,Test City Transport Bureau,prefecture,transport,四川省,乐山市,测试市交通局,${cell(website)}`;
const START = /must start with http:\/\/ or https:\/\//;
const HOST_CHARACTER = /has '.' \(U\+0022\) in its host .*; a domain name has only letters, digits, hyphens and dots/;

/** Each URL a hostile or careless row could carry, and the reason it is refused (see also careless-input.test.ts). */
const badUrls: { url: string; reason: RegExp }[] = [
  { url: 'javascript:alert(1)', reason: START },
  { url: ' JAVASCRIPT:alert(1)', reason: START },
  { url: 'jaVaScRiPt:alert(document.cookie)', reason: START },
  { url: 'ｊａｖａｓｃｒｉｐｔ：alert(1)', reason: START },
  { url: 'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==', reason: START },
  { url: 'vbscript:msgbox(1)', reason: START },
  { url: '//evil.example/2021.html', reason: START },
  { url: 'https:evil.example', reason: START },
  { url: 'http://"><script>alert(1)</script>', reason: HOST_CHARACTER },
  { url: 'https://evil"x.example/', reason: HOST_CHARACTER },
  { url: 'https://user@[::1]/', reason: /has a user name or password before @/ },
];

describe('URLs that are not plain http(s) links are rejected with their location', () => {
  it.each(badUrls)('source_url $url', ({ url, reason }) => {
    const result = build({ reports: replaceLine(REPORTS, 3, CITY_2021(url)) });
    const problems = result.problems.map(formatProblem);
    expect(problems).toContainEqual(expect.stringMatching(/^data\/reports\.csv:3:39: source_url: source_url /));
    expect(problems.find((p) => p.startsWith('data/reports.csv:3:'))).toMatch(reason);
    expect(result.dataset.reports.map((r) => r.id)).not.toContain('511100-jt-2021');
  });

  it.each(badUrls)('website $url', ({ url, reason }) => {
    const result = build({ agencies: replaceLine(AGENCIES, 2, CITY(url)) });
    const problems = result.problems.map(formatProblem);
    const problem = problems.find((p) => p.startsWith('data/agencies.csv:2:'));
    expect(problem).toMatch(/^data\/agencies\.csv:2:\d+: website: website /);
    expect(problem).toMatch(reason);
  });

  it('keeps http(s) URLs with quotes and markup in their path or query (they are escaped on output)', () => {
    const url = `https://example.gov.cn/2021.html?q='"><script>alert(1)</script>&a=1`;
    const result = build({ reports: replaceLine(REPORTS, 3, CITY_2021(url)) });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.dataset.reports.find((r) => r.id === '511100-jt-2021')?.source_url).toBe(url);
  });
});

describe('the hostile fixture dataset', () => {
  it('is accepted whole: markup in names, notes and locators is text, not an error', () => {
    const result = build({ agencies: HOSTILE_AGENCIES, reports: HOSTILE_REPORTS, figures: HOSTILE_FIGURES, metrics: HOSTILE_METRICS });
    expect(result.problems.map(formatProblem)).toEqual([]);
    expect(result.summary.every((s) => s.rejected === 0)).toBe(true);
    expect(result.dataset.agencies.map((a) => a.name_zh)).toContain(`测试市${PAYLOAD.script}局`);
  });
});

describe('writers escape hostile text', () => {
  const option = {
    legend: {},
    xAxis: { type: 'category' as const, data: ['2021', EVIL] },
    yAxis: { type: 'value' as const, name: EVIL },
    series: [{ type: 'line' as const, name: EVIL, data: [1, 2] }],
  };

  it('renderSvg: label, legend, axis names and category labels', () => {
    const svg = renderSvg(option, { width: 480, height: 300 }, 'evil', EVIL);
    expectNoMarkup(svg);
    expect(svg).toContain('aria-label="&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(svg).toContain('&amp;amp;');
  });

  it('printChart: title and source line', () => {
    const chart = renderSvg(option, { width: 480, height: 300 }, 'evil', EVIL);
    const { svg } = printChart(chart, { width: 480, height: 300 }, EVIL, EVIL);
    expectNoMarkup(svg);
    expect(svg).toContain(`<title>&lt;script&gt;alert(1)&lt;/script&gt; &quot;&gt;&lt;img`);
  });

  it('embedCode: the title and src attributes cannot be closed', () => {
    const code = embedCode(`https://example.org/embed/?q="><script>alert(1)</script>`, EVIL, 420);
    const iframe = code.split('\n')[0] ?? '';
    expectNoMarkup(iframe);
    expect(iframe).toMatch(/^<iframe src="[^"]*" title="[^"]*" width="100%" height="420" style="[^"]*" loading="lazy"><\/iframe>$/);
  });

  it('compareTooltip: agency names are text inside the tooltip HTML', () => {
    const html = compareTooltip(
      {
        years: [2021],
        lines: [{ label: EVIL, points: [point(2021, 5)], sources: { r2021: null } }],
        mode: 'abs',
        axisName: '',
        allowNegative: false,
      },
      0,
      'en',
      { missing: 'not stated', sourceUnknown: 'unknown', approximate: 'approximate', notStated: 'no figure' },
    );
    expectNoMarkup(html);
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62; &#34;&#62;&#60;img');
  });

  const view: AgencyChartView = {
    chart: 'proactive',
    title: EVIL,
    data: { id: 'proactive', years: [2021], series: [{ metric: 'proactive.total', kind: 'line', label: EVIL, points: [point(2021, 5)] }] },
    html: '<svg/>',
    embedHtml: '<svg/>',
    svg: '<svg/>',
    size: { width: 480, height: 300 },
    caption: '',
    reports: [],
    source: EVIL,
    notes: { breaks: [], implied: [] },
    scope: 'agency',
  };

  it('chartCsv: labels round-trip through a CSV parser', () => {
    const text = chartCsv(view, () => ({ zh: EVIL, en: `${EVIL}\n=cmd` }));
    const rows = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ label_zh: EVIL, label_en: `${EVIL}\n=cmd`, value: '5' });
  });

  it('oembed: the title round-trips through JSON and its html escapes it', () => {
    const body = oembed({
      title: EVIL,
      agencyName: EVIL,
      siteName: 'site',
      src: 'https://example.org/embed/',
      png: { url: 'https://example.org/embed/chart.png', width: 960, height: 600 },
      view,
    });
    // The JSON consumers read carries the text as text; the embed code inside it carries it escaped.
    const served: Record<string, unknown> = JSON.parse(JSON.stringify(body));
    expect([served.title, served.author_name]).toEqual([EVIL, EVIL]);
    const [iframe = ''] = body.html.split('\n');
    expectNoMarkup(iframe);
    const escaped = EVIL.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c] ?? c);
    expect(iframe).toContain(`title="${escaped}"`);
  });
});
