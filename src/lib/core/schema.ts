/**
 * The one source of truth for the shape of the data: the curated CSV rows (input) and the generated dataset
 * (output). The data build validates CSV rows with the input schemas; the site parses the generated JSON with
 * the output schema, so a change on one side that the other does not follow fails the build.
 */
import { z } from 'astro/zod';
import { codePointName, forbiddenCharacterAt } from './characters.ts';
import { findProvince } from './provinces.ts';
import { agencyIdentityProblems, reportIdFor } from './ids.ts';
import { normaliseText, parseNumber } from './normalise.ts';
import { SECTOR_KEYS } from './sectors.ts';
import { isGovernmentHost, urlProblem } from './urls.ts';

/** The agency charts (src/lib/charts/agency-charts.ts), each with an embed page. */
export const CHART_IDS = ['proactive', 'requests', 'fees', 'appeals'] as const;
export type ChartId = (typeof CHART_IDS)[number];

/** national: ministries and other State Council bodies. Districts and county-level cities are county. */
export const LEVELS = ['national', 'province', 'prefecture', 'county'] as const;
export const TEMPLATES = ['pre2019', 'gov2019', 'gov2021', 'unknown'] as const;
export const QUALIFIERS = ['exact', 'at_least', 'about', 'nearly'] as const;
export const SCOPES = ['agency', 'agency_plus_subordinates', 'system', 'unknown'] as const;
/** count_change and percent are signed (stated changes on the previous year); the others are never negative. */
export const UNITS = ['count', 'count_change', 'percent', 'yuan', 'wan_yuan', 'amount_unknown_unit'] as const;
export const GROUPS = ['proactive', 'proactive_tables', 'requests', 'fees', 'appeals'] as const;

export type Level = (typeof LEVELS)[number];
export type Template = (typeof TEMPLATES)[number];
export type Qualifier = (typeof QUALIFIERS)[number];
export type Unit = (typeof UNITS)[number];

/** First year covered by reports under the 2007 regulations (in force 2008-05-01). */
export const FIRST_YEAR = 2008;

/** The columns each curated file must have, in the documented order. Extra columns are allowed and ignored. */
export const COLUMNS = {
  agencies: ['id', 'name_zh', 'name_en', 'level', 'sector', 'province', 'prefecture', 'aliases', 'website'],
  reports: ['id', 'agency_id', 'year', 'template', 'source_url', 'official', 'scope', 'published', 'notes'],
  figures: ['report_id', 'metric', 'value', 'qualifier', 'locator', 'note'],
  metrics: ['key', 'label_zh', 'label_en', 'unit', 'group', 'definition_zh', 'definition_en', 'templates', 'derived_from'],
  corrections: ['date', 'report_id', 'metric', 'old_value', 'new_value', 'reason'],
} as const;

// ---------------------------------------------------------------------------------------------------------
// Field schemas. Each takes the raw cell text; errors say what to write instead.

/**
 * Cell text, trimmed and folded (normalise.ts). Control characters are refused first, on the text as written:
 * the issue's `params.at` is the character's index in the cell, so the error can point at it (tables.ts).
 * The issue stops the row (`continue: false`): a refused cell never reaches the row's own checks, which
 * trust their fields (a sector of "\n" is not a sector; ids.ts would look it up).
 */
const cellText = (lineBreaks: boolean) =>
  z
    .string()
    .superRefine((s, ctx) => {
      const at = forbiddenCharacterAt(s, lineBreaks);
      if (at < 0) return;
      const ch = s[at] ?? '';
      const message =
        ch === '\n'
          ? 'a line break in a column that takes one line; join the lines (longer text belongs in notes)'
          : ch === '\t'
            ? 'a tab character (U+0009); replace it with a space'
            : `a control character (${codePointName(ch)}), which cannot be shown or printed; remove it (it often comes from a copy and paste)`;
      ctx.addIssue({ code: 'custom', message, params: { at }, continue: false });
    })
    .transform(normaliseText);
