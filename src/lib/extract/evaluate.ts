/**
 * Scoring the extraction helper against hand-written truth: figures (metric, value and qualifier must all
 * match), the agency, the year and the scope, per kind of agency, and the errors sorted into classes so that a
 * change of rules shows what it fixed and what it broke. Pure: the caller reads pages and truth.
 */
import { normaliseReportText } from './text.ts';

export const KINDS = ['transport', 'government', 'department', 'national'] as const;
export type Kind = (typeof KINDS)[number];

export interface Figure {
  metric: string;
  value: number;
  qualifier: string;
}

/** What the truth says about one page. */
export interface TruthReport {
  report_id: string;
  agency_id: string;
  name_zh: string;
  year: number;
  scope: string;
  kind: Kind;
  figures: Figure[];
}

/** What the helper proposed for the same page. */
export interface Attempt {
  agencyId: string | null;
  /** The agency name as the page prints it, when the helper found one. */
  agencyName: string | null;
  year: number | null;
  /** Null when the helper does not propose a scope. */
  scope: string | null;
  figures: readonly Figure[];
}

export interface Scored {
  /** Page name or URL, for listings. */
  page: string;
  /** The page text as the helper reads it (to decide whether the page prints the agency's name). */
  text: string;
  truth: TruthReport;
  attempt: Attempt;
}

export type ErrorType = 'missed' | 'extra' | 'wrong value' | 'wrong qualifier';

export interface FigureError {
  page: string;
  report_id: string;
  kind: Kind;
  type: ErrorType;
  family: string;
  metric: string;
  /** The expected figure (missed, wrong value/qualifier) and the proposed one (extra, wrong value/qualifier). */
  expected: string | null;
  proposed: string | null;
}

export interface Counts {
  pages: number;
  expected: number;
  proposed: number;
  right: number;
}

export interface Ratio {
  right: number;
  of: number;
}

export interface Score {
  byKind: Record<Kind, Counts>;
  transport: Counts;
  other: Counts;
  all: Counts;
  agency: Ratio;
  /** Agency right on the pages that print the agency's name (the issue's measure). */
  agencyNamed: Ratio;
  agencyId: Ratio;
  year: Ratio;
  scope: Ratio;
  errors: FigureError[];
  /** Pages whose identity was wrong, for listings: page, what was expected, what was found. */
  identity: { page: string; what: 'agency' | 'year' | 'scope'; expected: string; found: string; named: boolean }[];
}

const figureKey = (f: Figure) => `${f.metric}=${f.value} (${f.qualifier === '' ? 'exact' : f.qualifier})`;

/** Error families: groups of metrics that the rules treat alike. */
export function family(metric: string): string {
  if (/\.change(_pct)?$/.test(metric)) return 'stated change';
  if (metric === 'proactive.total') return 'proactive total';
  if (/^proactive\.(website|portal|wechat|weibo|app|media)$/.test(metric)) return 'proactive channel';
  if (/^proactive\.(interpretations|normative_docs)$/.test(metric)) return 'interpretations, normative docs';
  if (/^proactive2019\.|^proactive\.art20/.test(metric)) return 'section 二 tables';
  if (/^requests\.(new|handled|narrative|carried_in|carried_out)\.?(total)?$|^requests\.handled$/.test(metric)) return 'request counts';
  if (/^requests\.outcome\..*\.(total|sum)$|^requests\.outcome\.other_2019\.total$/.test(metric)) return 'request outcomes';
  if (metric.startsWith('requests.')) return 'section 三 cells';
  if (metric.startsWith('appeals.')) return 'appeals';
  if (metric.startsWith('fees.')) return 'fees';
  if (metric.startsWith('legacy.')) return 'legacy statistics';
  return 'other';
}

const empty = (): Counts => ({ pages: 0, expected: 0, proposed: 0, right: 0 });

