/**
 * Which report a page is: the agency (from the title, then the 来源/发布机构 field, then the body, as in
 * reference §11), the year the figures cover (title, then statistics period, never the URL: T7, T17) and the
 * template (from the labels, not the year: §0).
 */
import { agencyRow, COLUMNS, type Template } from '../core/schema.ts';
import { readTable } from '../pipeline/tables.ts';

export interface AgencyRef {
  id: string;
  name_zh: string;
  aliases: readonly string[];
}

/** The agencies of data/agencies.csv (its text), as the matcher needs them; invalid rows are skipped. */
export function agencyRefs(csv: string): AgencyRef[] {
  return readTable('agencies.csv', csv, COLUMNS.agencies, agencyRow).rows.map(({ value }) => ({
    id: value.id,
    name_zh: value.name_zh,
    aliases: value.aliases,
  }));
}

const AGENCY_SUFFIX = /(局|委员会|委|厅|部|办公室|中心)$/;
const REPORT_WORDS = /(?:政府|政务)?(?:信息公开|政务公开)[\u4e00-\u9fff]{0,8}?(?:年度报告|年报|工作报告|报告|工作总结)/;
const YEAR = /((?:19|20)\d{2})\s*年度?/;

/** A document the report cites (《…关于…的通知》, 《…条例》): its title is not the report's. */
export const CITED_DOCUMENT = /《[^》]{0,120}?(?:关于|通知|意见|办法|规定|条例|格式|细则|要点|方案)[^》]{0,60}》/g;

export interface Title {
  /** The words the title prints before its year and report words (usually the agency), or null (T20). */
  name: string | null;
  year: number | null;
}

/**
 * The report title: a line near the top that names a disclosure report, preferring one with a year (site
 * banners and breadcrumbs also say 信息公开年报). Titles printed on two lines keep the name on the first.
 */
export function findTitle(lines: readonly string[]): Title | null {
  const head = lines
    .map((l) => l.replace(/\s+/g, '').replace(CITED_DOCUMENT, '《》'))
    .filter((l) => l !== '')
    .slice(0, 30);
  const titles = head.flatMap((line, i): Title[] => {
    const report = REPORT_WORDS.exec(line);
    if (!report || line.includes('>')) return [];
    const year = YEAR.exec(line);
    // NAME YEAR 年 … report, or YEAR 年 NAME … report; a line that is a sentence keeps only its last phrase.
    const phrase =
      line
        .slice(0, report.index)
        .split(/[,。:;《》、|【】]/)
        .at(-1) ?? '';
    const name = phrase.replace(YEAR, '').replace(/^(现公布|现将|公布|关于|发布)/, '');
    const previous = head[i - 1] ?? '';
    const nameAbove = /^[\u4e00-\u9fff()]{3,30}$/.test(previous) && AGENCY_SUFFIX.test(previous) ? previous : null;
    return [
      {
        name: name.length >= 2 ? name : nameAbove,
        year: year?.[1] && line.indexOf(year[0]) < report.index + report[0].length ? Number(year[1]) : null,
      },
    ];
  });
  return titles.find((t) => t.year !== null) ?? titles[0] ?? null;
}

export interface YearResult {
  year: number | null;
  warnings: string[];
}

/** The statistics period's first year; the sentence often lost its 年/月 characters (T7), so only 4 digits. */
function periodYear(text: string): number | null {
  for (const sentence of text.split(/[。\n]/)) {
    if (!/统计|数据|起止/.test(sentence)) continue;
    const m = /(?:自|从|为|期限|时间|期|起止)\s*((?:19|20)\d{2})/.exec(sentence) ?? /((?:19|20)\d{2})年1月1日/.exec(sentence);
    if (m?.[1]) return Number(m[1]);
  }
  return null;
}

export function detectYear(text: string, title: Title | null): YearResult {
  const period = periodYear(text);
  const titled = title?.year ?? null;
  if (titled !== null) {
    const warnings =
      period !== null && period !== titled
        ? [`the title says ${titled} but the statistics period starts in ${period}; took ${titled}`]
        : [];
    return { year: titled, warnings };
  }
  if (period !== null) return { year: period, warnings: ['no year in the title; took the statistics period'] };
  const guess = /((?:19|20)\d{2})年/.exec(text.slice(0, 400));
  if (guess?.[1])
    return {
      year: Number(guess[1]),
      warnings: [`no title year or statistics period; ${guess[1]} is the first year in the text, check it`],
    };
  return { year: null, warnings: ['no year found in the title or the statistics period'] };
}

const MARKERS_2021 = /本年制发件数|本年新?制发数量|本年收费金额|逾期不补正|〔2021〕30号|\[2021\]30号/;
const MARKERS_2019 = /本年新制作数量|上一年项目数量|第二十条第\(九\)项|政府集中采购|〔2019〕60号|\[2019\]60号|格式\(试行\)/;