const text = cellText(false);
/** Notes and definitions may take several lines. */
const multilineText = cellText(true);
const required = (what: string) => text.pipe(z.string().min(1, `${what} is empty`));
const slug = (what: string) =>
  required(what).pipe(
    z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, `${what} must be lower-case letters, digits and hyphens (it becomes part of a URL)`),
  );
const oneOf = <T extends readonly [string, ...string[]]>(what: string, values: T) =>
  text.pipe(z.enum(values, { error: (issue) => `unknown ${what} "${String(issue.input)}"; use one of: ${values.join(', ')}` }));
/** Only http(s) links with a plain domain name are accepted: see urls.ts for what a link must not hide. */
const httpUrl = (what: string) =>
  text.superRefine((s, ctx) => {
    const problem = s === '' ? null : urlProblem(what, s);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });
const pipeList = text.transform((s) =>
  s === ''
    ? []
    : s
        .split('|')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
);
/** A YYYY-MM-DD date that exists (no 30 February, no month 13). */
function isCalendarDate(s: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
const yearField = (maxYear: number) =>
  text.transform((s, ctx) => {
    if (!/^\d{4}$/.test(s)) {
      ctx.addIssue({ code: 'custom', message: `year "${s}" must be four digits, the year the figures cover` });
      return z.NEVER;
    }
    const year = Number(s);
    if (year < FIRST_YEAR || year > maxYear) {
      ctx.addIssue({ code: 'custom', message: `year ${year} is out of range ${FIRST_YEAR}–${maxYear}` });
      return z.NEVER;
    }
    return year;
  });
const numberField = text.transform((s, ctx) => {
  const parsed = parseNumber(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

// ---------------------------------------------------------------------------------------------------------
// Input rows (curated CSV).

export const agencyRow = z
  .object({
    /**
     * Stable id: `<GB/T 2260 code of the place whose government the body belongs to>-<sector code>`, optionally
     * `-<n>`, e.g. 511112-jt, 100000-cz; never changes when the agency is renamed (src/lib/core/ids.ts).
     */
    id: slug('id'),
    /** Current full Chinese name. */
    name_zh: required('name_zh'),
    name_en: required('name_en'),
    level: oneOf('level', LEVELS),
    /** The kind of agency, from src/lib/core/sectors.ts; its code ends the id. */
    sector: oneOf('sector', SECTOR_KEYS),
    /** Full official name of the provincial-level division, e.g. 四川省; empty for national bodies. */
    province: text.refine((p) => p === '' || findProvince(p) !== undefined, {
      message: 'unknown province; write its full official name, e.g. 四川省 or 广西壮族自治区',
    }),
    /**
     * Prefecture-level city the agency belongs to (the city itself for a city bureau, the municipality for a
     * district of 北京/天津/上海/重庆); empty for national and province level and for county-level units
     * administered directly by the province (省直辖, e.g. 天门市).
     */
    prefecture: text,
    /** Older or short names, separated by |. */
    aliases: pipeList,
    website: httpUrl('website'),
  })
  .superRefine((row, ctx) => {
    for (const p of agencyIdentityProblems(row)) ctx.addIssue({ code: 'custom', path: [p.column], message: p.message });
  });
export type AgencyRow = z.output<typeof agencyRow>;

export const reportRow = (maxYear: number) =>
  z
    .object({
      /** <agency_id>-<year>, or <agency_id>-<year>-system for a whole-jurisdiction report (scope system). */
      id: slug('id'),
      agency_id: required('agency_id'),
      /** The year the figures cover (from the title and statistics period, not the URL or publish date). */
      year: yearField(maxYear),
      template: oneOf('template', TEMPLATES),
      /** The page the figures were taken from; empty when unknown. */
      source_url: httpUrl('source_url'),
      /** yes: a government site; no: a re-hosted copy. Empty only when source_url is empty. */
      official: oneOf('official', ['yes', 'no', ''] as const),
      scope: oneOf('scope', SCOPES),
      /** Publication date, YYYY-MM-DD, or empty when unknown (then timeliness stays unknown). */
      published: text.refine((s) => s === '' || isCalendarDate(s), {
        message: 'published must be a real date written YYYY-MM-DD (e.g. 2022-01-20), or empty',
      }),
      notes: multilineText,
    })
    .superRefine((row, ctx) => {
      const expected = reportIdFor(row.agency_id, row.year, row.scope);
      if (row.id !== expected) {
        ctx.addIssue({
          code: 'custom',
          path: ['id'],
          message: `a ${row.scope}-scope report of ${row.agency_id} for ${row.year} has the id ${expected}${row.scope === 'system' ? '' : ' (whole-jurisdiction reports, scope system, end in -system)'}`,
        });
      }
      if (row.published !== '' && Number(row.published.slice(0, 4)) <= row.year) {
        ctx.addIssue({
          code: 'custom',
          path: ['published'],
          message: `published ${row.published} is before the end of ${row.year}, the year the report covers; check the year and the date`,
        });
      }
      if (row.source_url !== '' && row.official === '') {
        ctx.addIssue({ code: 'custom', path: ['official'], message: 'official must be yes or no when source_url is given' });
      } else if (
        row.source_url !== '' &&
        urlProblem('source_url', row.source_url) === null &&
        (row.official === 'yes') !== isGovernmentHost(row.source_url)
      ) {
        const host = new URL(row.source_url).hostname;
        ctx.addIssue({
          code: 'custom',
          path: ['official'],
          message:
            row.official === 'yes'
              ? `official is yes, but the source is on ${host}, not a government site (*.gov.cn); write no for a copy elsewhere`
              : `official is no, but the source is on ${host}, a government site (*.gov.cn); write yes`,
        });
      }
      if (row.source_url === '' && row.notes === '') {
        ctx.addIssue({
          code: 'custom',
          path: ['notes'],
          message: 'source_url is empty, so notes must say where the document came from',
        });
      }
    });

export const figureRow = z.object({
  report_id: required('report_id'),
  metric: required('metric'),
  /** Checked against the metric's unit (sign) during validation. */
  value: numberField,
  /** Empty means exact. */
  qualifier: text
    .transform((s) => (s === '' ? 'exact' : s))
    .pipe(
      z.enum(QUALIFIERS, {
        error: (issue) => `unknown qualifier "${String(issue.input)}"; use one of: ${QUALIFIERS.join(', ')} (or leave empty for exact)`,
      }),
    ),
  /** Where in the report the number is, e.g. "表三 row 一 col 总计". */
  locator: required('locator'),
  note: multilineText,
});

export const metricRow = z.object({
  key: required('key').pipe(z.string().regex(/^[a-z0-9_]+(?:\.[a-z0-9_]+)+$/, 'key must be dotted snake_case, e.g. requests.new.total')),
  label_zh: required('label_zh'),
  label_en: required('label_en'),
  unit: oneOf('unit', UNITS),
  group: oneOf('group', GROUPS),
  definition_zh: multilineText.pipe(z.string().min(1, 'definition_zh is empty')),
  definition_en: multilineText.pipe(z.string().min(1, 'definition_en is empty')),
  templates: pipeList.pipe(
    z.array(z.enum(TEMPLATES, { error: (issue) => `unknown template "${String(issue.input)}" in templates` })).min(1, 'templates is empty'),
  ),
  /**
   * How the build computes this metric when a report does not state it: alternatives separated by `;`, each a
   * list of keys separated by `|` whose values are summed. The first alternative with all its keys present
   * wins. An alternative prefixed `any:` sums whichever of its keys are present (at least one).
   */
  derived_from: text.transform((s) =>
    s === ''
      ? []
      : s.split(';').map((alternative) => {
          const any = alternative.trim().startsWith('any:');
          const keys = alternative
            .trim()
            .replace(/^any:/, '')
            .split('|')
            .map((key) => key.trim())
            .filter((key) => key !== '');
          return { mode: any ? ('any' as const) : ('all' as const), keys };
        }),
  ),
});

const dateField = (what: string) =>
  text.refine(isCalendarDate, {
    message: `${what} must be a real date written YYYY-MM-DD (e.g. 2026-01-05)`,
  });
const optionalNumber = text.transform((s, ctx) => {
  if (s === '') return null;
  const parsed = parseNumber(s);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.reason });
    return z.NEVER;
  }
  return parsed.value;
});

/** data/corrections.csv: one row per change to a published figure, newest changes appended. */
export const correctionOut = z.object({
  date: z.string(),
  report_id: z.string(),
  agency_id: z.string(),
  year: z.number(),
  metric: z.string(),
  old_value: z.number().nullable(),
  new_value: z.number().nullable(),
  reason: z.string(),
});
export type CorrectionOut = z.infer<typeof correctionOut>;

export const correctionRow = z
  .object({
    /** When the figure was corrected. */
    date: dateField('date'),
    report_id: required('report_id'),
    metric: required('metric'),
    /** The value shown before; empty when the figure was added. */
    old_value: optionalNumber,
    /** The value now in figures.csv; empty when the figure was removed. */
    new_value: optionalNumber,
    /** Why, in the curator's own words (e.g. "misread 表三 row 一; the report says 38"). */
    reason: required('reason'),
  })
  .superRefine((row, ctx) => {
    if (row.old_value === null && row.new_value === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['new_value'],
        message: 'old_value and new_value are both empty; a correction changes a value',
      });
    }
  });
