/**
 * A small, valid dataset for tests, written by us: fictional agencies (测试市, "Test City") with made-up
 * figures. The ids use real division codes (乐山市 and its districts, and 100000 for the national body)
 * because the data build checks every id's code; the names and numbers are synthetic. It is never
 * published; the real data lives in data/. The metric catalogue is the real one.
 */
import { readFileSync } from 'node:fs';
import { buildDataset, type SourceTexts } from '../../src/lib/pipeline/dataset.ts';

export const METRICS = readFileSync(new URL('../../data/metrics.csv', import.meta.url), 'utf8');

export const AGENCIES = `id,name_zh,name_en,level,sector,province,prefecture,aliases,website
511100-jt,测试市交通运输局,Test City Transport Bureau,prefecture,transport,四川省,乐山市,测试市交通局,https://example.gov.cn/
511112-jt,测试市甲区交通运输局,Test District A Transport Bureau,county,transport,四川省,乐山市,,
511102-jt,测试市乙区交通运输局,Test District B Transport Bureau,county,transport,四川省,乐山市,,
511111-jt,测试市丙区交通运输局,Test District C Transport Bureau,county,transport,四川省,乐山市,,
511113-jt,测试市丁区交通运输局,Test District D Transport Bureau,county,transport,四川省,乐山市,,
511123-jt,测试县交通运输局,Test County Transport Bureau,county,transport,四川省,乐山市,,
511124-jt,测试县乙交通运输局,Test County B Transport Bureau,county,transport,四川省,乐山市,,
511100-zf,测试市人民政府,Test City People's Government,prefecture,government,四川省,乐山市,测试市政府办公室,https://gov.example.gov.cn/
511112-zf,测试市甲区人民政府,Test District A People's Government,county,government,四川省,乐山市,,
511100-jy,测试市教育局,Test City Education Bureau,prefecture,education,四川省,乐山市,,
100000-jt,测试交通运输部,Test Ministry of Transport,national,transport,,,,
`;

/**
 * Reports: a prefecture bureau with three years (one unknown page), a county bureau with six years across both
 * template changes and a gap (2020), five more county bureaus (one of unknown scope) for a peer group of five, a city government with
 * its own report and whole-city (system) reports, a district government, a single-year education bureau and a
 * national body. Publication dates cover on time, late and unknown.
 */
export const REPORTS = `id,agency_id,year,template,source_url,official,scope,published,notes
511100-jt-2019,511100-jt,2019,gov2019,,,agency,,fixture: page unknown
511100-jt-2021,511100-jt,2021,gov2021,https://example.gov.cn/2021.html,yes,agency,2022-01-20,
511100-jt-2022,511100-jt,2022,gov2021,https://example.gov.cn/2022.html,yes,agency,,
511112-jt-2022,511112-jt,2022,gov2021,https://mirror.example.com/2022.html,no,agency,,
511111-jt-2016,511111-jt,2016,pre2019,https://c.example.gov.cn/2016.html,yes,agency,2017-03-30,
511111-jt-2017,511111-jt,2017,pre2019,https://c.example.gov.cn/2017.html,yes,agency,2018-04-10,
511111-jt-2018,511111-jt,2018,pre2019,https://c.example.gov.cn/2018.html,yes,agency,,
511111-jt-2019,511111-jt,2019,gov2019,https://c.example.gov.cn/2019.html,yes,agency,2020-01-15,
511111-jt-2021,511111-jt,2021,gov2021,https://c.example.gov.cn/2021.html,yes,agency,2022-02-03,
511111-jt-2022,511111-jt,2022,gov2021,https://c.example.gov.cn/2022.html,yes,agency,2023-01-31,
511102-jt-2022,511102-jt,2022,gov2021,https://b.example.gov.cn/2022.html,yes,agency,2023-01-10,
511113-jt-2022,511113-jt,2022,gov2021,https://d.example.gov.cn/2022.html,yes,agency,2023-01-12,
511123-jt-2022,511123-jt,2022,gov2021,https://e.example.gov.cn/2022.html,yes,unknown,2023-01-12,fixture: scope unclear
511124-jt-2022,511124-jt,2022,gov2021,https://f.example.gov.cn/2022.html,yes,agency,2023-02-15,
511100-zf-2021-system,511100-zf,2021,gov2021,https://gov.example.gov.cn/2021.html,yes,system,2022-03-20,
511100-zf-2022-system,511100-zf,2022,gov2021,https://gov.example.gov.cn/2022.html,yes,system,2023-04-02,
511100-zf-2022,511100-zf,2022,gov2021,https://gov.example.gov.cn/2022-own.html,yes,agency,2023-01-25,
511112-zf-2022-system,511112-zf,2022,gov2021,https://a.example.gov.cn/2022.html,yes,system,2023-03-01,
511100-jy-2022,511100-jy,2022,gov2021,https://jy.example.gov.cn/2022.html,yes,agency,2023-01-30,
100000-jt-2022,100000-jt,2022,gov2021,https://mot.example.gov.cn/2022.html,yes,agency,2023-01-28,
`;

