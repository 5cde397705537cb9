/**
 * A valid dataset whose text cells are hostile: every name, alias, note, locator and metric label carries
 * markup or script, and the URLs carry quotes and markup in their query. The data build accepts all of it
 * (it is just text); the site must show it as literal text everywhere. Written with Papa.unparse so quotes
 * and commas are CSV-escaped the way a spreadsheet would write them.
 */
import Papa from 'papaparse';
import { METRICS } from './fixtures.ts';

/** The payloads, each of which would run or inject something if a page or file forgot to escape it. */
export const PAYLOAD = {
  script: '<script>alert(1)</script>',
  img: '"><img src=x onerror=alert(1)>',
  closeScript: '</script><script>alert(1)</script>',
  quotes: `'single' "double" & ampersand &amp;`,
} as const;

export const HOSTILE_IDS = { city: '511100-jt', county: '511112-jt' } as const;

export const HOSTILE_NAMES = {
  city: { zh: `测试市${PAYLOAD.script}局`, en: `Test ${PAYLOAD.img} Bureau` },
  county: { zh: `${PAYLOAD.closeScript}区局`, en: `Tom & Jerry's "County" ${PAYLOAD.script}` },
} as const;

/** The metric whose labels are hostile: it is drawn in agency charts, the compare page and the rankings. */
export const HOSTILE_METRIC = {
  key: 'proactive.total',
  zh: `主动公开${PAYLOAD.closeScript}`,
  en: `Proactive ${PAYLOAD.img} & "total"`,
} as const;

export const HOSTILE_URLS = {
  city2021: `https://example.gov.cn/2021.html?q='"><script>alert(1)</script>`,
  city2022: `https://example.gov.cn/2022.html?a=1&b='2'&c="3"`,
} as const;

export const HOSTILE_NOTE = `${PAYLOAD.script} & "notes"`;
export const HOSTILE_LOCATOR = `表三 ${PAYLOAD.img}`;

const csv = (rows: Record<string, string>[]) => Papa.unparse(rows, { newline: '\n' }) + '\n';

export const HOSTILE_AGENCIES = csv([
  {
    id: HOSTILE_IDS.city,
    name_zh: HOSTILE_NAMES.city.zh,
    name_en: HOSTILE_NAMES.city.en,
    level: 'prefecture',
    sector: 'transport',
    province: '四川省',
    // The prefecture must be the official name of the id's division, so it cannot carry a payload.
    prefecture: '乐山市',
    aliases: `别名${PAYLOAD.quotes}|${PAYLOAD.img}`,
    website: 'https://example.gov.cn/?a=1&b=2',
  },
  {
    id: HOSTILE_IDS.county,
    name_zh: HOSTILE_NAMES.county.zh,
    name_en: HOSTILE_NAMES.county.en,
    level: 'county',
    sector: 'transport',
    province: '四川省',
    prefecture: '乐山市',
    aliases: PAYLOAD.script,
    website: '',
  },
]);

export const HOSTILE_REPORTS = csv([
  {
    id: `${HOSTILE_IDS.city}-2021`,
    agency_id: HOSTILE_IDS.city,
    year: '2021',
    template: 'gov2021',
    source_url: HOSTILE_URLS.city2021,
    official: 'yes',
    scope: 'agency',
    published: '',
    notes: HOSTILE_NOTE,
  },
  {
    id: `${HOSTILE_IDS.city}-2022`,
    agency_id: HOSTILE_IDS.city,
    year: '2022',
    template: 'gov2021',
    source_url: HOSTILE_URLS.city2022,
    official: 'yes',
    scope: 'agency',
    published: '',
    notes: PAYLOAD.closeScript,
  },
  {
    id: `${HOSTILE_IDS.county}-2022`,
    agency_id: HOSTILE_IDS.county,
    year: '2022',
    template: 'gov2021',
    source_url: '',
    official: '',
    scope: 'agency',
    published: '',
    notes: PAYLOAD.img,
  },
]);

export const HOSTILE_FIGURES = csv(
  [
    [`${HOSTILE_IDS.city}-2021`, 'proactive.total', '120', 'at_least'],
    [`${HOSTILE_IDS.city}-2021`, 'requests.new.total', '3', 'exact'],
    [`${HOSTILE_IDS.city}-2022`, 'proactive.total', '150', 'exact'],
    [`${HOSTILE_IDS.city}-2022`, 'requests.new.total', '5', 'exact'],
    [`${HOSTILE_IDS.county}-2022`, 'proactive.total', '40', 'about'],
    [`${HOSTILE_IDS.county}-2022`, 'requests.new.total', '1', 'exact'],
  ].map(([report_id = '', metric = '', value = '', qualifier = '']) => ({
    report_id,
    metric,
    value,
    qualifier,
    locator: HOSTILE_LOCATOR,
    note: HOSTILE_NOTE,
  })),
);

/** The real metric catalogue with the labels of HOSTILE_METRIC replaced. */
export const HOSTILE_METRICS = (() => {
  const { data, meta } = Papa.parse<Record<string, string>>(METRICS, { header: true, skipEmptyLines: true });
  const rows = data.map((row) =>
    row.key === HOSTILE_METRIC.key ? { ...row, label_zh: HOSTILE_METRIC.zh, label_en: HOSTILE_METRIC.en } : row,
  );
  return Papa.unparse(rows, { columns: meta.fields ?? [], newline: '\n' }) + '\n';
})();