export type CorrectionRow = z.output<typeof correctionRow>;

// ---------------------------------------------------------------------------------------------------------
// Output (generated dataset, read by the site).

const valueWithQualifier = {
  value: z.number(),
  qualifier: z.enum(QUALIFIERS),
};

export const figureOut = z.object({
  report_id: z.string(),
  metric: z.string(),
  ...valueWithQualifier,
  locator: z.string(),
  note: z.string(),
  /** True when the build computed the value from other figures of the same report. */
  derived: z.boolean(),
});
export type FigureOut = z.infer<typeof figureOut>;

export const warningOut = z.object({
  /**
   * R1–R6 (report arithmetic), R4 (carry-over between years), D (derived total disagrees), T (metric outside
   * template), L (规章 at county level), Y (a stated change disagrees with the previous year's report).
   */
  rule: z.string(),
  report_id: z.string(),
  agency_id: z.string(),
  year: z.number(),
  message_en: z.string(),
  message_zh: z.string(),
});
export type WarningOut = z.infer<typeof warningOut>;

export const seriesPoint = z.object({
  year: z.number(),
  ...valueWithQualifier,
  report_id: z.string(),
  derived: z.boolean(),
});
export type SeriesPoint = z.infer<typeof seriesPoint>;

export const standingOut = z.object({
  /** 1 = largest value; agencies with equal values share the rank of the first of them. */
  rank: z.number(),
  /** How many agencies of the group have this same value (this one included). */
  tied: z.number(),
  /** Share of the other agencies in the group whose value is strictly lower (0–1); null below MIN_PEERS. */
  percentile: z.number().nullable(),
  /** Agencies in the group, this one included. */
  peers: z.number(),
});
export type Standing = z.infer<typeof standingOut>;

