/**
 * A synthetic national dataset in the curated CSV format, for benchmarks: agencies spread over the provinces
 * and levels, one report per agency-year with every table cell of its template (reference §2–§5), counts
 * drawn from log-normal distributions scaled by level, outcome tables that satisfy the 勾稽 rules except in a
 * small share of reports, missing cells and years, and approximate narrative headlines.
 *
 * Pure and seeded: the same options give the same lines, in whatever order the files are read. Lines come
 * from generators so that millions of figure rows never have to sit in memory at once.
 */
import { allDivisions, type Division } from '../../src/lib/core/divisions.ts';
import { reportIdFor } from '../../src/lib/core/ids.ts';
import { COLUMNS, LEVELS, type Level } from '../../src/lib/core/schema.ts';
import { SECTORS, type Sector } from '../../src/lib/core/sectors.ts';

export interface SyntheticOptions {
  agencies: number;
  years: number;
  seed: number;
  /** Newest year covered; the oldest is lastYear - years + 1 (years before 2019 get narrative pre2019 reports). */
  lastYear: number;
}

export interface SyntheticAgency {
  id: string;
  index: number;
  level: Level;
  sector: Sector;
  /** The real division the id starts with (synthetic agencies sit in real places, so ids pass the checks). */
  division: Division;
  name_zh: string;
  name_en: string;
  /** Years with a report (some agencies miss years or start late). */
  years: number[];
}

// ---------------------------------------------------------------------------------------------------------
// Random numbers: a small seeded generator, one independent stream per agency and purpose.

/** mulberry32: fast, 32-bit state, good enough for test data. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes the run seed with a stream number so neighbouring agencies get unrelated streams. */
function streamSeed(seed: number, stream: number, purpose: number): number {
  let h = Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(stream + 1, 0xc2b2ae35) ^ Math.imul(purpose + 7, 0x27d4eb2f);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  return h >>> 0;
}

class Random {
  readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  normal(): number {
    return Math.sqrt(-2 * Math.log(1 - this.next())) * Math.cos(2 * Math.PI * this.next());
  }
  /** A count around `median`, log-normally spread (many small agencies, a few very large ones). */
  logNormal(median: number, sigma = 1): number {
    return Math.round(median * Math.exp(sigma * this.normal()));
  }
  /** Small counts (appeals): Poisson by inversion, fine for means up to a few dozen. */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    for (let p = this.next(); p > limit; p *= this.next()) k++;
    return k;
  }
}

const PURPOSE = { agency: 1, years: 2, figures: 3 } as const;

// ---------------------------------------------------------------------------------------------------------
// Agencies and reports.

/** Rough share of China's agencies by province (counties per province), so big provinces get more bodies. */
const PROVINCE_WEIGHT: Record<string, number> = {
  '11': 16, '12': 16, '13': 167, '14': 117, '15': 103, '21': 100, '22': 60, '23': 121, '31': 16, '32': 95, '33': 90,
  '34': 104, '35': 84, '36': 100, '37': 136, '41': 157, '42': 103, '43': 122, '44': 122, '45': 111, '46': 25, '50': 38,
  '51': 183, '52': 88, '53': 129, '54': 74, '61': 107, '62': 86, '63': 44, '64': 22, '65': 107,
}; // prettier-ignore

/** Share of agencies per level (the rest are county-level). */
const LEVEL_SHARE = { national: 0.005, province: 0.03, prefecture: 0.15 } as const;

/** Governments publish the most reports; the other listed sectors share the rest evenly. */
const SECTOR_WEIGHT = SECTORS.filter((s) => s.code !== null).map((s) => ({ sector: s, weight: s.key === 'government' ? 6 : 1 }));

const FIRST_TABLE_YEAR = 2019;

/**
 * Agencies in real places (the id's division code must exist), of every listed sector, with a -<n> suffix when
 * a place already has a body of that sector. Names are marked 合成 / synthetic so they are never taken as real.
 */
