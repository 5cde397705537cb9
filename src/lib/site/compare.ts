/**
 * The compare page's state and derived data, as pure functions the browser runs and the unit tests call:
 * the URL state (?agencies=a,b&metric=…&mode=abs|index), the series of a fetched agency file, and the
 * indexed view (base year = 100). Nothing here touches the DOM or the network.
 */
import { yearRange } from '../core/chart-specs.ts';
import { COMPARE_MODES, type CompareMode } from '../charts/compare-chart.ts';
import { PALETTE } from '../charts/marks.ts';
import type { Messages } from '../../i18n/zh.ts';
import type { FigureOut, Qualifier, ReportOut, SeriesPoint } from '../core/schema.ts';
import { ownWorkSeries } from '../core/series.ts';

/** One colour per line: more lines than the palette has colours could not be told apart. */
export const MAX_AGENCIES = PALETTE.length;

/** Shown when the URL names no metric: the headline most agencies report. */
const PREFERRED_METRIC = 'requests.new.total';

export interface CompareState {
  /** In the reader's order, which is also the colour order. */
  agencies: string[];
  /** Empty only when the dataset has no metric at all. */
  metric: string;
  mode: CompareMode;
}

/** Something in the URL that was ignored, to tell the reader instead of failing or guessing silently. */
export type StateIssue =
  | { kind: 'unknown_agencies'; values: string[] }
  | { kind: 'too_many_agencies'; dropped: string[] }
  | { kind: 'unknown_metric'; value: string }
  | { kind: 'unknown_mode'; value: string };

export interface StateContext {
  agencies: ReadonlySet<string>;
  /** Metrics with at least one figure, in catalogue order. */
  metrics: readonly string[];
}

export function defaultMetric(metrics: readonly string[]): string {
  return metrics.includes(PREFERRED_METRIC) ? PREFERRED_METRIC : (metrics[0] ?? '');
}

/**
 * Read the state from a query string. Agencies may come comma-separated (shared links) or as repeated
 * parameters (the form submitted without JavaScript); duplicates collapse, unknown values are dropped and
 * reported, and anything past MAX_AGENCIES is dropped and reported.
 */
export function parseCompareState(search: string, context: StateContext): { state: CompareState; issues: StateIssue[] } {
  const params = new URLSearchParams(search);
  const issues: StateIssue[] = [];

  const requested = [
    ...new Set(
      params
        .getAll('agencies')
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    ),
  ];
  const unknown = requested.filter((id) => !context.agencies.has(id));
  if (unknown.length > 0) issues.push({ kind: 'unknown_agencies', values: unknown });
  const known = requested.filter((id) => context.agencies.has(id));
  if (known.length > MAX_AGENCIES) issues.push({ kind: 'too_many_agencies', dropped: known.slice(MAX_AGENCIES) });

  const rawMetric = params.get('metric')?.trim() ?? '';
  let metric = rawMetric;
  if (!context.metrics.includes(rawMetric)) {
    if (rawMetric !== '') issues.push({ kind: 'unknown_metric', value: rawMetric });
    metric = defaultMetric(context.metrics);
  }

  const rawMode = params.get('mode')?.trim() ?? '';
  const mode = COMPARE_MODES.find((m) => m === rawMode);
  if (!mode && rawMode !== '') issues.push({ kind: 'unknown_mode', value: rawMode });

  return { state: { agencies: known.slice(0, MAX_AGENCIES), metric, mode: mode ?? 'abs' }, issues };
}

/** The query string for a state, commas left readable so a shared link shows which agencies it holds. */
export function serialiseCompareState(state: CompareState): string {
  const parts = [
    ...(state.agencies.length > 0 ? [`agencies=${state.agencies.map(encodeURIComponent).join(',')}`] : []),
    ...(state.metric ? [`metric=${encodeURIComponent(state.metric)}`] : []),
    `mode=${state.mode}`,
  ];
  return `?${parts.join('&')}`;
}

/** What the compare page draws from an agency's JSON download: its own work's year series and each report's source page. */
export interface AgencySeriesFile {
  id: string;
  series: Record<string, SeriesPoint[]>;
  sources: Record<string, string | null>;
}

/**
 * The qualifiers, spelt out here rather than imported from schema.ts so the browser bundle does not pull in
 * the schema library; the Record type makes this fail to compile when a qualifier is added there.
 */
const QUALIFIER_KEYS: Record<Qualifier, true> = { exact: true, at_least: true, about: true, nearly: true };
const SCOPE_KEYS: Record<ReportOut['scope'], true> = { agency: true, agency_plus_subordinates: true, system: true, unknown: true };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A figure as the download stores it, in FIGURE_COLUMNS order: [metric, value, qualifier, derived, locator, note]. */
function isFigureCells(v: unknown): v is [string, number, Qualifier, boolean, string, string] {
  return (
    Array.isArray(v) &&
    v.length === 6 &&
    typeof v[0] === 'string' &&
    typeof v[1] === 'number' &&
    Number.isFinite(v[1]) &&
    typeof v[2] === 'string' &&
    Object.hasOwn(QUALIFIER_KEYS, v[2]) &&
    typeof v[3] === 'boolean'
  );
}

/**
 * Check a fetched agency download (downloads/agencies/<id>.json) before anything is drawn from it (the browser
 * has no schema library; this is the shape the data build writes), and make its series as the data build does
 * (core/series.ts). Throws with the reason when the file does not fit.
 */