/** Why a figure has no place in a ranking. */
export const UNRANKED = ['channel_sum', 'scope', 'suppressed'] as const;
export type Unranked = (typeof UNRANKED)[number];

export const impliedOut = z.object({
  /** The count the stated change is about (e.g. requests.new.total). */
  metric: z.string(),
  /** The previous year, whose value is implied. */
  year: z.number(),
  ...valueWithQualifier,
  /** The report that states the change, and its year. */
  from_report: z.string(),
  from_year: z.number(),
  /** Which stated change gave the value: an absolute change or a percentage. */
  via: z.enum(['change', 'change_pct']),
  /** The stated change itself. */
  change: z.number(),
});
export type ImpliedOut = z.infer<typeof impliedOut>;

export const headlineOut = z.object({
  /** Card id from HEADLINES. */
  id: z.string(),
  /** The metric the card shows (the one with the most recent figure among the card's metrics). */
  metric: z.string(),
  latest: seriesPoint.nullable(),
  /** The figure for the year before `latest`, when the agency has one. */
  previous: seriesPoint.nullable(),
  /** latest − previous; null when either is missing. Approximate when either value is. */
  change: z.number().nullable(),
  change_ratio: z.number().nullable(),
  change_approximate: z.boolean(),
  /** The latest figure's place in its ranking (the same entry the ranking page lists); null when not ranked. */
  standing: standingOut.nullable(),
  /** Why the latest figure is not ranked, when it is not. */
  unranked: z.enum(UNRANKED).nullable(),
});
export type HeadlineOut = z.infer<typeof headlineOut>;

