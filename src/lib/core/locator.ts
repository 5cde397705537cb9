/**
 * Where in its report a figure is, for readers. Curators write locators in a compact form (`一(二) narrative`,
 * `表三 row 一 col 总计`, `表二 20(1) 规章`, README "Data format"); this reads that form once and says it in
 * the reader's language: "正文第一部分（二）" / "text, part 1 (2)", "表三第一行“总计”列" / "Table 3, row 1,
 * column “total”", "表二第二十条第（一）项“规章”" / "Table 2, Art. 20(1), rules". A locator this does not
 * understand is shown as written (parseLocator says so, and a unit test keeps every bundled locator readable).
 */
import type { Lang } from './format.ts';

const NUMERALS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** 一 → 1, 十一 → 11, 二十 → 20; a string of digits stays itself; null if neither. */
export function chineseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const m = /^([一二三四五六七八九]?)(十?)([一二三四五六七八九]?)$/.exec(text);
  if (!m || text === '') return null;
  const [, tens, ten, units] = m;
  if (!ten) return tens && !units ? NUMERALS.indexOf(tens) : null;
  return (tens ? NUMERALS.indexOf(tens) : 1) * 10 + (units ? NUMERALS.indexOf(units) : 0);
}

/** A section path such as 一(二)1(3): the part, the item in brackets, the point, and the point's own sub-point. */
interface Section {
  part: string;
  item?: string;
  point?: string;
  subpoint?: string;
}

export type Locator =
  | {
      kind: 'text';
      section: Section;
      topic?: string;
      withTable: boolean;
      prose: boolean;
      /** A line of the text ("依申请公开 narrative line"), or a row of a table in the text comparing years. */
      line?: boolean;
      yearRow?: { year: string; column?: string };
    }
  | { kind: 'form_note'; label: string }
  | { kind: 'section_table'; section: Section; table: string }
  /** A row of a table the report names and numbers itself, as older reports' appended 统计表: "统计表 一(二)2". */
  | { kind: 'named_table_row'; table: string; section: Section }
  | { kind: 'requests_table'; table: string; row: string; column: string }
  | { kind: 'art20_table'; table: string; article: string; item?: string; detail?: string }
  | { kind: 'unknown'; raw: string };

const SECTION = /^([一二三四五六七八九十]+)?(?:\(([一二三四五六七八九十]+|\d+)\))?(?:\.?(\d+)(?:\((\d+)\))?)?$/;

function section(text: string): Section | null {
  const m = SECTION.exec(text);
  if (!m || (!m[1] && !m[2])) return null;
  return {
    part: m[1] ?? '',
    ...(m[2] ? { item: m[2] } : {}),
    ...(m[3] ? { point: m[3] } : {}),
    ...(m[4] ? { subpoint: m[4] } : {}),
  };
}

/**
 * The freer forms curators also use for text: "一 item 2 narrative" (or "item 二"), "一 narrative (二是)", "概述 narrative",
 * "preamble narrative", "依申请公开 narrative line", "一(二) narrative table (year comparison) row 2023 总数".
 */
function looseText(text: string): Locator | null {
  if (!/\b(narrative|line)\b/.test(text)) return null;
  let rest = text;
  const take = (pattern: RegExp) => {
    const m = pattern.exec(rest);
    if (m) rest = rest.replace(m[0], ' ');
    return m;
  };
  const yearRow = take(/\bnarrative table \(year comparison\) row (\d{4})(?: (\S+))?/);
  const item = take(/\bitem (\d+|[一二三四五六七八九十]+)(?![^\s])/);
  const ordinal = take(/\(([一二三四五六七八九十]+)是\)/);
  const line = take(/\bline\b/);
  const prose = take(/\bnarrative\b/);
  const words = rest.trim().split(/\s+/).filter(Boolean);
  const found = words[0] ? section(words[0]) : null;
  const topic = (found ? words.slice(1) : words).join(' ');
  if (/[A-Za-z]/.test(topic.replace(/^preamble$/, ''))) return null;
  const numeral = item?.[1] ?? ordinal?.[1];
  const point = numeral ? String(chineseNumber(numeral)) : undefined;
  return {
    kind: 'text',
    section: { ...(found ?? { part: '' }), ...(point ? { point } : {}) },
    ...(topic ? { topic } : {}),
    withTable: false,
    prose: Boolean(prose) || Boolean(yearRow),
    ...(line ? { line: true } : {}),
    ...(yearRow?.[1] ? { yearRow: { year: yearRow[1], ...(yearRow[2] ? { column: yearRow[2] } : {}) } } : {}),
  };
}

