/**
 * The kind of body an agency name describes, as the sector key and id code of the curators' sector table
 * (/work/curation/BRIEF.md): 教育局 → education, jy. Bodies outside the listed sectors are `other` with a
 * short pinyin code; the codes below are the ones curators have used, and every id proposed from this table
 * is flagged for a curator to confirm.
 *
 * Local to the extractor until the `kinds` branch's src/lib/core/sectors.ts lands; the keys and codes of the
 * listed sectors are the same.
 */

export interface SectorMatch {
  key: string;
  code: string;
  /** English label for a proposed agencies.csv row (e.g. "Education Bureau"). */
  en: string;
}

// Order matters: the first pattern that matches the part of the name after the place wins, so the more
// specific names come first (人民政府外事办公室 is foreign affairs, not the government).
const TABLE: readonly (readonly [RegExp, string, string, string])[] = [
  [/外事|台港澳/, 'other', 'wb', 'Foreign Affairs Office'],
  [/参事室/, 'other', 'css', "Counsellors' Office"],
  [/^(政务公开|政府信息公开|信息公开)(工作)?(办公室|办)$/, 'government', 'zf', "People's Government"],
  [/地方志/, 'other', 'dfz', 'Local Chronicles Office'],
  [/国有资产|国资委/, 'other', 'gzw', 'State-owned Assets Supervision and Administration Commission'],
  [/信访/, 'other', 'xf', 'Letters and Calls Bureau'],
  [/交通运输|交通局|交通委|交通管理局/, 'transport', 'jt', 'Transport Bureau'],
  [/教育|教科|教体/, 'education', 'jy', 'Education Bureau'],
  [/公安/, 'public_security', 'ga', 'Public Security Bureau'],
  [/卫生健康|卫健|卫生和计划生育|卫生计生|卫生局/, 'health', 'wj', 'Health Commission'],
  [/自然资源|国土资源|国土局/, 'natural_resources', 'zr', 'Natural Resources Bureau'],
  [/生态环境|环境保护|环保局/, 'ecology_environment', 'hb', 'Ecology and Environment Bureau'],
  [/财政/, 'finance', 'cz', 'Finance Bureau'],
  [/人力资源和社会保障|人力资源社会保障|人力社保|人社/, 'human_resources', 'rs', 'Human Resources and Social Security Bureau'],
  [/住房和城乡建设|住房城乡建设|住建|建设局|建设委员会|建委/, 'housing', 'zj', 'Housing and Urban-Rural Development Bureau'],
  [/市场监督管理|市场监管/, 'market_regulation', 'sj', 'Market Regulation Bureau'],
  [/民族|宗教|民委|民宗/, 'other', 'mw', 'Ethnic Affairs Commission'],
  [/民政/, 'civil_affairs', 'mz', 'Civil Affairs Bureau'],
  [/农业农村|农业局|农业委员会|农牧/, 'agriculture', 'ny', 'Agriculture and Rural Affairs Bureau'],
  [/水利|水务/, 'water', 'sl', 'Water Resources Bureau'],
  [/应急管理|安全生产监督/, 'emergency', 'yj', 'Emergency Management Bureau'],
  [/税务/, 'taxation', 'sw', 'Taxation Bureau'],
  [/发展和改革|发展改革|发改/, 'development_reform', 'fg', 'Development and Reform Bureau'],
  [/商务/, 'commerce', 'shw', 'Commerce Bureau'],
  [/司法/, 'justice', 'sf', 'Justice Bureau'],
  [/文化|旅游|文广/, 'culture_tourism', 'wl', 'Culture and Tourism Bureau'],
  [/统计/, 'statistics', 'tj', 'Statistics Bureau'],
  [/审计/, 'audit', 'shj', 'Audit Bureau'],
  [/经济和信息化|经济信息化|经信|工业和信息化|工信/, 'other', 'jx', 'Economy and Information Technology Bureau'],
  [/城市管理|城管|市政市容/, 'other', 'cg', 'Urban Management Bureau'],
  [/乡村振兴|扶贫/, 'other', 'xczx', 'Rural Revitalization Bureau'],
  [/科学技术|科技局|科技委/, 'other', 'kj', 'Science and Technology Bureau'],
  [/政务服务|行政服务|政务服务和数据/, 'other', 'zwfw', 'Government Services Administration'],
  [/大数据|数据局/, 'other', 'dsj', 'Big Data Bureau'],
  [/地震/, 'other', 'dzj', 'Earthquake Administration'],
  [/机关事务/, 'other', 'jgsw', 'Government Offices Administration'],
  [/林业/, 'other', 'lc', 'Forestry and Grassland Bureau'],
  [/园林|绿化/, 'other', 'yl', 'Landscaping Bureau'],
  [/行政审批/, 'other', 'sp', 'Administrative Approval Bureau'],
  [/招商|投资促进/, 'other', 'zs', 'Investment Promotion Bureau'],
  [/退役军人/, 'other', 'tyjr', 'Veterans Affairs Bureau'],
  [/医疗保障|医保/, 'other', 'yb', 'Healthcare Security Bureau'],
  [/体育/, 'other', 'ty', 'Sports Bureau'],
  [/人民防空|人防/, 'other', 'rf', 'Civil Air Defence Office'],
  [/粮食/, 'other', 'ls', 'Grain Bureau'],
  [/规划/, 'other', 'gh', 'Planning Bureau'],
  [/档案/, 'other', 'da', 'Archives Bureau'],
  [/气象/, 'other', 'qx', 'Meteorological Bureau'],
  [/药品/, 'other', 'yp', 'Medical Products Administration'],
  [/知识产权/, 'other', 'zscq', 'Intellectual Property Office'],
  [/金融/, 'other', 'jr', 'Financial Affairs Office'],
  [/广播电视|广电/, 'other', 'gd', 'Radio and Television Bureau'],
  [/海关/, 'other', 'hg', 'Customs'],
];

/** The government itself, or its general office (办公室/办公厅), whose own report is filed under the government. */
const GOVERNMENT = /^(人民政府|政府|行政公署)(办公室|办公厅|办)?$/;

export const GOVERNMENT_SECTOR: SectorMatch = { key: 'government', code: 'zf', en: "People's Government" };

/** The sector of the part of an agency name that follows its place; null when nothing matches. */
export function sectorOf(rest: string): SectorMatch | null {
  if (rest === '' || GOVERNMENT.test(rest)) return GOVERNMENT_SECTOR;
  const body = rest.replace(/^(人民政府|政府)(?=.)/, '');
  for (const [pattern, key, code, en] of TABLE) if (pattern.test(body)) return { key, code, en };
  return null;
}

/** True for the government or its general office. */
export const isGovernmentName = (rest: string) => rest === '' || GOVERNMENT.test(rest);

/** An agency name ends like a body (局, 委员会, 办公室 …), not like a phrase that happened to precede a year. */
export const BODY_SUFFIX =
  /(局|委员会|委|厅|部|署|办公室|办公厅|办|中心|人民政府|政府|行政公署|管理处|参事室|研究室|分局|总局|公署|所|院|会)$/;