export function syntheticAgencies(options: SyntheticOptions): SyntheticAgency[] {
  const byLevel = new Map<Level, Division[]>(LEVELS.map((l) => [l, allDivisions().filter((d) => d.level === l)]));
  const weighted = (list: readonly Division[]) => {
    const weights = list.map((d) => PROVINCE_WEIGHT[d.code.slice(0, 2)] ?? 50);
    const total = weights.reduce((a, b) => a + b, 0);
    return (r: Random) => {
      let x = r.next() * total;
      for (const [i, w] of weights.entries()) {
        x -= w;
        if (x < 0) return list[i] ?? list[0];
      }
      return list.at(-1);
    };
  };
  const pickers = new Map(LEVELS.map((l) => [l, weighted(byLevel.get(l) ?? [])]));
  const sectorTotal = SECTOR_WEIGHT.reduce((a, b) => a + b.weight, 0);
  const pickSector = (r: Random) => {
    let x = r.next() * sectorTotal;
    for (const s of SECTOR_WEIGHT) {
      x -= s.weight;
      if (x < 0) return s.sector;
    }
    return SECTOR_WEIGHT[0]?.sector ?? SECTORS[0];
  };
  const used = new Set<string>();
  const agencies: SyntheticAgency[] = [];
  for (let index = 0; index < options.agencies; index++) {
    const r = new Random(streamSeed(options.seed, index, PURPOSE.agency));
    const share = index / options.agencies;
    const level: Level =
      share < LEVEL_SHARE.national
        ? 'national'
        : share < LEVEL_SHARE.national + LEVEL_SHARE.province
          ? 'province'
          : share < LEVEL_SHARE.national + LEVEL_SHARE.province + LEVEL_SHARE.prefecture
            ? 'prefecture'
            : 'county';
    let id = '';
    let division: Division | undefined;
    let sector: (typeof SECTORS)[number] = SECTORS[0];
    for (let attempt = 0; id === '' && attempt < 100; attempt++) {
      division = pickers.get(level)?.(r);
      sector = pickSector(r);
      const base = `${division?.code ?? ''}-${sector.code ?? ''}`;
      for (let n = 1; n < 100 && id === ''; n++) {
        const candidate = n === 1 ? base : `${base}-${n}`;
        if (!used.has(candidate)) id = candidate;
      }
    }
    if (!division || id === '') throw new Error(`no free agency id for synthetic agency ${index}`);
    used.add(id);
    agencies.push({
      id,
      index,
      level,
      sector: sector.key,
      division,
      name_zh: `${division.name}${sector.zh}(合成${index})`,
      name_en: `Synthetic ${sector.en} body ${index} (${division.code})`,
      years: reportYears(options, index),
    });
  }
  return agencies;
}

/** About one agency in ten starts late; each later year is missing with a small probability. */
function reportYears(options: SyntheticOptions, index: number): number[] {
  const r = new Random(streamSeed(options.seed, index, PURPOSE.years));
  const first = options.lastYear - options.years + 1;
  const start = r.chance(0.1) ? first + 1 + r.int(Math.max(1, options.years - 1)) : first;
  const years: number[] = [];
  for (let y = start; y <= options.lastYear; y++) if (!r.chance(0.04)) years.push(y);
  return years.length > 0 ? years : [options.lastYear];
}

/** Governments publish whole-jurisdiction reports; departments their own. */
const syntheticScope = (a: SyntheticAgency) => (a.sector === 'government' ? 'system' : 'agency');

const templateOf = (year: number) => (year >= 2021 ? 'gov2021' : year >= FIRST_TABLE_YEAR ? 'gov2019' : 'pre2019');

export function* agencyLines(agencies: readonly SyntheticAgency[]): Generator<string> {
  yield COLUMNS.agencies.join(',');
  for (const a of agencies) {
    yield [
      a.id,
      a.name_zh,
      a.name_en,
      a.level,
      a.sector,
      a.division.province,
      a.division.prefecture,
      '',
      `https://${a.id}.example.gov.cn/`,
    ].join(',');
  }
}