export const FIGURES = `report_id,metric,value,qualifier,locator,note
511100-jt-2019,proactive.total,80,exact,一(一),
511100-jt-2019,requests.new.total,2,exact,一(二),
511100-jt-2021,proactive.total,120,at_least,一(一),
511100-jt-2021,requests.new.total,3,exact,表三 row 一 col 总计,
511100-jt-2021,requests.carried_out.total,2,exact,表三 row 四 col 总计,
511100-jt-2022,proactive.total,150,exact,一(一),
511100-jt-2022,requests.new.total,5,exact,表三 row 一 col 总计,
511100-jt-2022,requests.carried_in.total,1,exact,表三 row 二 col 总计,
511100-jt-2022,requests.outcome.total.total,6,exact,表三 row 七 col 总计,
511100-jt-2022,requests.carried_out.total,0,exact,表三 row 四 col 总计,
511100-jt-2022,appeals.review.total,0,exact,表四,
511112-jt-2022,proactive.website,30,exact,一(一),
511112-jt-2022,proactive.wechat,12,exact,一(一),
511112-jt-2022,requests.new.total,0,exact,表三 row 一 col 总计,
511111-jt-2016,proactive.total,40,exact,一 narrative,
511111-jt-2016,requests.new.total,1,exact,二 narrative,
511111-jt-2017,proactive.total,52,exact,一 narrative,
511111-jt-2017,requests.new.total,0,exact,二 narrative,
511111-jt-2018,proactive.total,61,exact,一 narrative,
511111-jt-2018,requests.new.total,3,exact,二 narrative,
511111-jt-2019,proactive.total,70,exact,一(一) narrative,
511111-jt-2019,requests.new.total,4,exact,表三 row 一 col 总计,
511111-jt-2019,requests.new.total.change,1,exact,一(二) narrative,
511111-jt-2021,proactive.total,88,exact,一(一) narrative,
511111-jt-2021,requests.new.total,6,exact,表三 row 一 col 总计,
511111-jt-2021,requests.new.total.change,2,exact,一(二) narrative,
511111-jt-2021,appeals.review.total,1,exact,表四,
511111-jt-2022,proactive.total,95,exact,一(一) narrative,
511111-jt-2022,requests.new.total,0,exact,表三 row 一 col 总计,
511111-jt-2022,requests.new.total.change,-5,exact,一(二) narrative,
511111-jt-2022,appeals.review.total,0,exact,表四,
511102-jt-2022,requests.new.total,0,exact,表三 row 一 col 总计,
511102-jt-2022,proactive.total,20,exact,一(一) narrative,
511113-jt-2022,requests.new.total,0,exact,表三 row 一 col 总计,
511113-jt-2022,proactive.total,35,exact,一(一) narrative,
511123-jt-2022,requests.new.total,7,exact,表三 row 一 col 总计,
511124-jt-2022,requests.new.total,2,exact,表三 row 一 col 总计,
511100-zf-2021-system,requests.new.total,400,exact,一(二) narrative,
511100-zf-2021-system,proactive.total,5000,about,一(一) narrative,
511100-zf-2022-system,requests.new.total,500,exact,一(二) narrative,
511100-zf-2022-system,requests.new.total.change_pct,25,exact,一(二) narrative,
511100-zf-2022-system,proactive.total,6000,exact,一(一) narrative,
511100-zf-2022,requests.new.total,40,exact,表三 row 一 col 总计,
511100-zf-2022,requests.new.total.change,10,exact,一(二) narrative,
511100-zf-2022,proactive.total,300,exact,一(一) narrative,
511112-zf-2022-system,requests.new.total,90,exact,一(二) narrative,
511112-zf-2022-system,requests.new.total.change_pct,12.5,exact,一(二) narrative,
511100-jy-2022,requests.new.total,12,exact,表三 row 一 col 总计,
511100-jy-2022,proactive.total,210,exact,一(一) narrative,
100000-jt-2022,requests.new.total,2100,exact,表三 row 一 col 总计,
100000-jt-2022,proactive.total,9800,exact,一(一) narrative,
`;

/** One logged correction: the 2022 proactive count of the prefecture bureau, now 150. */
export const CORRECTIONS = `date,report_id,metric,old_value,new_value,reason
2026-01-05,511100-jt-2022,proactive.total,105,150,fixture: misread 一(一)
`;

export const VALID: SourceTexts = { agencies: AGENCIES, reports: REPORTS, figures: FIGURES, metrics: METRICS, corrections: CORRECTIONS };

/** A corrections log with its header only. */
export const NO_CORRECTIONS = 'date,report_id,metric,old_value,new_value,reason\n';

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