export function parseLocator(raw: string): Locator {
  const text = raw.trim().replace(/\s+/g, ' ');
  let m = /^(表[一二三四五六七八九十]+) row (\S+) col (\S+)$/.exec(text);
  if (m?.[1] && m[2] && m[3]) return { kind: 'requests_table', table: m[1], row: m[2], column: m[3] };
  m = /^(表[一二三四五六七八九十]+) (\d+\([一二三四五六七八九十\d]+\))(?: (\S+))?(?: (.+))?$/.exec(text);
  if (m?.[1] && m[2])
    return { kind: 'art20_table', table: m[1], article: m[2], ...(m[3] ? { item: m[3] } : {}), ...(m[4] ? { detail: m[4] } : {}) };
  m = /^(\S+)(?: (\d+)\.?)?(?: (\S+))? narrative( and table)?$/.exec(text);
  if (m?.[1]) {
    const s = section(m[1]);
    if (s) {
      const point = m[2] ?? s.point;
      return {
        kind: 'text',
        section: { ...s, ...(point ? { point } : {}) },
        ...(m[3] ? { topic: m[3] } : {}),
        withTable: Boolean(m[4]),
        prose: true,
      };
    }
  }
  // A bare section (一(一)): where in the report, without saying whether in its text or a table.
  const bare = section(text);
  if (bare) return { kind: 'text', section: bare, withTable: false, prose: false };
  m = /^(\S+) table (.+)$/.exec(text);
  if (m?.[1] && m[2]) {
    const s = section(m[1]);
    if (s) return { kind: 'section_table', section: s, table: m[2] };
  }
  m = /^(统计表|附表) (\S+)$/.exec(text);
  if (m?.[1] && m[2]) {
    const s = section(m[2]);
    if (s) return { kind: 'named_table_row', table: m[1], section: s };
  }
  m = /^备注 \(form\) (.+)$/.exec(text);
  if (m?.[1]) return { kind: 'form_note', label: m[1] };
  return looseText(text) ?? { kind: 'unknown', raw: text };
}

/** Names of the Chinese labels the templates print, in English (report-format.md §2–§3). */
const GLOSSARY: Record<string, string> = {
  概况: 'overview',
  概述: 'overview',
  preamble: 'opening',
  依申请公开: 'disclosure on request',
  '咨询投诉、行政复议和诉讼': 'enquiries, complaints, administrative review and litigation',
  本年度新增: 'added this year',
  总数: 'total',
  '本年增/减': 'change in the year',
  上一年项目数量: 'previous year’s count',
  处理决定数量: 'decisions',
  现行有效: 'in force',
  本年新制作: 'newly made this year',
  本年新制作数量: 'newly made this year',
  本年新公开: 'newly published this year',
  本年新公开数量: 'newly published this year',
  本年废止: 'repealed this year',
  本年制发: 'issued this year',
  对外公开总数: 'total published',
  对外公开总数量: 'total published',
  采购项目数量: 'number of projects',
  采购总金额: 'total amount',
  主动公开: 'proactive disclosure',
  统计表: 'statistics',
  附表: 'appendix',
  行政复议: 'administrative review',
  行政诉讼: 'litigation',
  收费及减免情况: 'fees and waivers',
  规章: 'rules',
  规范性文件: 'normative documents',
  行政规范性文件: 'administrative normative documents',
  行政许可: 'administrative licensing',
  其他对外管理服务: 'other external management services',
  其他对外管理服务事项: 'other external management services',
  行政处罚: 'administrative penalties',
  行政强制: 'administrative enforcement',
  行政事业性收费: 'administrative fees',
  政府集中采购: 'government centralised procurement',
  上一年: 'previous year’s count',
  增减: 'change in the year',
  处理决定: 'decisions',
  项目数量: 'number of projects',
  总金额: 'total amount',
  自然人: 'natural persons',
  商业企业: 'commercial enterprises',
  科研机构: 'research institutions',
  社会公益组织: 'public-interest organisations',
  法律服务机构: 'legal service providers',
  其他: 'other',
  总计: 'total',
};

/** The applicant columns of the requests table, as the data build names them (report-format.md §3). */
const COLUMN_IDS: Record<string, string> = {
  natural_person: '自然人',
  org_commercial: '商业企业',
  org_research: '科研机构',
  org_public_interest: '社会公益组织',
  org_legal_services: '法律服务机构',
  org_other: '其他',
  total: '总计',
};

/** The detail after an Art. 20 row label, as the template prints its column heading. */
const ART20_COLUMNS: Record<string, string> = {
  上一年: '上一年项目数量',
  增减: '本年增/减',
  处理决定: '处理决定数量',
  项目数量: '采购项目数量',
  总金额: '采购总金额',
};

const english = (label: string) => GLOSSARY[label] ?? label;
const arabic = (text: string) => String(chineseNumber(text) ?? text);

