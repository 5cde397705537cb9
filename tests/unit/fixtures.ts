/**
 * A small, valid dataset for tests, written by us: fictional agencies (测试市, "Test City") with made-up
 * figures. It is never published; the real data lives in data/. The metric catalogue is the real one.
 */
import { readFileSync } from 'node:fs';
import { buildDataset, type SourceTexts } from '../../src/lib/pipeline/dataset.ts';

export const METRICS = readFileSync(new URL('../../data/metrics.csv', import.meta.url), 'utf8');

export const AGENCIES = `id,name_zh,name_en,level,sector,province,prefecture,aliases,website
990100-jt,测试市交通运输局,Test City Transport Bureau,prefecture,transport,四川省,测试市,测试市交通局,https://example.gov.cn/
990101-jt,测试市甲区交通运输局,Test District A Transport Bureau,county,transport,四川省,测试市,,
`;

export const REPORTS = `id,agency_id,year,template,source_url,official,scope,published,notes
990100-jt-2019,990100-jt,2019,gov2019,,,agency,,fixture: page unknown
990100-jt-2021,990100-jt,2021,gov2021,https://example.gov.cn/2021.html,yes,agency,2022-01-20,
990100-jt-2022,990100-jt,2022,gov2021,https://example.gov.cn/2022.html,yes,agency,,
990101-jt-2022,990101-jt,2022,gov2021,https://mirror.example.com/2022.html,no,agency,,
`;

export const FIGURES = `report_id,metric,value,qualifier,locator,note
990100-jt-2019,proactive.total,80,exact,一(一),
990100-jt-2019,requests.new.total,2,exact,一(二),
990100-jt-2021,proactive.total,120,at_least,一(一),
990100-jt-2021,requests.new.total,3,exact,表三 row 一 col 总计,
990100-jt-2021,requests.carried_out.total,2,exact,表三 row 四 col 总计,
990100-jt-2022,proactive.total,150,exact,一(一),
990100-jt-2022,requests.new.total,5,exact,表三 row 一 col 总计,
990100-jt-2022,requests.carried_in.total,1,exact,表三 row 二 col 总计,
990100-jt-2022,requests.outcome.total.total,6,exact,表三 row 七 col 总计,
990100-jt-2022,requests.carried_out.total,0,exact,表三 row 四 col 总计,
990100-jt-2022,appeals.review.total,0,exact,表四,
990101-jt-2022,proactive.website,30,exact,一(一),
990101-jt-2022,proactive.wechat,12,exact,一(一),
`;

export const VALID: SourceTexts = { agencies: AGENCIES, reports: REPORTS, figures: FIGURES, metrics: METRICS };

export const MAX_YEAR = 2026;

export function build(overrides: Partial<SourceTexts> = {}) {
  return buildDataset({ ...VALID, ...overrides }, { dir: 'data', maxYear: MAX_YEAR });
}

/** Replace line `n` (1-based, header = 1) of a CSV text. */
export function replaceLine(text: string, n: number, line: string): string {
  const lines = text.split('\n');
  lines[n - 1] = line;
  return lines.join('\n');
}

export function appendLine(text: string, line: string): string {
  return `${text}${line}\n`;
}
