/**
 * The kinds of agency (agencies.csv `sector`), each with the short code that ends its agency ids
 * (`<division code>-<code>`, e.g. 370300-jt) and its labels. One list for the data build, the pages and the
 * README. Bodies of no listed kind are `other` with a free code of 2–6 lower-case letters (e.g. xf 信访局).
 */
export const SECTORS = [
  { key: 'government', code: 'zf', zh: '人民政府', en: "People's government" },
  { key: 'transport', code: 'jt', zh: '交通运输', en: 'Transport' },
  { key: 'education', code: 'jy', zh: '教育', en: 'Education' },
  { key: 'public_security', code: 'ga', zh: '公安', en: 'Public security' },
  { key: 'health', code: 'wj', zh: '卫生健康', en: 'Health' },
  { key: 'natural_resources', code: 'zr', zh: '自然资源', en: 'Natural resources' },
  { key: 'ecology_environment', code: 'hb', zh: '生态环境', en: 'Ecology and environment' },
  { key: 'finance', code: 'cz', zh: '财政', en: 'Finance' },
  { key: 'human_resources', code: 'rs', zh: '人力资源和社会保障', en: 'Human resources and social security' },
  { key: 'housing', code: 'zj', zh: '住房和城乡建设', en: 'Housing and urban-rural development' },
  { key: 'market_regulation', code: 'sj', zh: '市场监督管理', en: 'Market regulation' },
  { key: 'civil_affairs', code: 'mz', zh: '民政', en: 'Civil affairs' },
  { key: 'agriculture', code: 'ny', zh: '农业农村', en: 'Agriculture and rural affairs' },
  { key: 'water', code: 'sl', zh: '水利', en: 'Water resources' },
  { key: 'emergency', code: 'yj', zh: '应急管理', en: 'Emergency management' },
  { key: 'taxation', code: 'sw', zh: '税务', en: 'Taxation' },
  { key: 'development_reform', code: 'fg', zh: '发展和改革', en: 'Development and reform' },
  { key: 'commerce', code: 'shw', zh: '商务', en: 'Commerce' },
  { key: 'justice', code: 'sf', zh: '司法', en: 'Justice' },
  { key: 'culture_tourism', code: 'wl', zh: '文化和旅游', en: 'Culture and tourism' },
  { key: 'statistics', code: 'tj', zh: '统计', en: 'Statistics' },
  { key: 'audit', code: 'shj', zh: '审计', en: 'Audit' },
  { key: 'other', code: null, zh: '其他', en: 'Other' },
] as const;

export type Sector = (typeof SECTORS)[number]['key'];
export const SECTOR_KEYS = SECTORS.map((s) => s.key) as unknown as readonly [Sector, ...Sector[]];

/** The id codes taken by a listed sector; an `other` body must use a code outside this set. */
export const SECTOR_CODES: ReadonlySet<string> = new Set(SECTORS.flatMap((s) => (s.code ? [s.code] : [])));

/** A free code for an `other` body: 2–6 lower-case letters. */
export const OTHER_CODE = /^[a-z]{2,6}$/;

export function sectorInfo(key: Sector) {
  const info = SECTORS.find((s) => s.key === key);
  if (!info) throw new Error(`unknown sector "${key}"`);
  return info;
}

export function sectorLabel(key: Sector, lang: 'zh' | 'en'): string {
  return sectorInfo(key)[lang];
}

/** The government is the one kind whose annual report is due on 31 March (reference: 2019 Regulations art. 49). */
export const GOVERNMENT: Sector = 'government';
