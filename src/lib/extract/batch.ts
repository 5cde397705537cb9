/**
 * Proposals for a folder of report pages, in the data format: agencies not yet in data/, one report per
 * page, its figures — every row marked `review=pending`, which the data build refuses, until a curator has
 * checked it (review.html, or the CSV files in a spreadsheet) and `npm run extract:merge` copies it into data/.
 */
import Papa from 'papaparse';
import { COLUMNS } from '../core/schema.ts';
import { REVIEW } from '../pipeline/tables.ts';
import { extractReport, type Extraction } from './index.ts';
import type { AgencyRef } from './identity.ts';
import type { Page } from './pages.ts';
import type { Evidence } from './figures.ts';

/** The column that marks a proposed row until a curator has reviewed it: pending, ok or rejected. */
export const REVIEW_COLUMN = REVIEW;
export const REVIEW_VALUES = ['pending', 'ok', 'rejected'] as const;
export type Review = (typeof REVIEW_VALUES)[number];

export const OUT_COLUMNS = {
  agencies: [...COLUMNS.agencies, REVIEW_COLUMN],
  reports: [...COLUMNS.reports, REVIEW_COLUMN],
  figures: [...COLUMNS.figures, REVIEW_COLUMN],
} as const;

export type CsvRow = Record<string, string>;

/** One page's proposals, with what the review page shows beside them. */
export interface PageProposal {
  /** Where the page came from; its text is not kept once read (review.html shows each figure's own sentence). */
  page: Pick<Page, 'origin' | 'name' | 'url'>;
  extraction: Extraction;
  /** The report row, or null when the page identifies no agency or year (its figures are listed, not written). */
  report: CsvRow | null;
  /** Another page gave the same report id first; this one's figures are not written. */
  duplicateOf: string | null;
  published: string;
  /** The report id is already in data/reports.csv. */
  known?: boolean;
}

export interface Batch {
  pages: PageProposal[];
  agencies: CsvRow[];
  reports: CsvRow[];
  figures: CsvRow[];
}

/** The evidence around its number (up to `around` characters each side), as a string of its own. */
export function windowOf(e: Evidence, around = 90): Evidence {
  const from = Math.max(0, e.start - around);
  const to = Math.min(e.text.length, e.end + around);
  return { text: Array.from(e.text.slice(from, to)).join(''), start: e.start - from, end: e.end - from };
}

/** 发布日期/发布时间/日期 near the top of the page, as YYYY-MM-DD. */
export function publishedDate(text: string): string {
  const m = /(?:发布日期|发布时间|发文日期|日期|时间)\s*[::]?\s*((?:19|20)\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(
    text.slice(0, 3000),
  );
  if (!m) return '';
  const [, y, mo = '', d = ''] = m;
  return `${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

function official(url: string | null): string {
  if (url === null) return '';
  try {
    return /(^|\.)gov\.cn$/i.test(new URL(url).hostname) ? 'yes' : 'no';
  } catch {
    return 'no';
  }
}

/** The report's notes, in the curators' style: short, English, the helper's own words. */
function notes(page: Pick<Page, 'origin' | 'url'>, x: Extraction): string {
  const parts = [page.url ? 'proposed by the extraction helper' : `proposed by the extraction helper from saved page ${page.origin}`];
  if (x.agency.how === 'proposed') parts.push('agency id proposed from its division code and sector: confirm');
  if (x.agency.how === 'inferred') parts.push('agency inferred from place names, not a printed name: confirm');
  parts.push(`scope ${x.scope}: ${x.scopeReason}`);
  if (official(page.url) === 'no') parts.push('re-hosted copy: check the agency against the body text');
  return parts.join('; ');
}

export interface BatchOptions {
  agencies: readonly AgencyRef[];
  /** Report ids already in data/reports.csv: a page that gives one is listed as already curated. */
  knownReports?: ReadonlySet<string>;
}

export function proposeBatch(pages: readonly Page[], options: BatchOptions): Batch {
  const batch: Batch = { pages: [], agencies: [], reports: [], figures: [] };
  const reportIds = new Map<string, string>();
  const agencyIds = new Set<string>();
  for (const page of pages) {
    const raw = page.title === '' ? page.raw : `${page.title}\n${page.raw}`;
    const x = extractReport(raw, { agencies: options.agencies, html: page.html, url: page.url });
    // Keep only a window of each figure's source text, copied: a slice would keep the whole page alive.
    for (const f of x.figures) if (f.evidence) f.evidence = windowOf(f.evidence);
    const published = publishedDate(raw);
    const identified = x.agency.id !== null && x.year !== null;
    const first = identified ? reportIds.get(x.report_id) : undefined;
    const proposal: PageProposal = {
      page: { origin: page.origin, name: page.name, url: page.url },
      extraction: x,
      report: null,
      duplicateOf: first ?? null,
      published,
    };
    batch.pages.push(proposal);
    if (!identified || first !== undefined) continue;
    reportIds.set(x.report_id, page.origin);

    const agency = x.agency;
    if (agency.how === 'proposed' && agency.id !== null && !agencyIds.has(agency.id)) {
      agencyIds.add(agency.id);
      const division = agency.division;
      batch.agencies.push({
        id: agency.id,
        name_zh: agency.name ?? '',
        // Left for the curator: no rule writes an official English name.
        name_en: '',
        level: agency.level ?? '',
        sector: agency.sector?.key ?? '',
        province: division?.province ?? '',
        prefecture: division?.level === 'province' ? '' : (division?.prefecture ?? ''),
        aliases: agency.printed !== null && agency.printed !== agency.name ? agency.printed : '',
        website: '',
        [REVIEW_COLUMN]: 'pending',
      });
    }
    const report: CsvRow = {
      id: x.report_id,
      agency_id: agency.id ?? '',
      year: String(x.year),
      template: x.template,
      source_url: page.url ?? '',
      official: official(page.url),
      scope: x.scope,
      published,
      notes: notes(page, x),
      [REVIEW_COLUMN]: 'pending',
    };
    // A report already in data/ keeps its row there; only figures it lacks can be merged.
    if (options.knownReports?.has(x.report_id)) proposal.known = true;
    proposal.report = report;
    batch.reports.push(report);
    for (const f of x.figures) {
      batch.figures.push({
        report_id: x.report_id,
        metric: f.metric,
        value: String(f.value),
        qualifier: f.qualifier,
        locator: f.locator,
        note: `extract: confidence ${f.confidence}`,
        [REVIEW_COLUMN]: 'pending',
      });
    }
  }
  return batch;
}

/**
 * A cell a spreadsheet would run as a formula (=, +, -, @ at the start; names come from pages, which may be
 * hostile) gets a leading apostrophe; numbers such as -3 stay numbers, since the data build reads them.
 */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) && !/^[+-]?\d+(\.\d+)?$/.test(cell) ? `'${cell}` : cell;
}

/** CSV text of rows in the given column order, with the header; UTF-8, LF line ends, as data/ is written. */
export function toCsv(rows: readonly CsvRow[], columns: readonly string[]): string {
  const data = rows.map((r) => columns.map((c) => defuse(r[c] ?? '')));
  return `${Papa.unparse({ fields: [...columns], data }, { newline: '\n' })}\n`;
}