function sectionText(s: Section, lang: Lang): string {
  const sub = s.subpoint ? (lang === 'zh' ? `（${s.subpoint}）` : ` (${s.subpoint})`) : '';
  if (lang === 'zh') return `${s.part ? `第${s.part}部分` : ''}${s.item ? `（${s.item}）` : ''}${s.point ? `第${s.point}点${sub}` : ''}`;
  const parts = [
    s.part || s.item ? `${s.part ? `part ${arabic(s.part)}` : 'item'}${s.item ? ` (${arabic(s.item)})` : ''}` : '',
    s.point ? `point ${s.point}${sub}` : '',
  ];
  return parts.filter(Boolean).join(', ');
}

/** 20(1) → 第二十条第(一)项 / Art. 20(1). */
function articleText(article: string, lang: Lang): string {
  const m = /^(\d+)\(([^)]+)\)$/.exec(article);
  if (!m?.[1] || !m[2]) return article;
  if (lang === 'en') return `Art. ${m[1]}(${arabic(m[2])})`;
  const n = Number(m[1]);
  const tens = Math.floor(n / 10);
  const numeral = `${tens > 1 ? NUMERALS[tens] : ''}${tens > 0 ? '十' : ''}${n % 10 > 0 ? NUMERALS[n % 10] : ''}`;
  const item = /^\d+$/.test(m[2]) ? (NUMERALS[Number(m[2])] ?? m[2]) : m[2];
  return `第${numeral}条第（${item}）项`;
}

const tableNumber = (table: string) => arabic(table.replace(/^表/, ''));

/** The locator as a reader reads it, in the page language; one not understood is shown as written. */
export function locatorText(raw: string, lang: Lang): string {
  const loc = parseLocator(raw);
  switch (loc.kind) {
    case 'text': {
      const where = sectionText(loc.section, lang);
      const medium = {
        zh: loc.withTable ? '正文及表格' : loc.prose ? '正文' : '',
        en: loc.withTable ? 'text and table' : loc.prose ? 'text' : '',
      };
      const row = loc.yearRow;
      if (lang === 'zh') {
        const topic = loc.topic === 'preamble' ? '开头' : loc.topic ? `“${loc.topic}”` : '';
        const table = row ? `年度对比表${row.year}年一行${row.column ? `“${row.column}”列` : ''}` : '';
        return `${medium.zh}${where}${topic}${table}${loc.line ? '一行' : ''}`;
      }
      const text = [
        medium.en,
        where,
        loc.topic ? `${loc.line ? 'the line on ' : ''}${english(loc.topic)}` : loc.line ? 'a line' : '',
        row ? `year-comparison table, row ${row.year}${row.column ? `, ${english(row.column)}` : ''}` : '',
      ]
        .filter(Boolean)
        .join(', ');
      return text.charAt(0).toUpperCase() + text.slice(1);
    }
    case 'section_table':
      return lang === 'zh'
        ? `${sectionText(loc.section, lang)}“${loc.table}”表`
        : `P${sectionText(loc.section, lang).slice(1)}, table “${english(loc.table)}”`;
    case 'named_table_row':
      return lang === 'zh'
        ? `“${loc.table}”${sectionText(loc.section, lang).replace(/部分/, '项')}`
        : `Table “${english(loc.table)}”, ${sectionText(loc.section, lang).replace(/^part/, 'row')}`;
    case 'requests_table': {
      const column = COLUMN_IDS[loc.column] ?? loc.column;
      if (lang === 'zh') return `${loc.table}第${loc.row.replace('(', '（').replace(')', '）')}行“${column}”列`;
      const rowText = loc.row.replace(/[一二三四五六七八九十]+/g, (n) => arabic(n));
      return `Table ${tableNumber(loc.table)}, row ${rowText}, column “${english(column)}”`;
    }
    case 'art20_table': {
      const column = loc.detail ? /^col (\d+)$/.exec(loc.detail) : null;
      if (lang === 'zh') {
        const item = loc.item ? `“${loc.item}”` : '';
        const detail = loc.detail ? (column ? `第${column[1]}列` : `“${ART20_COLUMNS[loc.detail] ?? loc.detail}”列`) : '';
        return `${loc.table}${articleText(loc.article, lang)}${item}${detail ? `，${detail}` : ''}`;
      }
      const item = loc.item ? `, ${english(loc.item)}` : '';
      const detail = loc.detail ? (column ? `, column ${column[1]}` : `, ${english(loc.detail)}`) : '';
      return `Table ${tableNumber(loc.table)}, ${articleText(loc.article, lang)}${item}${detail}`;
    }
    case 'form_note':
      return lang === 'zh' ? `表格备注“${loc.label}”` : `Note on the form, “${english(loc.label)}”`;
    case 'unknown':
      return loc.raw;
  }
}