export const SCOPE_GROUPS = ['agency', 'system'] as const;
/** Rankings and series are kept apart by scope: the body's own work, or a whole jurisdiction's totals. */
export type ScopeGroup = (typeof SCOPE_GROUPS)[number];

export const rankingEntryOut = standingOut.extend({
  agency_id: z.string(),
  year: z.number(),
  sector: z.enum(SECTOR_KEYS),
  level: z.enum(LEVELS),
  province: z.string(),
  ...valueWithQualifier,
  report_id: z.string(),
  /** Rates only: the counts the rate was computed from. */
  numerator: z.number().nullable(),
  denominator: z.number().nullable(),
  /** Standing among the group's agencies of the same province; null when fewer than MIN_PEERS have a figure. */
  province_standing: standingOut.nullable(),
});
export type RankingEntry = z.infer<typeof rankingEntryOut>;

const groupSummary = {
  n: z.number(),
  min: z.number(),
  /** Quartiles and median: null below MIN_PEERS agencies, so two figures never make a "median". */
  q1: z.number().nullable(),
  median: z.number().nullable(),
  q3: z.number().nullable(),
  max: z.number(),
  /** Rates: summed numerators over summed denominators of every agency in the group with counts. */
  pooled_rate: z.number().nullable(),
};
export type GroupSummary = z.infer<z.ZodObject<typeof groupSummary>>;

/** A peer group: agencies of one sector and level (for system scope: governments of one level). */
export const peerGroupOut = z.object({
  sector: z.enum(SECTOR_KEYS),
  level: z.enum(LEVELS),
  ...groupSummary,
  /** The group's provinces with at least MIN_PEERS ranked agencies. */
  provinces: z.array(z.object({ province: z.string(), ...groupSummary })),
});
export type PeerGroup = z.infer<typeof peerGroupOut>;

export const yearRankingOut = z.object({
  year: z.number(),
  /** Ranked agencies, by group (sector, then level) then rank. Agencies without a figure are not here. */
  entries: z.array(rankingEntryOut),
  /** Rates only: agencies below the minimum denominator, with their counts, not ranked. */
  suppressed: z.array(rankingEntryOut),
  groups: z.array(peerGroupOut),
});
export type YearRanking = z.infer<typeof yearRankingOut>;

/** generated/rankings/<scope>/<metric>.json */
export const metricRankingOut = z.object({
  metric: z.string(),
  scope: z.enum(SCOPE_GROUPS),
  kind: z.enum(['count', 'rate']),
  min_denominator: z.number().nullable(),
  /** Newest first. */
  years: z.array(yearRankingOut),
});
export type MetricRanking = z.infer<typeof metricRankingOut>;

