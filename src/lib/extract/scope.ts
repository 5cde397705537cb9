/**
 * Whose figures a report gives (reports.csv `scope`): the body's own work (`agency`), or a whole
 * jurisdiction's, compiled by the government from its departments and lower governments (`system`). A
 * department's report is its own; a government's report is told apart by what it says it was compiled from
 * and who the subject of its sentences is.
 */
import type { AgencyIdentity } from './agency.ts';

export type Scope = 'agency' | 'system' | 'unknown';

export interface ScopeResult {
  scope: Scope;
  /** Why, in a few words, for the review page. */
  reason: string;
}

// 「由XX区人民政府综合全区各部门和各乡镇…编制」, 「汇总全省数据」, 「本报告综合西山区各级行政机关…」.
const COMPILED =
  /(综合|汇总|根据|依据|结合)[^。]{0,40}?(各部门|各乡镇|各街道|各街镇|各县|各区|各市|各级行政机关|各级政府|区直|市直|县直|各有关单位|本级各行政机关|所属各部门|各单位|政府组成部门|全省|全市|全区|全县|全州|全盟|全旗)[^。]{0,60}?(编制|汇总|编写|形成)|汇总全(省|市|区|县)|由区政府组成部门以及各街道/;
// The jurisdiction as the subject of the figures: 「全区通过…发布各类信息8433条」, 「我市深入贯彻…」, 「2021年,番禺区以…」.
const JURISDICTION_SUBJECT =
  /全(省|市|区|县|州|盟|旗)(各级|通过|共|各|累计|主动|政府信息|\d)|我(省|市|区|县|州|盟|旗)(?!政府办)|(?<!\d)\d{4}年度?,?[\u4e00-\u9fff]{2,8}(省|市|区|县|州|盟|旗)(坚持|认真|严格|深入|全面|按照|持续|积极|紧紧|以)/;
// The office as the subject: 「2023年,市政府办公厅持续…」, 「区政府办公室认真贯彻…」.
const OFFICE_SUBJECT =
  /(人民政府|政府|行政公署|行署)(办公室|办公厅)(坚持|认真|严格|深入|全面|按照|持续|积极|紧紧|紧密|围绕|进一步|不断|立足|高度|始终|贯彻|以|在|共|主动|全年)/;
// The government as the subject (2025年,昆山市人民政府坚持…): usually the jurisdiction's report.
const GOVERNMENT_SUBJECT = /(?<!\d)\d{4}年度?,?[\u4e00-\u9fff]{2,12}人民政府(?!办)/;

export function detectScope(text: string, identity: AgencyIdentity): ScopeResult {
  const compact = text.slice(0, 6000).replace(/\s+/g, '');
  if (identity.sector === null) {
    // Unnamed: a body that calls itself 我局/我委/我办 is a department reporting on its own work.
    if (/我(局|委|办|厅|中心|所|院|单位)|本(局|委|单位)/.test(compact))
      return { scope: 'agency', reason: 'the body calls itself 我局/我委/我办' };
    return { scope: 'unknown', reason: 'the agency is not identified' };
  }
  if (identity.sector.key !== 'government') return { scope: 'agency', reason: 'a department reports on its own work' };
  // 「由XX区人民政府办公室综合全区各部门…编制」: the office compiles the jurisdiction's report.
  if (COMPILED.test(compact)) return { scope: 'system', reason: 'compiled from the departments and lower governments of the jurisdiction' };
  if (identity.office) return { scope: 'agency', reason: "the report names the government's office as its author: its own report" };
  if (OFFICE_SUBJECT.test(compact)) return { scope: 'agency', reason: "the government's office is the subject of the report" };
  if (identity.placeOnly) return { scope: 'system', reason: 'the title names the place, not a body: a whole-jurisdiction report' };
  if (JURISDICTION_SUBJECT.test(compact))
    return { scope: 'system', reason: 'figures are stated for the whole jurisdiction (全市/全区/我市…)' };
  if (GOVERNMENT_SUBJECT.test(compact)) return { scope: 'system', reason: 'the government, not its office, is the subject of the report' };
  return { scope: 'unknown', reason: "a government's report that says neither whose figures it gives nor how it was compiled" };
}