export function parseAgencySeriesFile(json: unknown, expectedId: string): AgencySeriesFile {
  const fail = (why: string) => new Error(`agency file for ${expectedId}: ${why}`);
  if (!isRecord(json) || !isRecord(json.agency) || json.agency.id !== expectedId) throw fail('wrong or missing id');
  if (!Array.isArray(json.reports)) throw fail('missing reports');
  const reports: ReportOut[] = [];
  const figuresByReport = new Map<string, FigureOut[]>();
  const sources: Record<string, string | null> = {};
  for (const r of json.reports as unknown[]) {
    if (!isRecord(r) || typeof r.id !== 'string' || !Number.isInteger(r.year) || typeof r.scope !== 'string') throw fail('bad report');
    if (!Object.hasOwn(SCOPE_KEYS, r.scope)) throw fail(`bad scope of ${r.id}`);
    if (r.source_url !== null && typeof r.source_url !== 'string') throw fail(`bad source of ${r.id}`);
    if (!Array.isArray(r.figures) || !r.figures.every(isFigureCells)) throw fail(`bad figures of ${r.id}`);
    const id = r.id;
    reports.push(r as unknown as ReportOut);
    sources[id] = r.source_url;
    figuresByReport.set(
      id,
      r.figures.map(([metric, value, qualifier, derived, locator, note]) => ({
        report_id: id,
        metric,
        value,
        qualifier,
        derived,
        locator,
        note,
      })),
    );
  }
  return { id: expectedId, series: ownWorkSeries(reports, figuresByReport), sources };
}

/** The shared year axis: every year from the first to the last figure of any line, so gaps show. */
export function compareYears(series: readonly (readonly SeriesPoint[])[]): number[] {
  return yearRange(series.flatMap((points) => points.map((p) => p.year)));
}

/** A series laid on the axis: one slot per year, null where the report does not state the figure. */
export function alignToYears(points: readonly SeriesPoint[], years: readonly number[]): (SeriesPoint | null)[] {
  const byYear = new Map(points.map((p) => [p.year, p]));
  return years.map((y) => byYear.get(y) ?? null);
}

export type IndexedSeries =
  | {
      status: 'indexed';
      /** The figure that counts as 100. */
      base: SeriesPoint;
      /** Same years, reports and derived flags as the input; value = index. */
      points: SeriesPoint[];
    }
  | { status: 'unavailable'; reason: 'no_figures' }
  | { status: 'unavailable'; reason: 'base_not_positive'; base: SeriesPoint };

export interface IndexOutcome {
  /** The year every line with figures is indexed to, or null when they have no year in common. */
  commonBaseYear: number | null;
  /** In input order. */
  series: IndexedSeries[];
}

/** Index values carry one decimal: report figures do not support finer distinctions. */
const roundIndex = (x: number) => Math.round(x * 10) / 10;

/**
 * Index each series to 100 in a base year. The base year is the earliest year in which every series that has
 * figures has one; when there is no such year, each series uses its own first year. A series without figures
 * takes no part in choosing the year. A base of 0 (or below) cannot be indexed, so that series is reported
 * unavailable rather than divided by zero. Qualifiers propagate: dividing by an exact base keeps a value's
 * qualifier (120余 stays "or more"); an approximate base makes every index of that series approximate.
 */
export function indexSeries(series: readonly (readonly SeriesPoint[])[]): IndexOutcome {
  const withFigures = series.filter((points) => points.length > 0);
  const common = withFigures
    .map((points) => new Set(points.map((p) => p.year)))
    .reduce<Set<number> | null>((acc, years) => (acc ? new Set([...acc].filter((y) => years.has(y))) : years), null);
  const commonBaseYear = common && common.size > 0 ? Math.min(...common) : null;

  return {
    commonBaseYear,
    series: series.map((points): IndexedSeries => {
      const sorted = [...points].sort((a, b) => a.year - b.year);
      const base = commonBaseYear === null ? sorted[0] : sorted.find((p) => p.year === commonBaseYear);
      if (!base) return { status: 'unavailable', reason: 'no_figures' };
      if (base.value <= 0) return { status: 'unavailable', reason: 'base_not_positive', base };
      const qualifier = (p: SeriesPoint): Qualifier => (base.qualifier === 'exact' ? p.qualifier : 'about');
      return {
        status: 'indexed',
        base,
        points: sorted.map((p) => ({ ...p, value: roundIndex((p.value / base.value) * 100), qualifier: qualifier(p) })),
      };
    }),
  };
}

/** Strings of other parts of the site the compare page reuses in the browser. */
const SHARED_MESSAGES = [
  'tableYear',
  'tableMissing',
  'sourceUnknown',
  'derivedMark',
  'chartKeyZero',
  'chartKeyNotStated',
  'chartKeyApproximate',
  'keyApproximate',
  'keyNotStated',
] as const;
export type CompareMessages = Pick<Messages, Extract<keyof Messages, `compare${string}`> | (typeof SHARED_MESSAGES)[number]>;

/** The interface text the browser needs, one language, so the page does not ship both translation files. */
export function compareMessages(t: Messages): CompareMessages {
  const keys = (Object.keys(t) as (keyof Messages)[]).filter(
    (k) => k.startsWith('compare') || (SHARED_MESSAGES as readonly string[]).includes(k),
  );
  return Object.fromEntries(keys.map((k) => [k, t[k]])) as CompareMessages;
}

/** Fill {name} placeholders (i18n/index.ts has the same, but it reads build-time settings the browser lacks). */
export function fillText(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(values[name] ?? `{${name}}`));
}