/** An agency's identity and coverage, as listed on directory pages and in site.json. */
export const agencySummaryOut = z.object({
  id: z.string(),
  name_zh: z.string(),
  name_en: z.string(),
  level: z.enum(LEVELS),
  sector: z.enum(SECTOR_KEYS),
  /** The GB/T 2260 code the id starts with (100000 for national bodies). */
  division: z.string(),
  province: z.string(),
  province_en: z.string(),
  prefecture: z.string(),
  aliases: z.array(z.string()),
  website: z.string().nullable(),
  years: z.array(z.number()),
  report_ids: z.array(z.string()),
  /** Headline cards of the body's own reports (scope other than system). */
  headlines: z.array(headlineOut),
  /** Headline cards of its whole-jurisdiction reports (scope system; governments only); empty without any. */
  system_headlines: z.array(headlineOut),
  /** Charts (AGENCY_CHARTS ids) that have at least one figure: the embeddable ones. */
  charts: z.array(z.enum(CHART_IDS)),
  /** Year series of the metrics the charts draw, from the body's own reports, so chart pages need no agency file. */
  chart_series: z.record(z.string(), z.array(seriesPoint)),
  /** The same from whole-jurisdiction reports. */
  system_chart_series: z.record(z.string(), z.array(seriesPoint)),
  /** Previous-year values implied by stated changes, where the agency has no figure of its own for that year. */
  implied: z.array(impliedOut.extend({ scope: z.enum(SCOPE_GROUPS) })),
  warning_count: z.number(),
});
export type AgencySummary = z.infer<typeof agencySummaryOut>;

export const agencyOut = agencySummaryOut.extend({
  /** Year series of every metric of the body's own reports, keyed by metric. */
  series: z.record(z.string(), z.array(seriesPoint)),
  /** The same from whole-jurisdiction reports (scope system). */
  system_series: z.record(z.string(), z.array(seriesPoint)),
  /** Standing in its peer group, per ranked metric, year and scope (rates below the minimum are absent). */
  benchmarks: z.array(rankingEntryOut.extend({ metric: z.string(), scope: z.enum(SCOPE_GROUPS) })),
});
export type AgencyOut = z.infer<typeof agencyOut>;

export const reportOut = z.object({
  id: z.string(),
  agency_id: z.string(),
  year: z.number(),
  template: z.enum(TEMPLATES),
  source_url: z.string().nullable(),
  official: z.boolean().nullable(),
  scope: z.enum(SCOPES),
  published: z.string().nullable(),
  /** The publication deadline (src/lib/pipeline/timeliness.ts). */
  deadline: z.string(),
  /** Days from the deadline to publication (≤ 0: on time); null when the publication date is unknown. */
  days_late: z.number().nullable(),
  notes: z.string(),
  figure_count: z.number(),
});
export type ReportOut = z.infer<typeof reportOut>;

export const metricOut = z.object({
  key: z.string(),
  label_zh: z.string(),
  label_en: z.string(),
  unit: z.enum(UNITS),
  group: z.enum(GROUPS),
  definition_zh: z.string(),
  definition_en: z.string(),
  templates: z.array(z.enum(TEMPLATES)),
  derived_from: z.array(z.object({ mode: z.enum(['all', 'any']), keys: z.array(z.string()) })),
});
export type MetricOut = z.infer<typeof metricOut>;

export const coverageOut = z.object({
  years: z.array(z.number()),
  /** Per province: agencies and reports by level, and agencies with a report per year. */
  provinces: z.array(
    z.object({
      province: z.string(),
      province_en: z.string(),
      agencies: z.number(),
      reports: z.number(),
      by_level: z.record(z.enum(LEVELS), z.number()),
      by_year: z.record(z.string(), z.number()),
    }),
  ),
  /** Agencies per sector, in the order of SECTORS (sectors without agencies are left out). */
  sectors: z.array(z.object({ sector: z.enum(SECTOR_KEYS), agencies: z.number(), reports: z.number() })),
  totals: z.object({
    agencies: z.number(),
    reports: z.number(),
    figures: z.number(),
    provinces: z.number(),
    by_level: z.record(z.enum(LEVELS), z.number()),
    by_template: z.record(z.enum(TEMPLATES), z.number()),
    by_year: z.record(z.string(), z.number()),
  }),
});
export type CoverageOut = z.infer<typeof coverageOut>;

