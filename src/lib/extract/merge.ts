/**
 * Merging reviewed proposals into data/: only rows whose `review` is `ok` (set in the CSV files, or by the
 * decisions.csv review.html saves), only rows data/ does not hold yet (an existing agency, report or
 * (report, metric) pair is never rewritten), appended after the existing rows, and only when the data build
 * accepts the result — otherwise nothing is written and its file:line:column errors are returned.
 */
import Papa from 'papaparse';
import { buildDataset, type SourceTexts } from '../pipeline/dataset.ts';
import type { Problem } from '../pipeline/tables.ts';
import { REVIEW_COLUMN, REVIEW_VALUES, type CsvRow } from './batch.ts';

export interface ProposalTexts {
  agencies: string;
  reports: string;
  figures: string;
  /** decisions.csv saved by review.html, if any: file,key,review,value,qualifier,name_en. */
  decisions?: string | undefined;
}

export interface MergeResult {
  /** The data files after the merge (unchanged text plus appended rows); null when nothing may be written. */
  texts: Pick<SourceTexts, 'agencies' | 'reports' | 'figures'> | null;
  merged: { agencies: number; reports: number; figures: number };
  /** Rows left in the proposals, and why (pending, rejected, already in data/, parent not merged). */
  left: string[];
  /** The data build's errors for the merged data; nothing is written when there are any. */
  problems: Problem[];
}

const rowsOf = (text: string): CsvRow[] => Papa.parse<CsvRow>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;

/** Apply decisions.csv to the proposal rows: review state, corrected value and qualifier, English name. */
function applyDecisions(decisions: string, rows: { agencies: CsvRow[]; reports: CsvRow[]; figures: CsvRow[] }): string[] {
  const notes: string[] = [];
  for (const d of rowsOf(decisions)) {
    const review = d.review ?? '';
    if (!(REVIEW_VALUES as readonly string[]).includes(review)) {
      notes.push(`decisions.csv: "${review}" is not a review state (${REVIEW_VALUES.join(', ')}); ${d.file} ${d.key} left as it was`);
      continue;
    }
    const key = d.key ?? '';
    const target =
      d.file === 'agencies'
        ? rows.agencies.find((r) => r.id === key)
        : d.file === 'reports'
          ? rows.reports.find((r) => r.id === key)
          : d.file === 'figures'
            ? rows.figures.find((r) => `${r.report_id}|${r.metric}` === key)
            : undefined;
    if (!target) {
      notes.push(`decisions.csv: no ${d.file} row ${key} in the proposals`);
      continue;
    }
    target[REVIEW_COLUMN] = review;
    if (d.file === 'figures' && d.value) target.value = d.value;
    if (d.file === 'figures' && d.qualifier) target.qualifier = d.qualifier;
    if (d.file === 'agencies' && d.name_en) target.name_en = d.name_en;
  }
  return notes;
}

/** Rows appended to a data file's text in the order of its own header, the existing text left byte for byte. */
function append(text: string, rows: readonly CsvRow[]): string {
  if (rows.length === 0) return text;
  const header = Papa.parse<string[]>(text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '').data[0] ?? [];
  const body = Papa.unparse(
    rows.map((r) => header.map((h) => r[h.trim()] ?? '')),
    { newline: '\n' },
  );
  return `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}${body}\n`;
}

export interface MergeOptions {
  /** The data folder, for file names in errors. */
  dir: string;
  maxYear: number;
}

/** data/ as read for a merge: the three files a merge appends to as text, the others as the data build takes them. */
export type DataTexts = Omit<SourceTexts, 'agencies' | 'reports' | 'figures'> & { agencies: string; reports: string; figures: string };

export function mergeReviewed(proposals: ProposalTexts, data: DataTexts, options: MergeOptions): MergeResult {
  const rows = { agencies: rowsOf(proposals.agencies), reports: rowsOf(proposals.reports), figures: rowsOf(proposals.figures) };
  const left = proposals.decisions ? applyDecisions(proposals.decisions, rows) : [];
  const existing = {
    agencies: new Set(rowsOf(data.agencies).map((r) => r.id)),
    reports: new Set(rowsOf(data.reports).map((r) => r.id)),
    figures: new Set(rowsOf(data.figures).map((r) => `${r.report_id}|${r.metric}`)),
  };
  const ok = (r: CsvRow, what: string, key: string) => {
    const review = r[REVIEW_COLUMN] ?? '';
    if (review === 'ok') return true;
    left.push(`${what} ${key}: ${review === 'rejected' ? 'rejected' : `not reviewed (review is "${review}")`}`);
    return false;
  };

  const agencies = rows.agencies.filter((r) => {
    if (!ok(r, 'agency', r.id ?? '')) return false;
    if (existing.agencies.has(r.id ?? '')) {
      left.push(`agency ${r.id}: already in data/agencies.csv, kept as it is there`);
      return false;
    }
    return true;
  });
  const agencyIds = new Set([...existing.agencies, ...agencies.map((a) => a.id)]);
  const reports = rows.reports.filter((r) => {
    if (existing.reports.has(r.id ?? '')) return false; // kept silently: its figures may still be new
    if (!ok(r, 'report', r.id ?? '')) return false;
    if (!agencyIds.has(r.agency_id ?? '')) {
      left.push(`report ${r.id}: its agency ${r.agency_id} is neither in data/ nor accepted in this batch`);
      return false;
    }
    return true;
  });
  const reportIds = new Set([...existing.reports, ...reports.map((r) => r.id)]);
  const figures = rows.figures.filter((r) => {
    const key = `${r.report_id}|${r.metric}`;
    if (!ok(r, 'figure', key)) return false;
    if (existing.figures.has(key)) {
      left.push(`figure ${key}: data/figures.csv already has this report's ${r.metric}, kept as it is there`);
      return false;
    }
    if (!reportIds.has(r.report_id ?? '')) {
      left.push(`figure ${key}: its report is neither in data/ nor accepted in this batch`);
      return false;
    }
    return true;
  });

  const texts = {
    agencies: append(data.agencies, agencies),
    reports: append(data.reports, reports),
    figures: append(data.figures, figures),
  };
  const built = buildDataset(
    { ...texts, metrics: data.metrics, corrections: data.corrections },
    { dir: options.dir, maxYear: options.maxYear },
  );
  return {
    texts: built.problems.length === 0 ? texts : null,
    merged: { agencies: agencies.length, reports: reports.length, figures: figures.length },
    left,
    problems: built.problems,
  };
}