export function* reportLines(agencies: readonly SyntheticAgency[]): Generator<string> {
  yield COLUMNS.reports.join(',');
  for (const a of agencies) {
    for (const year of a.years) {
      const day = String(10 + (a.index % 19)).padStart(2, '0');
      // Some publish after the deadline.
      const scope = syntheticScope(a);
      const month = a.index % 7 === 0 ? '04' : '01';
      yield [
        reportIdFor(a.id, year, scope),
        a.id,
        year,
        templateOf(year),
        `https://${a.id}.example.gov.cn/ndbg/${year}.html`,
        'yes',
        scope,
        `${year + 1}-${month}-${day}`,
        'synthetic',
      ].join(',');
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Figures.

const APPLICANTS = [
  { key: 'natural_person', zh: '自然人', share: 0.85 },
  { key: 'org_commercial', zh: '商业企业', share: 0.08 },
  { key: 'org_research', zh: '科研机构', share: 0.005 },
  { key: 'org_public_interest', zh: '社会公益组织', share: 0.005 },
  { key: 'org_legal_services', zh: '法律服务机构', share: 0.03 },
  { key: 'org_other', zh: '其他', share: 0.03 },
] as const;

const OUTCOMES_COMMON = [
  { key: 'disclosed', row: '三(一)', share: 0.45 },
  { key: 'partial', row: '三(二)', share: 0.08 },
  { key: 'withheld.state_secret', row: '三(三)1', share: 0.002 },
  { key: 'withheld.law_prohibited', row: '三(三)2', share: 0.004 },
  { key: 'withheld.security_stability', row: '三(三)3', share: 0.002 },
  { key: 'withheld.third_party', row: '三(三)4', share: 0.02 },
  { key: 'withheld.internal_affairs', row: '三(三)5', share: 0.01 },
  { key: 'withheld.process_info', row: '三(三)6', share: 0.01 },
  { key: 'withheld.enforcement_file', row: '三(三)7', share: 0.004 },
  { key: 'withheld.admin_query', row: '三(三)8', share: 0.004 },
  { key: 'unable.not_held', row: '三(四)1', share: 0.2 },
  { key: 'unable.needs_creation', row: '三(四)2', share: 0.03 },
  { key: 'unable.unclear', row: '三(四)3', share: 0.02 },
  { key: 'not_processed.petition_complaint', row: '三(五)1', share: 0.04 },
  { key: 'not_processed.repeat', row: '三(五)2', share: 0.03 },
  { key: 'not_processed.publication', row: '三(五)3', share: 0.005 },
  { key: 'not_processed.excessive', row: '三(五)4', share: 0.005 },
  { key: 'not_processed.confirm_reissue', row: '三(五)5', share: 0.01 },
];
const OUTCOMES_2021 = [
  ...OUTCOMES_COMMON,
  { key: 'other.no_correction', row: '三(六)1', share: 0.02 },
  { key: 'other.fee_unpaid', row: '三(六)2', share: 0.002 },
  { key: 'other.other', row: '三(六)3', share: 0.03 },
];
const OUTCOMES_2019 = [...OUTCOMES_COMMON, { key: 'other_2019', row: '三(六)', share: 0.052 }];

const APPEAL_BLOCKS = [
  { key: 'review', zh: '行政复议' },
  { key: 'litigation_direct', zh: '未经复议直接起诉' },
  { key: 'litigation_after_review', zh: '复议后起诉' },
] as const;

/** Medians by level. */
const SCALE: Record<Level, number> = { national: 30, province: 12, prefecture: 5, county: 1 };

/** Share of reports with a deliberate arithmetic error, and of cells left blank. */
const RATES = { tableError: 0.03, appealError: 0.01, carryOverBreak: 0.03, narrativeMismatch: 0.03, blankCell: 0.01, blankTable: 0.04 };

interface Figure {
  metric: string;
  value: number | string;
  qualifier?: 'at_least' | 'about';
  locator: string;
}

/** Split `total` into parts with the given shares; the parts add up to `total` exactly. */
function split(r: Random, total: number, shares: readonly number[]): number[] {
  const sum = shares.reduce((a, b) => a + b, 0);
  const parts = shares.map((s) => Math.floor((total * s * (0.6 + 0.8 * r.next())) / sum));
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (let i = 0; rest !== 0; i = (i + 1) % parts.length) {
    const step = rest > 0 ? 1 : -1;
    if ((parts[i] ?? 0) + step >= 0) {
      parts[i] = (parts[i] ?? 0) + step;
      rest -= step;
    }
  }
  return parts;
}

/** Round to two significant digits, as narrative approximations do (2,345 → 2,300 "余"). */
const roughly = (n: number) => {
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, n))) - 1);
  return Math.floor(n / magnitude) * magnitude;
};

