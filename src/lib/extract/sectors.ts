/**
 * The kind of body an agency name describes: a sector of src/lib/core/sectors.ts and the code that ends its
 * agency ids (教育局 → education, jy). Bodies outside the listed sectors are `other` with a short pinyin code;
 * the codes below are the ones curators have used, and every id proposed from this table is flagged for a
 * curator to confirm.
 */
import { SECTOR_CODES, sectorInfo, type Sector } from '../core/sectors.ts';

export interface SectorMatch {
  key: Sector;
  code: string;
  /** English label for a proposed agencies.csv row (e.g. "Education Bureau"). */
  en: string;
}

// Order matters: the first pattern that matches the part of the name after the place wins, so the more
// specific names come first (人民政府外事办公室 is foreign affairs, not the government). A listed sector's id
// code comes from core; an `other` body's code is given here.
type Row = readonly [RegExp, Exclude<Sector, 'other'>, string] | readonly [RegExp, 'other', string, string];
const TABLE: readonly Row[] = [
  [/外事|台港澳/, 'other', 'Foreign Affairs Office', 'wb'],
  [/参事室/, 'other', "Counsellors' Office", 'css'],
  [/^(政务公开|政府信息公开|信息公开)(工作)?(办公室|办)$/, 'government', "People's Government"],
  [/地方志/, 'other', 'Local Chronicles Office', 'dfz'],
  [/国有资产|国资委/, 'other', 'State-owned Assets Supervision and Administration Commission', 'gzw'],
  [/信访/, 'other', 'Letters and Calls Bureau', 'xf'],
  [/交通运输|交通局|交通委|交通管理局/, 'transport', 'Transport Bureau'],
  [/教育|教科|教体/, 'education', 'Education Bureau'],
  [/公安/, 'public_security', 'Public Security Bureau'],
  [/卫生健康|卫健|卫生和计划生育|卫生计生|卫生局/, 'health', 'Health Commission'],
  [/自然资源|国土资源|国土局/, 'natural_resources', 'Natural Resources Bureau'],
  [/生态环境|环境保护|环保局/, 'ecology_environment', 'Ecology and Environment Bureau'],
  [/财政/, 'finance', 'Finance Bureau'],
  [/人力资源和社会保障|人力资源社会保障|人力社保|人社/, 'human_resources', 'Human Resources and Social Security Bureau'],
  [/住房和城乡建设|住房城乡建设|住建|建设局|建设委员会|建委/, 'housing', 'Housing and Urban-Rural Development Bureau'],
  [/市场监督管理|市场监管/, 'market_regulation', 'Market Regulation Bureau'],
  [/民族|宗教|民委|民宗/, 'other', 'Ethnic Affairs Commission', 'mw'],
  [/民政/, 'civil_affairs', 'Civil Affairs Bureau'],
  [/农业农村|农业局|农业委员会|农牧/, 'agriculture', 'Agriculture and Rural Affairs Bureau'],
  [/水利|水务/, 'water', 'Water Resources Bureau'],
  [/应急管理|安全生产监督/, 'emergency', 'Emergency Management Bureau'],
  [/税务/, 'taxation', 'Taxation Bureau'],
  [/发展和改革|发展改革|发改/, 'development_reform', 'Development and Reform Bureau'],
  [/商务/, 'commerce', 'Commerce Bureau'],
  [/司法/, 'justice', 'Justice Bureau'],
  [/文化|旅游|文广/, 'culture_tourism', 'Culture and Tourism Bureau'],
  [/统计/, 'statistics', 'Statistics Bureau'],
  [/审计/, 'audit', 'Audit Bureau'],
  [/经济和信息化|经济信息化|经信|工业和信息化|工信/, 'other', 'Economy and Information Technology Bureau', 'jx'],
  [/城市管理|城管|市政市容/, 'other', 'Urban Management Bureau', 'cg'],
  [/乡村振兴|扶贫/, 'other', 'Rural Revitalization Bureau', 'xczx'],
  [/科学技术|科技局|科技委/, 'other', 'Science and Technology Bureau', 'kj'],
  [/政务服务|行政服务|政务服务和数据/, 'other', 'Government Services Administration', 'zwfw'],
  [/大数据|数据局/, 'other', 'Big Data Bureau', 'dsj'],
  [/地震/, 'other', 'Earthquake Administration', 'dzj'],
  [/机关事务/, 'other', 'Government Offices Administration', 'jgsw'],
  [/林业/, 'other', 'Forestry and Grassland Bureau', 'lc'],
  [/园林|绿化/, 'other', 'Landscaping Bureau', 'yl'],
  [/行政审批/, 'other', 'Administrative Approval Bureau', 'sp'],
  [/招商|投资促进/, 'other', 'Investment Promotion Bureau', 'zs'],
  [/退役军人/, 'other', 'Veterans Affairs Bureau', 'tyjr'],
  [/医疗保障|医保/, 'other', 'Healthcare Security Bureau', 'yb'],
  [/体育/, 'other', 'Sports Bureau', 'ty'],
  [/人民防空|人防/, 'other', 'Civil Air Defence Office', 'rf'],
  [/粮食/, 'other', 'Grain Bureau', 'ls'],
  [/规划/, 'other', 'Planning Bureau', 'gh'],
  [/档案/, 'other', 'Archives Bureau', 'da'],
  [/气象/, 'other', 'Meteorological Bureau', 'qx'],
  [/药品/, 'other', 'Medical Products Administration', 'yp'],
  [/知识产权/, 'other', 'Intellectual Property Office', 'zscq'],
  [/金融/, 'other', 'Financial Affairs Office', 'jr'],
  [/广播电视|广电/, 'other', 'Radio and Television Bureau', 'gd'],
  [/海关/, 'other', 'Customs', 'hg'],
];

/** The government itself, or its general office (办公室/办公厅), whose own report is filed under the government. */
const GOVERNMENT = /^(人民政府|政府|行政公署)(办公室|办公厅|办)?$/;

/** The id code of a listed sector (every sector but `other` has one). */
function listedCode(key: Exclude<Sector, 'other'>): string {
  const code = sectorInfo(key).code;
  if (code === null) throw new Error(`sector ${key} has no id code`);
  return code;
}

export const GOVERNMENT_SECTOR: SectorMatch = { key: 'government', code: listedCode('government'), en: "People's Government" };

/** The sector of the part of an agency name that follows its place; null when nothing matches. */
export function sectorOf(rest: string): SectorMatch | null {
  if (rest === '' || GOVERNMENT.test(rest)) return GOVERNMENT_SECTOR;
  const body = rest.replace(/^(人民政府|政府)(?=.)/, '');
  for (const row of TABLE) if (row[0].test(body)) return matchOf(row);
  return null;
}

function matchOf(row: Row): SectorMatch {
  if (row[1] === 'other') {
    const code = row[3];
    // An `other` body may not take a listed sector's code (the data build refuses it).
    if (SECTOR_CODES.has(code)) throw new Error(`sector table: "${code}" is a listed sector's code`);
    return { key: 'other', code, en: row[2] };
  }
  return { key: row[1], code: listedCode(row[1]), en: row[2] };
}

/** True for the government or its general office. */
export const isGovernmentName = (rest: string) => rest === '' || GOVERNMENT.test(rest);

/** An agency name ends like a body (局, 委员会, 办公室 …), not like a phrase that happened to precede a year. */
export const BODY_SUFFIX =
  /(局|委员会|委|厅|部|署|办公室|办公厅|办|中心|人民政府|政府|行政公署|管理处|参事室|研究室|分局|总局|公署|所|院|会)$/;
