/**
 * The report's own arithmetic (勾稽) rules, reference §3.3 and §4. A failure is a data-quality warning shown
 * on the site, never a reason to reject a report: the agency published those numbers. A rule is only judged
 * on exact figures; with parts missing it still fails when the parts present already exceed the total.
 */
import { roundValue } from './derive.ts';
import type { FigureOut, Level, MetricOut, ReportOut, WarningOut } from '../core/schema.ts';
import { comparableEras, type Era } from '../core/templates.ts';

export const APPLICANT_COLUMNS = [
  'natural_person',
  'org_commercial',
  'org_research',
  'org_public_interest',
  'org_legal_services',
  'org_other',
  'total',
] as const;

const COLUMN_ZH: Record<(typeof APPLICANT_COLUMNS)[number], string> = {
  natural_person: '自然人',
  org_commercial: '商业企业',
  org_research: '科研机构',
  org_public_interest: '社会公益组织',
  org_legal_services: '法律服务机构',
  org_other: '其他法人或组织',
  total: '总计',
};

const OUTCOME_LEAVES_COMMON = [
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
const OTHER_2021 = ['other.no_correction', 'other.fee_unpaid', 'other.other'];
const OTHER_2019 = ['other_2019'];

/** Every row of the requests table, as the middle part of its keys (requests.<row>.<column>). */
const REQUEST_ROWS = [
  'new',
  'carried_in',
  ...[...OUTCOME_LEAVES_COMMON, ...OTHER_2021, ...OTHER_2019].map((r) => `outcome.${r}`),
  'outcome.total',
  'carried_out',
];

const APPEAL_BLOCKS = [
  { key: 'review', zh: '行政复议', en: 'administrative review' },
  { key: 'litigation_direct', zh: '未经复议直接起诉', en: 'lawsuits filed directly' },
  { key: 'litigation_after_review', zh: '复议后起诉', en: 'lawsuits after review' },
] as const;

type Values = ReadonlyMap<string, FigureOut>;

/** An exact value, or undefined when missing or approximate (approximate values cannot fail a sum). */
function exact(values: Values, key: string): number | undefined {
  const f = values.get(key);
  return f && f.qualifier === 'exact' ? f.value : undefined;
}

/**
 * Compare a stated total with the sum of its parts. Returns the failure text or null: all parts present and
 * unequal, or the parts present already larger than the total.
 */
function sumCheck(
  values: Values,
  totalKey: string,
  partKeys: readonly string[],
): { total: number; parts: number; complete: boolean } | null {
  const total = exact(values, totalKey);
  if (total === undefined) return null;
  if (partKeys.some((k) => values.has(k) && values.get(k)?.qualifier !== 'exact')) return null;
  const present = partKeys.map((k) => exact(values, k)).filter((v): v is number => v !== undefined);
  if (present.length === 0) return null;
  const parts = roundValue(present.reduce((a, b) => a + b, 0));
  const complete = present.length === partKeys.length;
  if ((complete && parts !== total) || (!complete && parts > total)) return { total, parts, complete };
  return null;
}

interface ReportContext {
  report: ReportOut;
  level: Level;
  /** Stated figures of the report, by metric. */
  values: Values;
}

function warning(report: ReportOut, rule: string, message_en: string, message_zh: string): WarningOut {
  return { rule, report_id: report.id, agency_id: report.agency_id, year: report.year, message_en, message_zh };
}

const partsText = (c: { complete: boolean }, en: boolean) => (c.complete ? '' : en ? ' (parts present only)' : '(仅计已填报部分)');

/** R1, R2, R3, R5, R6 and the template and level plausibility flags for one report. */
export function checkReport(ctx: ReportContext, metrics: ReadonlyMap<string, MetricOut>): WarningOut[] {
  const out: WarningOut[] = [];
  const v = ctx.values;
  const req = (row: string, col: string) => `requests.${row}.${col}`;

  for (const col of APPLICANT_COLUMNS) {
    // R1: new + carried_in = outcome.total + carried_out
    const parts = ['new', 'carried_in', 'outcome.total', 'carried_out'].map((r) => exact(v, req(r, col)));
    const [n, ci, total, co] = parts;
    if (n !== undefined && ci !== undefined && total !== undefined && co !== undefined && n + ci !== total + co) {
      out.push(
        warning(
          ctx.report,
          'R1',
          `Requests table, column ${col}: new (${n}) + carried over (${ci}) = ${n + ci}, but outcomes total (${total}) + carried to next year (${co}) = ${total + co}.`,
          `表三「${COLUMN_ZH[col]}」列:本年新收(${n})+上年结转(${ci})=${n + ci},但办理结果总计(${total})+结转下年度(${co})=${total + co}。`,
        ),
      );
    }
    // R2: outcome.total = sum of outcome rows
    const others =
      ctx.report.template === 'gov2019'
        ? OTHER_2019
        : ctx.report.template === 'gov2021'
          ? OTHER_2021
          : v.has(req('outcome.other_2019', col))
            ? OTHER_2019
            : OTHER_2021;
    const r2 = sumCheck(
      v,
      req('outcome.total', col),
      [...OUTCOME_LEAVES_COMMON, ...others].map((r) => req(`outcome.${r}`, col)),
    );
    if (r2) {
      out.push(
        warning(
          ctx.report,
          'R2',
          `Requests table, column ${col}: outcomes total is ${r2.total} but the outcome rows add up to ${r2.parts}${partsText(r2, true)}.`,
          `表三「${COLUMN_ZH[col]}」列:办理结果总计为${r2.total},但各办理结果相加为${r2.parts}${partsText(r2, false)}。`,
        ),
      );
    }
  }
  // R3: each row's total = the six applicant columns
  for (const key of REQUEST_ROWS) {
    const r3 = sumCheck(
      v,
      req(key, 'total'),
      APPLICANT_COLUMNS.filter((c) => c !== 'total').map((c) => req(key, c)),
    );
    if (r3) {
      const label = metrics.get(req(key, 'total'));
      out.push(
        warning(
          ctx.report,
          'R3',
          `Requests table, row "${label?.label_en ?? key}": total is ${r3.total} but the applicant columns add up to ${r3.parts}${partsText(r3, true)}.`,
          `表三「${label?.label_zh ?? key}」行:总计为${r3.total},但各申请人类型相加为${r3.parts}${partsText(r3, false)}。`,
        ),
      );
    }
  }
  // R5: the overview's request count matches the table: the new requests, plus those carried in when the text
  // counts them ("含上年结转…"), less those it says were carried on into next year ("另有…顺延到下年度").
  const narrative = exact(v, 'requests.narrative.total');
  const fresh = exact(v, 'requests.new.total');
  if (narrative !== undefined && fresh !== undefined) {
    const carried = exact(v, 'requests.carried_in.total') ?? 0;
    const carriedOut = exact(v, 'requests.carried_out.total') ?? 0;
    if (narrative !== fresh && narrative !== fresh + carried && narrative !== fresh + carried - carriedOut) {
      out.push(
        warning(
          ctx.report,
          'R5',
          `The overview states ${narrative} requests, the requests table ${fresh} new${carried ? ` (+${carried} carried over)` : ''}.`,
          `总体情况称收到申请${narrative}件,表三本年新收${fresh}件${carried ? `(另上年结转${carried}件)` : ''}。`,
        ),
      );
    }
  }
  // R6: in each appeals block, total = upheld + corrected + other + pending
  for (const block of APPEAL_BLOCKS) {
    const r6 = sumCheck(
      v,
      `appeals.${block.key}.total`,
      ['upheld', 'corrected', 'other', 'pending'].map((c) => `appeals.${block.key}.${c}`),
    );
    if (r6) {
      out.push(
        warning(
          ctx.report,
          'R6',
          `Appeals table, ${block.en}: total is ${r6.total} but upheld + corrected + other + pending = ${r6.parts}${partsText(r6, true)}.`,
          `表四「${block.zh}」:总计为${r6.total},但维持、纠正、其他、尚未审结相加为${r6.parts}${partsText(r6, false)}。`,
        ),
      );
    }
  }
  // T: a figure whose metric the report's template does not carry (often a wrong template or key)
  if (ctx.report.template !== 'unknown') {
    for (const key of v.keys()) {
      const metric = metrics.get(key);
      if (metric && !metric.templates.includes(ctx.report.template)) {
        out.push(
          warning(
            ctx.report,
            'T',
            `Figure "${metric.label_en}" is not part of the ${ctx.report.template} template; check the report's template or the metric key.`,
            `指标「${metric.label_zh}」不属于${ctx.report.template}格式,请核对报告格式或指标代码。`,
          ),
        );
      }
    }
  }
  // L: county-level bodies cannot make 规章 (reference §2.1); a non-zero count is usually a copying error
  if (ctx.level === 'county') {
    for (const key of v.keys()) {
      const value = v.get(key)?.value ?? 0;
      if (/^proactive(2019)?\.art20_1\.rules\./.test(key) && value > 0) {
        out.push(
          warning(
            ctx.report,
            'L',
            `A county-level agency reports ${value} rules (规章) in "${metrics.get(key)?.label_en ?? key}"; county bodies cannot make rules, so this is probably a copying error in the report.`,
            `县级机关在「${metrics.get(key)?.label_zh ?? key}」填报规章${value}件;县级机关无规章制定权,可能是报告填写错误。`,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * R4: this year's carried-in total equals last year's carried-out total, for one agency's reports of one kind
 * of scope (own work or whole jurisdiction), only between reports of like definitions (not across 2019).
 */
export function checkCarryOver(
  reports: readonly ReportOut[],
  valuesByReport: ReadonlyMap<string, Values>,
  eras: ReadonlyMap<string, { era: Era }>,
): WarningOut[] {
  const out: WarningOut[] = [];
  const byYear = new Map<number, ReportOut>();
  // One report a year, scope agency preferred (as in the series the page draws).
  for (const r of [...reports].reverse()) if (!byYear.has(r.year) || r.scope === 'agency') byYear.set(r.year, r);
  for (const report of byYear.values()) {
    const previous = byYear.get(report.year - 1);
    if (!previous) continue;
    const [a, b] = [eras.get(report.id)?.era, eras.get(previous.id)?.era];
    if (!a || !b || !comparableEras(a, b)) continue;
    const carriedIn = exact(valuesByReport.get(report.id) ?? new Map(), 'requests.carried_in.total');
    const carriedOut = exact(valuesByReport.get(previous.id) ?? new Map(), 'requests.carried_out.total');
    if (carriedIn !== undefined && carriedOut !== undefined && carriedIn !== carriedOut) {
      out.push(
        warning(
          report,
          'R4',
          `${report.year} carried over ${carriedIn} requests from last year, but the ${previous.year} report carried ${carriedOut} to the next year.`,
          `${report.year}年上年结转申请${carriedIn}件,但${previous.year}年报告结转下年度${carriedOut}件。`,
        ),
      );
    }
  }
  return out;
}

/** D: a derived total that the report also states, with a different value. */
export function derivedDisagreement(
  report: ReportOut,
  d: { metric: string; stated: number; computed: number },
  metric: MetricOut | undefined,
): WarningOut {
  return warning(
    report,
    'D',
    `"${metric?.label_en ?? d.metric}" is stated as ${d.stated}, but its parts add up to ${d.computed}.`,
    `「${metric?.label_zh ?? d.metric}」填报为${d.stated},但各分项相加为${d.computed}。`,
  );
}