function narrative(r: Random, level: Level, requestsNew: number, carriedIn: number, template: string): Figure[] {
  const s = SCALE[level];
  const out: Figure[] = [];
  const proactive = r.logNormal(300 * s);
  const approximate = r.chance(0.3);
  out.push({
    metric: 'proactive.total',
    value: approximate ? roughly(proactive) : proactive,
    ...(approximate ? { qualifier: r.chance(0.75) ? 'at_least' : 'about' } : {}),
    locator: '一(一) narrative',
  });
  if (r.chance(0.5)) {
    out.push({ metric: 'proactive.website', value: Math.round(proactive * 0.7), locator: '一(一) narrative' });
    out.push({ metric: 'proactive.wechat', value: r.logNormal(80 * s), locator: '一(一) narrative' });
  }
  if (template === 'pre2019') {
    out.push({ metric: 'requests.new.total', value: requestsNew, locator: '二 narrative' });
    out.push({ metric: 'appeals.review.total', value: r.poisson(0.3 * s), locator: '四 narrative' });
    out.push({ metric: 'fees.legacy.amount_yuan', value: 0, locator: '三 narrative' });
    return out;
  }
  if (r.chance(0.8)) {
    // Some overviews count the carried-over requests too (R5 accepts both); a few state another number.
    const stated = requestsNew + (r.chance(0.2) ? carriedIn : 0) + (r.chance(RATES.narrativeMismatch) ? 1 + r.int(5) : 0);
    out.push({ metric: 'requests.narrative.total', value: stated, locator: '一(二) narrative' });
  }
  out.push({ metric: 'fees.info_processing.collected_yuan', value: r.chance(0.95) ? 0 : r.logNormal(200), locator: '六 narrative' });
  return out;
}