/** A government office's own report is filed under the government (办公室/办公厅 → 人民政府). */
function sameName(printed: string, name: string): boolean {
  const norm = (s: string) => s.replace(/[\s()]/g, '');
  const a = norm(printed);
  const b = norm(name);
  return a === b || a.replace(/(办公室|办公厅)$/, '') === b;
}

/** Names the page might print for an agency: the full name, and without its leading province or city. */
function nameForms(name: string): string[] {
  const forms = [name];
  let rest = name;
  for (let i = 0; i < 2; i++) {
    const m = /^.+?(?:自治区|自治州|省|市|地区|盟)(?=.{4,})/.exec(rest);
    if (!m) break;
    rest = rest.slice(m[0].length);
    if (/(市|区|县|旗|州)/.test(rest)) forms.push(rest);
  }
  return forms;
}

export function pageNamesAgency(text: string, name: string): boolean {
  const compact = text.replace(/\s+/g, '');
  return nameForms(name).some((form) => compact.includes(form));
}

/** Normalised page text, as the helper reads it. */
export function readableText(raw: string): string {
  return normaliseReportText(raw).text;
}

export function score(items: readonly Scored[]): Score {
  const byKind = Object.fromEntries(KINDS.map((k) => [k, empty()])) as Record<Kind, Counts>;
  const errors: FigureError[] = [];
  const identity: Score['identity'] = [];
  const agency: Ratio = { right: 0, of: 0 };
  const agencyNamed: Ratio = { right: 0, of: 0 };
  const agencyId: Ratio = { right: 0, of: 0 };
  const year: Ratio = { right: 0, of: 0 };
  const scope: Ratio = { right: 0, of: 0 };

  for (const { page, text, truth, attempt } of items) {
    const counts = byKind[truth.kind];
    counts.pages++;
    const want = new Map(truth.figures.map((f) => [figureKey(f), f]));
    const got = new Map(attempt.figures.map((f) => [figureKey(f), f]));
    counts.expected += want.size;
    counts.proposed += got.size;
    for (const k of got.keys()) if (want.has(k)) counts.right++;

    const wrongByMetric = new Map<string, Figure>();
    for (const [k, f] of got) if (!want.has(k)) wrongByMetric.set(f.metric, f);
    const missedByMetric = new Map<string, Figure>();
    for (const [k, f] of want) if (!got.has(k)) missedByMetric.set(f.metric, f);
    const base = { page, report_id: truth.report_id, kind: truth.kind };
    for (const [metric, expected] of missedByMetric) {
      const proposed = wrongByMetric.get(metric);
      const type: ErrorType = !proposed ? 'missed' : proposed.value === expected.value ? 'wrong qualifier' : 'wrong value';
      errors.push({
        ...base,
        type,
        family: family(metric),
        metric,
        expected: figureKey(expected),
        proposed: proposed ? figureKey(proposed) : null,
      });
    }
    for (const [metric, proposed] of wrongByMetric) {
      if (missedByMetric.has(metric)) continue;
      errors.push({ ...base, type: 'extra', family: family(metric), metric, expected: null, proposed: figureKey(proposed) });
    }

    const idRight = attempt.agencyId === truth.agency_id;
    const agencyRight = idRight || (attempt.agencyName !== null && sameName(attempt.agencyName, truth.name_zh));
    agency.of++;
    if (agencyRight) agency.right++;
    agencyId.of++;
    if (idRight) agencyId.right++;
    const named = pageNamesAgency(text, truth.name_zh);
    if (named) {
      agencyNamed.of++;
      if (agencyRight) agencyNamed.right++;
    }
    if (!agencyRight)
      identity.push({
        page,
        what: 'agency',
        expected: `${truth.agency_id} ${truth.name_zh}`,
        found: `${attempt.agencyId ?? '-'} ${attempt.agencyName ?? '-'}`,
        named,
      });
    year.of++;
    if (attempt.year === truth.year) year.right++;
    else identity.push({ page, what: 'year', expected: String(truth.year), found: String(attempt.year ?? '-'), named });
    scope.of++;
    if (attempt.scope === truth.scope) scope.right++;
    else identity.push({ page, what: 'scope', expected: truth.scope, found: attempt.scope ?? '(none proposed)', named });
  }

  const sum = (kinds: readonly Kind[]): Counts =>
    kinds.reduce(
      (acc, k) => ({
        pages: acc.pages + byKind[k].pages,
        expected: acc.expected + byKind[k].expected,
        proposed: acc.proposed + byKind[k].proposed,
        right: acc.right + byKind[k].right,
      }),
      empty(),
    );
  return {
    byKind,
    transport: sum(['transport']),
    other: sum(['government', 'department', 'national']),
    all: sum(KINDS),
    agency,
    agencyNamed,
    agencyId,
    year,
    scope,
    errors,
    identity,
  };
}