export const datasetOut = z.object({
  metrics: z.array(metricOut),
  agencies: z.array(agencyOut),
  reports: z.array(reportOut),
  figures: z.array(figureOut),
  warnings: z.array(warningOut),
  rankings: z.array(metricRankingOut),
  corrections: z.array(correctionOut),
  coverage: coverageOut,
});
export type DatasetOut = z.infer<typeof datasetOut>;

/** generated/site.json: what every page may need, without per-agency series and figures. */
export const siteIndexOut = z.object({
  metrics: z.array(metricOut),
  agencies: z.array(agencySummaryOut),
  reports: z.array(reportOut),
  coverage: coverageOut,
  /** The corrections log (data/corrections.csv), oldest first. */
  corrections: z.array(correctionOut),
  /** The ranking files that exist (generated/rankings/<scope>/<metric>.json) and their years, newest first. */
  rankings: z.array(
    z.object({ metric: z.string(), scope: z.enum(SCOPE_GROUPS), kind: z.enum(['count', 'rate']), years: z.array(z.number()) }),
  ),
});
export type SiteIndex = z.infer<typeof siteIndexOut>;

/**
 * generated/agencies/<id>.json: one agency with its benchmarks, chart series and warnings, for its pages. Its
 * figures are in its download file (agencyDownloadOut), written once for the site, the compare page and readers.
 */
export const agencyDetailOut = z.object({
  agency: agencyOut.omit({ series: true, system_series: true }),
  warnings: z.array(warningOut),
});
export type AgencyDetail = z.infer<typeof agencyDetailOut>;

/** An agency as published in downloads: its identity and coverage, not the site's derived views. */
export const agencyRecordOut = agencySummaryOut.pick({
  id: true,
  name_zh: true,
  name_en: true,
  level: true,
  sector: true,
  division: true,
  province: true,
  province_en: true,
  prefecture: true,
  aliases: true,
  website: true,
  years: true,
  report_ids: true,
});
export type AgencyRecord = z.infer<typeof agencyRecordOut>;

/**
 * A figure in an agency's JSON download, as one array in the order of FIGURE_COLUMNS (which the file names),
 * under its report: keys and report id are not repeated for each of the thousands of figures of an agency, so
 * the file is about as large as the agency's rows of figures.csv.
 */
export const FIGURE_COLUMNS = ['metric', 'value', 'qualifier', 'derived', 'locator', 'note'] as const;
export const figureCells = z.tuple([z.string(), z.number(), z.enum(QUALIFIERS), z.boolean(), z.string(), z.string()]);
export type FigureCells = z.infer<typeof figureCells>;

export const toFigureCells = (f: FigureOut): FigureCells => [f.metric, f.value, f.qualifier, f.derived, f.locator, f.note];
export const fromFigureCells = (reportId: string, [metric, value, qualifier, derived, locator, note]: FigureCells): FigureOut => ({
  report_id: reportId,
  metric,
  value,
  qualifier,
  locator,
  note,
  derived,
});

/**
 * generated/downloads/agencies/<id>.json: the agency, its reports each with every figure (stated and derived),
 * and its warnings. Written once, read by readers and by the agency's figures page and CSV download.
 */
export const agencyDownloadOut = z.object({
  agency: agencyRecordOut,
  columns: z.tuple([
    z.literal('metric'),
    z.literal('value'),
    z.literal('qualifier'),
    z.literal('derived'),
    z.literal('locator'),
    z.literal('note'),
  ]),
  reports: z.array(reportOut.extend({ figures: z.array(figureCells) })),
  warnings: z.array(warningOut),
});
export type AgencyDownload = z.infer<typeof agencyDownloadOut>;