function section2(r: Random, level: Level, template: string): Figure[] {
  const s = SCALE[level];
  const out: Figure[] = [];
  const rulesPossible = level !== 'county' || r.chance(0.01); // the L flag: a county with 规章 is a copying error
  const rules = () => (rulesPossible ? r.poisson(0.3 * s) : 0);
  const blank = () => r.chance(RATES.blankTable);
  if (template === 'gov2021') {
    for (const [row, zh, issued, repealed, inForce] of [
      ['rules', '规章', rules(), rules(), rulesPossible ? r.poisson(2 * s) : 0],
      ['normative_docs', '行政规范性文件', r.poisson(1.5 * s), r.poisson(0.5 * s), r.logNormal(10 * s)],
    ] as const) {
      if (blank()) continue;
      out.push({ metric: `proactive.art20_1.${row}.issued`, value: issued, locator: `表二 20(1) ${zh} 本年制发` });
      out.push({ metric: `proactive.art20_1.${row}.repealed`, value: repealed, locator: `表二 20(1) ${zh} 本年废止` });
      out.push({ metric: `proactive.art20_1.${row}.in_force`, value: inForce, locator: `表二 20(1) ${zh} 现行有效` });
    }
    const fees = r.next() * 40 * s;
    if (!blank())
      out.push({ metric: 'proactive.art20_8.admin_fees.amount_wan_yuan', value: fees.toFixed(6), locator: '表二 20(8) 行政事业性收费' });
  } else {
    for (const [row, zh] of [
      ['rules', '规章'],
      ['normative_docs', '规范性文件'],
    ] as const) {
      if (blank()) continue;
      const made = row === 'rules' ? rules() : r.poisson(1.5 * s);
      out.push({ metric: `proactive2019.art20_1.${row}.new_made`, value: made, locator: `表二 20(1) ${zh} 本年新制作` });
      out.push({ metric: `proactive2019.art20_1.${row}.new_published`, value: made, locator: `表二 20(1) ${zh} 本年新公开` });
      out.push({
        metric: `proactive2019.art20_1.${row}.total_published`,
        value: made + r.logNormal(10 * s),
        locator: `表二 20(1) ${zh} 对外公开总数`,
      });
    }
    for (const [prefix, zh] of [
      ['proactive2019.art20_5.licensing', '行政许可'],
      ['proactive2019.art20_5.other_services', '其他对外管理服务事项'],
      ['proactive2019.art20_6.penalty', '行政处罚'],
      ['proactive2019.art20_6.coercion', '行政强制'],
      ['proactive2019.art20_8.admin_fees', '行政事业性收费'],
    ] as const) {
      if (blank()) continue;
      out.push({ metric: `${prefix}.items_prev`, value: r.logNormal(20 * s), locator: `表二 ${zh} 上一年项目数量` });
      out.push({ metric: `${prefix}.items_change`, value: r.int(11) - 5, locator: `表二 ${zh} 本年增/减` });
      if (prefix.endsWith('other_services')) {
        out.push({ metric: `${prefix}.decisions`, value: r.logNormal(100 * s), locator: `表二 ${zh} 处理决定数量` });
      }
    }
    if (!blank()) {
      out.push({
        metric: 'proactive2019.art20_9.central_procurement.projects',
        value: r.poisson(3 * s),
        locator: '表二 20(9) 采购项目数量',
      });
      out.push({
        metric: 'proactive2019.art20_9.central_procurement.amount',
        value: r.logNormal(2000 * s),
        locator: '表二 20(9) 采购总金额',
      });
    }
  }
  for (const [metric, zh, median] of [
    ['proactive.art20_5.licensing.decisions', '20(5) 行政许可', 800],
    ['proactive.art20_6.penalty.decisions', '20(6) 行政处罚', 500],
    ['proactive.art20_6.coercion.decisions', '20(6) 行政强制', 10],
  ] as const) {
    if (!blank()) out.push({ metric, value: r.logNormal(median * s, 1.2), locator: `表二 ${zh} 处理决定数量` });
  }
  return out;
}

/**
 * The requests table (section 三): rows × applicant columns, consistent with R1–R3 by construction; this
 * year's carried-in equals last year's carried-out (R4) except in a small share of reports.
 */