export function detectTemplate(text: string, year: number | null): { template: Template; inferred: boolean } {
  const compact = text.replace(/\s+/g, '');
  if (MARKERS_2021.test(compact)) return { template: 'gov2021', inferred: false };
  if (MARKERS_2019.test(compact)) return { template: 'gov2019', inferred: false };
  if (year !== null && year <= 2018) return { template: 'pre2019', inferred: true };
  if (year !== null && /收到和处理政府信息公开申请情况/.test(compact))
    return { template: year >= 2021 ? 'gov2021' : 'gov2019', inferred: true };
  return { template: 'unknown', inferred: false };
}

// ---------------------------------------------------------------------------------------------------------
// Matching a printed name to data/agencies.csv.

const SECTOR = /(城乡)?(交通运输|交通|建设与交通|建设和交通)(局|委员会|委|厅|部)$/;
const UNIT = /.+?(?:自治区|自治州|自治县|特别行政区|省|市|地区|州|盟|县|区|旗)/g;

/** The most specific place in an agency name, without its 市/区/县 suffix when two characters remain. */
function placeCore(name: string): string | null {
  const units = name.replace(SECTOR, '').match(UNIT);
  const last = units?.at(-1);
  if (!last) return null;
  const core = last.replace(/(自治区|自治州|自治县|特别行政区|省|市|地区|州|盟|县|区|旗)$/, '');
  return core.length >= 2 ? core : last;
}

export interface AgencyMatch {
  id: string;
  /** How sure the match is: printed name (exact), or place name in the body (inferred). */
  how: 'exact' | 'inferred';
}

function byName(name: string, text: string, agencies: readonly AgencyRef[]): AgencyMatch | null {
  const endsWithName = (a: AgencyRef) => [a.name_zh, ...a.aliases].some((n) => n.endsWith(name));
  // 市交通运输局, 区交通运输局, 交通局, 市政府办公厅: a name without a place fits many agencies, whatever aliases say.
  const generic = name.replace(SECTOR, '').length <= 1 || /^[省市区县州旗盟]/.test(name);
  let pool: AgencyRef[];
  if (generic) {
    pool = agencies.filter(endsWithName);
  } else {
    const strong = agencies.filter((a) => a.name_zh === name || a.aliases.includes(name) || name.endsWith(a.name_zh));
    pool = strong.length > 0 ? strong : agencies.filter(endsWithName);
    if (pool.length === 1 && pool[0]) return { id: pool[0].id, how: 'exact' };
  }
  // Keep the agencies of the same kind of area (市/区/县) whose place the page names.
  const kind = /^[市区县州旗]/.exec(name)?.[0];
  const located = pool.filter((a) => {
    const core = placeCore(a.name_zh);
    if (core === null || !text.includes(core)) return false;
    return kind === undefined || (a.name_zh.replace(SECTOR, '').match(UNIT)?.at(-1) ?? '').endsWith(kind);
  });
  if (located.length === 1 && located[0]) return { id: located[0].id, how: 'inferred' };
  return null;
}

/**
 * Resolve the agency: each printed name in order (title, then metadata), then the full names of known
 * agencies found in the body. Returns null when nothing identifies exactly one agency.
 */
export function matchAgency(names: readonly string[], text: string, agencies: readonly AgencyRef[]): AgencyMatch | null {
  for (const name of names) {
    const match = byName(name, text, agencies);
    if (match) return match;
  }
  const byFullName = agencies
    .map((a) => ({ a, n: text.split(a.name_zh).length - 1 }))
    .filter((x) => x.n > 0)
    .sort((x, y) => y.n - x.n);
  const [first, second] = byFullName;
  if (first && (!second || second.n < first.n)) return { id: first.a.id, how: 'inferred' };
  // Last resort (T20): the page names the bureau by place only, e.g. 沙坪坝区交通运输委. Take the one agency
  // whose place is named that way, preferring the most specific (a county over its province).
  const depth = (a: AgencyRef) => a.name_zh.replace(SECTOR, '').match(UNIT)?.length ?? 0;
  const placed = agencies.filter((a) => {
    const core = placeCore(a.name_zh);
    // Names such as 苏州高新区(虎丘区)… carry brackets: the place is matched as text, not as a pattern.
    return core !== null && core.length >= 2 && new RegExp(`${escapeRegExp(core)}(市|区|县|旗)?(城乡)?交通`).test(text);
  });
  const deepest = Math.max(0, ...placed.map(depth));
  const best = placed.filter((a) => depth(a) === deepest);
  return best.length === 1 && best[0] ? { id: best[0].id, how: 'inferred' } : null;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