const pct = (a: number, b: number) => (b === 0 ? '   n/a' : `${((100 * a) / b).toFixed(1).padStart(5)}%`);
export const precision = (c: Counts) => (c.proposed === 0 ? null : c.right / c.proposed);
export const recall = (c: Counts) => (c.expected === 0 ? null : c.right / c.expected);

/** The score as the eval command prints it. */
export function formatScore(s: Score, options: { verbose?: boolean } = {}): string {
  const lines: string[] = [];
  const row = (label: string, c: Counts) =>
    `${label.padEnd(14)}${String(c.pages).padStart(6)}${String(c.expected).padStart(9)}${String(c.proposed).padStart(9)}${String(c.right).padStart(7)}` +
    `${pct(c.right, c.proposed).padStart(11)}${pct(c.right, c.expected).padStart(9)}`;
  lines.push(
    `${''.padEnd(14)}${'pages'.padStart(6)}${'truth'.padStart(9)}${'proposed'.padStart(9)}${'right'.padStart(7)}${'precision'.padStart(11)}${'recall'.padStart(9)}`,
  );
  lines.push(row('transport', s.transport), row('other kinds', s.other));
  for (const k of ['government', 'department', 'national'] as const) lines.push(row(`  ${k}`, s.byKind[k]));
  lines.push(row('all', s.all), '');
  const ratio = (label: string, r: Ratio) =>
    `${label.padEnd(44)}${String(r.right).padStart(5)} of ${String(r.of).padEnd(5)}${pct(r.right, r.of)}`;
  lines.push(
    ratio('agency right (name or dataset id), all pages', s.agency),
    ratio('agency right on pages that print its name', s.agencyNamed),
    ratio('agency dataset id right', s.agencyId),
    ratio('year right', s.year),
    ratio('scope right', s.scope),
    '',
  );

  const families = [...new Set(s.errors.map((e) => e.family))].sort();
  const types: ErrorType[] = ['missed', 'extra', 'wrong value', 'wrong qualifier'];
  lines.push(`error classes (figures)${''.padEnd(12)}${types.map((t) => t.padStart(16)).join('')}`);
  for (const f of families) {
    const n = (t: ErrorType, group: 'transport' | 'other') =>
      s.errors.filter((e) => e.family === f && e.type === t && (e.kind === 'transport') === (group === 'transport')).length;
    lines.push(`  ${f.padEnd(33)}${types.map((t) => `${n(t, 'transport')} / ${n(t, 'other')}`.padStart(16)).join('')}`);
  }
  lines.push(`  (each cell: transport / other kinds)`);
  if (options.verbose) {
    lines.push('', 'figure errors:');
    for (const e of s.errors)
      lines.push(
        `  ${e.type.padEnd(15)} ${e.report_id.padEnd(24)} ${e.expected ?? ''}${e.expected && e.proposed ? ' → ' : ''}${e.proposed ?? ''}  [${e.page}]`,
      );
    lines.push('', 'identity errors:');
    for (const i of s.identity)
      lines.push(
        `  ${i.what.padEnd(7)} expected ${i.expected}, found ${i.found}${i.what === 'agency' && i.named ? ' (the page prints the name)' : ''}  [${i.page}]`,
      );
  }
  return lines.join('\n');
}