function section3(
  r: Random,
  template: string,
  requestsNew: number,
  carriedIn: readonly number[],
): { figures: Figure[]; carriedOut: number[] } {
  const outcomes = template === 'gov2021' ? OUTCOMES_2021 : OUTCOMES_2019;
  const table = new Map<string, number[]>();
  const newByColumn = split(
    r,
    requestsNew,
    APPLICANTS.map((a) => a.share),
  );
  const carriedOut = newByColumn.map((n, c) => Math.round((n + (carriedIn[c] ?? 0)) * 0.05 * r.next()));
  table.set('new', newByColumn);
  table.set('carried_in', [...carriedIn]);
  const outcomeColumns = newByColumn.map((n, c) =>
    split(
      r,
      n + (carriedIn[c] ?? 0) - (carriedOut[c] ?? 0),
      outcomes.map((o) => o.share),
    ),
  );
  outcomes.forEach((o, i) =>
    table.set(
      `outcome.${o.key}`,
      outcomeColumns.map((column) => column[i] ?? 0),
    ),
  );
  table.set(
    'outcome.total',
    outcomeColumns.map((column) => column.reduce((a, b) => a + b, 0)),
  );
  table.set('carried_out', carriedOut);

  const rowLabel = new Map<string, string>([
    ['new', '一'],
    ['carried_in', '二'],
    ...outcomes.map((o): [string, string] => [`outcome.${o.key}`, o.row]),
    ['outcome.total', '三(七)'],
    ['carried_out', '四'],
  ]);
  const figures: Figure[] = [];
  for (const [row, values] of table) {
    const cells = [...values, values.reduce((a, b) => a + b, 0)];
    cells.forEach((value, c) => {
      if (r.chance(RATES.blankCell)) return;
      const column = APPLICANTS[c]?.key ?? 'total';
      figures.push({
        metric: `requests.${row}.${column}`,
        value,
        locator: `表三 row ${rowLabel.get(row) ?? row} col ${APPLICANTS[c]?.zh ?? '总计'}`,
      });
    });
  }
  if (r.chance(RATES.tableError)) {
    const victim = figures[r.int(figures.length)];
    if (victim && typeof victim.value === 'number') victim.value += 1 + r.int(3);
  }
  return { figures, carriedOut };
}

function section4(r: Random, level: Level): Figure[] {
  const s = SCALE[level];
  const out: Figure[] = [];
  for (const block of APPEAL_BLOCKS) {
    const parts = ['upheld', 'corrected', 'other', 'pending'].map((part) => ({
      part,
      value: r.poisson((part === 'upheld' ? 0.4 : 0.1) * s),
    }));
    let total = parts.reduce((a, p) => a + p.value, 0);
    if (r.chance(RATES.appealError)) total += 1;
    for (const p of parts) out.push({ metric: `appeals.${block.key}.${p.part}`, value: p.value, locator: `表四 ${block.zh} ${p.part}` });
    out.push({ metric: `appeals.${block.key}.total`, value: total, locator: `表四 ${block.zh} 总计` });
  }
  return out;
}

/** Figure rows (CSV lines) of every report of one agency, oldest year first. */
export function agencyFigures(options: SyntheticOptions, agency: SyntheticAgency): string[] {
  const r = new Random(streamSeed(options.seed, agency.index, PURPOSE.figures));
  const lines: string[] = [];
  // Each agency has its own typical demand; years vary around it.
  const demand = r.logNormal(8 * SCALE[agency.level], 1.1);
  let carriedOut: number[] = APPLICANTS.map(() => 0);
  let previousYear = -1;
  for (const year of agency.years) {
    const template = templateOf(year);
    const requestsNew = Math.max(0, r.logNormal(Math.max(1, demand), 0.4));
    const carriedIn = previousYear === year - 1 && !r.chance(RATES.carryOverBreak) ? carriedOut : APPLICANTS.map(() => r.poisson(0.2));
    const figures = narrative(
      r,
      agency.level,
      requestsNew,
      carriedIn.reduce((a, b) => a + b, 0),
      template,
    );
    if (template !== 'pre2019') {
      const requests = section3(r, template, requestsNew, carriedIn);
      carriedOut = requests.carriedOut;
      figures.push(...section2(r, agency.level, template), ...requests.figures, ...section4(r, agency.level));
    }
    previousYear = year;
    const reportId = reportIdFor(agency.id, year, syntheticScope(agency));
    for (const f of figures) lines.push(`${reportId},${f.metric},${f.value},${f.qualifier ?? ''},${f.locator},`);
  }
  return lines;
}

/** `onAgency` is told how many agencies are done, for a progress line. */
export function* figureLines(
  options: SyntheticOptions,
  agencies: readonly SyntheticAgency[],
  onAgency: (done: number) => void = () => {},
): Generator<string> {
  yield COLUMNS.figures.join(',');
  for (const [i, agency] of agencies.entries()) {
    yield* agencyFigures(options, agency);
    onAgency(i + 1);
  }
}
