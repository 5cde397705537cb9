/**
 * The extraction helper: one saved report page in, proposed rows for data/figures.csv out, with the warnings
 * a curator must read. Pure: the caller decodes the file and supplies the agency list.
 */
import { reportIdFor } from '../core/ids.ts';
import Papa from 'papaparse';
import { COLUMNS, type Template } from '../core/schema.ts';
import { Proposals, type ProposedFigure } from './figures.ts';
import { htmlToText, looksLikeHtml } from './html.ts';
import { detectTemplate, detectYear, findTitle, type AgencyRef } from './identity.ts';
import { identifyAgency, type AgencyIdentity } from './agency.ts';
import { detectScope, type Scope } from './scope.ts';
import { readNarrative, readSummaryRows } from './narrative.ts';
import { readFormatTables } from './tables.ts';
import { normaliseReportText } from './text.ts';

export { agencyRefs, type AgencyRef } from './identity.ts';
export type { ProposedFigure } from './figures.ts';
export { decodeBytes } from './decode.ts';

export interface Extraction {
  agency: AgencyIdentity;
  year: number | null;
  template: Template;
  scope: Scope;
  /** Why the scope was chosen. */
  scopeReason: string;
  report_id: string;
  figures: ProposedFigure[];
  warnings: string[];
}

export interface ExtractOptions {
  agencies: readonly AgencyRef[];
  /** Use this report id instead of the detected agency and year. */
  reportId?: string | undefined;
  /** Treat the input as HTML; detected from the content when not given. */
  html?: boolean | undefined;
  /** The page's address, when known: some copies keep the report title in it. */
  url?: string | null | undefined;
}

/** Report id prefix when the agency is not identified: not a valid id, so the data build rejects the rows. */
export const UNMATCHED = 'UNMATCHED';

const CHANNEL_KEYS = ['proactive.website', 'proactive.portal', 'proactive.wechat', 'proactive.weibo', 'proactive.app', 'proactive.media'];

export function extractReport(raw: string, options: ExtractOptions): Extraction {
  const out = new Proposals();
  const html = options.html ?? looksLikeHtml(raw);
  const { text, glosses, converted } = normaliseReportText(html ? htmlToText(raw) : raw);
  if (glosses > 0) out.warn(`removed ${glosses} pinyin gloss(es) injected after characters; the page may be a re-hosted copy`);
  if (converted > 20) out.warn(`converted traditional script to simplified (${converted} characters); likely a 繁体 or re-hosted copy`);
  if (/锟斤拷|\ufffd/.test(text)) out.warn('the text contains mojibake (garbled characters); figures from it are unreliable');

  const lines = text.split('\n').map((l) => l.trim());
  const title = findTitle(lines);
  const { year, warnings: yearWarnings } = detectYear(text, title);
  yearWarnings.forEach((w) => out.warn(w));
  const { template, inferred } = detectTemplate(text, year);
  if (inferred && template !== 'pre2019')
    out.warn(`template ${template} inferred from the outline and the year; no table label confirms it`);

  const agency = identifyAgency({ titleName: title?.name ?? null, text, url: options.url ?? null, agencies: options.agencies });
  agency.warnings.forEach((w) => out.warn(w));
  const { scope, reason: scopeReason } = detectScope(text, agency);
  if (!title) out.warn('no report title (…政府信息公开工作年度报告) found; check that this is an annual disclosure report');
  else if (!/年度报告|年报/.test(lines.slice(0, 25).join('')))
    out.warn('the title does not say 年度报告 or 年报: a work summary or part-year report? (T19)');

  const tableValues = readFormatTables(lines, template, out);
  // Without a year (a redacted copy), the 2007 outline's sections still tell the era: its fee section and its
  // 「因政府信息公开申请行政复议、提起行政诉讼」 heading were dropped in 2019.
  const legacy =
    template === 'pre2019' ||
    (year !== null && year < 2019) ||
    (year === null && /收费(及减免)?情况|因政府信息公开申请行政复议、提起行政诉讼/.test(text.replace(/\s+/g, '')));
  readSummaryRows(lines, { legacy }, out);
  readNarrative(lines, { year, legacy, scope, government: agency.sector?.key === 'government' }, out);
  dropRestatedHandled(out);
  checks(text, template, tableValues, out);

  let reportId = options.reportId;
  if (reportId === undefined) {
    if (agency.id !== null && year !== null) reportId = reportIdFor(agency.id, year, scope);
    else {
      reportId = `${UNMATCHED}-${year ?? 'year'}`;
      out.warn(
        `${agency.id === null ? 'no agency id' : ''}${agency.id === null && year === null ? ' and ' : ''}${year === null ? 'no year' : ''}; ` +
          `report_id is the placeholder ${reportId}, which the data build rejects: add the agency or pass --report ID`,
      );
    }
  }
  return {
    agency,
    year,
    template,
    scope,
    scopeReason,
    report_id: reportId,
    figures: out.figures,
    warnings: out.warnings,
  };
}

/** 「办结1件」 next to a section 三 table saying 1 new request restates the table; it is not a separate figure. */
function dropRestatedHandled(out: Proposals): void {
  const handled = out.get('requests.handled');
  const fromTable = out.get('requests.new.total');
  if (handled && fromTable?.locator.startsWith('表三') && fromTable.value === handled.value) out.remove(handled);
}

function checks(text: string, template: Template, tableValues: number, out: Proposals): void {
  const compact = text.replace(/\s+/g, '');
  if (tableValues === 0 && template !== 'pre2019' && /收到和处理政府信息公开申请情况/.test(compact) && /行政复议/.test(compact)) {
    out.warn('the format tables are printed without numbers; nothing was taken from them (a blank table is not zeros)');
  }
  if (/请根据实际情况填写|XX局|xx局/.test(compact))
    out.warn('the page contains an unfilled template placeholder; treat its figures with care (T8)');
  const total = out.get('proactive.total');
  const channels = CHANNEL_KEYS.map((k) => out.get(k)).filter((f): f is ProposedFigure => f !== undefined);
  if (total && channels.length > 0) {
    const sum = channels.reduce((s, f) => s + f.value, 0);
    if (sum !== total.value)
      out.warn(`channels add up to ${sum}, the stated total is ${total.value}; both kept as printed, never summed into the total`);
  }
  for (const f of out.figures) {
    if (f.metric.startsWith('proactive.') && !f.metric.includes('art20') && f.value > 100000) {
      out.warn(`${f.metric} = ${f.value} is very large for one bureau (counts in 万, platform items?); check the scope`);
    }
  }
}

/** CSV rows for data/figures.csv, with the header, ready to paste after review. */
export function figureCsv(extraction: Extraction): string {
  const rows = extraction.figures.map((f) => ({
    report_id: extraction.report_id,
    metric: f.metric,
    value: String(f.value),
    qualifier: f.qualifier,
    locator: f.locator,
    note: `extract: confidence ${f.confidence}`,
  }));
  return Papa.unparse(rows, { columns: [...COLUMNS.figures], newline: '\n' }) + '\n';
}
