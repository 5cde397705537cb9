/**
 * The fixed tables of the 2019 and 2021 formats (reference §2–§5), in any of the shapes pages carry them:
 * HTML rows (turned into `|` rows by html.ts), `|`-separated flattened rows, or one cell per line. Rows are
 * found by their label, then take the numeric cells that follow; a number is only assigned to a column when
 * the row's shape makes the column certain (trap T10).
 */
import type { Template } from '../core/schema.ts';
import type { Evidence, Proposals } from './figures.ts';
import { cellNumber, isBlankCell, labelKey, stripNumbering } from './text.ts';
import { APPLICANT_COLUMNS } from '../pipeline/checks.ts';

interface Cell {
  text: string;
  line: number;
  /** Where the cell's text starts in its line (for the review page's highlight). */
  offset: number;
  /** Part of a `|` row, where an empty cell still holds a column's place. */
  inRow: boolean;
}

export function cellsOf(lines: readonly string[]): Cell[] {
  const cells: Cell[] = [];
  lines.forEach((raw, line) => {
    if (!raw.includes('|')) {
      if (raw.trim() !== '') cells.push({ text: raw.trim(), line, offset: raw.indexOf(raw.trim()), inRow: false });
      return;
    }
    const parts: { text: string; offset: number }[] = [];
    let at = 0;
    for (const piece of raw.split('|')) {
      const text = piece.trim();
      parts.push({ text, offset: at + (text === '' ? 0 : piece.indexOf(text)) });
      at += piece.length + 1;
    }
    if (parts[0]?.text === '') parts.shift();
    // Trailing empty cells are layout (「114 | ||」), and cannot shift a column that comes before them.
    while (parts.at(-1)?.text === '') parts.pop();
    for (const { text, offset } of parts) cells.push({ text, line, offset, inRow: true });
  });
  return cells;
}

/** The table row a value came from: its `|` line, or the label and values of a cell-per-line table. */
function rowEvidence(cells: readonly Cell[], lines: readonly string[], at: number, value: number): Evidence {
  const label = cells[at];
  const cell = cells[value];
  if (label && cell && label.line === cell.line) {
    return { text: lines[label.line] ?? '', start: cell.offset, end: cell.offset + cell.text.length };
  }
  const row = cells.slice(at, value + 1).map((c) => c.text);
  const text = row.join(' | ');
  const start = text.length - (cell?.text.length ?? 0);
  return { text, start, end: text.length };
}

/** The value cells after the label at `at`: numbers, and blanks where a `|` row keeps their place. */
function valuesAfter(cells: readonly Cell[], at: number): { values: (number | null)[]; sameLine: boolean } {
  const label = cells[at];
  const values: (number | null)[] = [];
  let sameLine = true;
  for (let i = at + 1; i < cells.length; i++) {
    const cell = cells[i];
    if (!cell) break;
    const n = cellNumber(cell.text);
    const blank = n === null && cell.inRow && isBlankCell(cell.text);
    if (n === null && !blank) break;
    if (cell.line !== label?.line) sameLine = false;
    values.push(n);
  }
  return { values, sameLine };
}

const LABEL_MAX = 70;

/**
 * Assign a row's values to its columns. A `|` row on the label's line keeps positions even when cells are
 * blank; cells on separate lines only count when exactly the expected number is there, because a blank cell
 * leaves no trace in that shape.
 */
function assign(
  cells: readonly Cell[],
  at: number,
  columns: readonly string[],
  describe: string,
  out: Proposals,
  lines: readonly string[],
  emit: (column: string, value: number, confidence: number, evidence: Evidence) => void,
  allowPartial = true,
): number {
  const { values, sameLine } = valuesAfter(cells, at);
  if (values.length === 0) return 0;
  if (values.length === columns.length || (allowPartial && sameLine && values.length < columns.length)) {
    if (values.length < columns.length) {
      out.warn(`${describe}: ${values.length} of ${columns.length} cells printed; assigned from the left, check the columns`);
    }
    if (values.some((v) => v === null)) out.warn(`${describe}: blank cells left out (blank is not zero)`);
    const confidence = values.length === columns.length ? 0.95 : 0.6;
    values.forEach((v, i) => {
      const column = columns[i];
      if (v !== null && column !== undefined) emit(column, v, confidence, rowEvidence(cells, lines, at, at + 1 + i));
    });
    return values.length;
  }
  out.warn(`${describe}: expected ${columns.length} numbers, found ${values.length}; not assigned`);
  return values.length;
}

// ---------------------------------------------------------------------------------------------------------
// Section 三: requests (§3, §5.2).

type Group = 'withheld' | 'unable' | 'not_processed' | 'other' | null;

const GROUPS: Record<string, Exclude<Group, null>> = {
  不予公开: 'withheld',
  无法提供: 'unable',
  不予处理: 'not_processed',
  其他处理: 'other',
};

/** Sub-rows by a distinctive part of their label; the group they belong to is implied by the label. */
const REQUEST_ROWS: readonly [string, string][] = [
  ['本年新收', 'requests.new'],
  ['上年结转', 'requests.carried_in'],
  ['结转下年', 'requests.carried_out'],
  ['部分公开', 'requests.outcome.partial'],
  ['国家秘密', 'requests.outcome.withheld.state_secret'],
  ['法律行政法规禁止', 'requests.outcome.withheld.law_prohibited'],
  ['三安全一稳定', 'requests.outcome.withheld.security_stability'],
  ['第三方合法权益', 'requests.outcome.withheld.third_party'],
  ['内部事务', 'requests.outcome.withheld.internal_affairs'],
  ['过程性信息', 'requests.outcome.withheld.process_info'],
  ['行政执法案卷', 'requests.outcome.withheld.enforcement_file'],
  ['行政查询事项', 'requests.outcome.withheld.admin_query'],
  ['不掌握', 'requests.outcome.unable.not_held'],
  ['另行制作', 'requests.outcome.unable.needs_creation'],
  ['仍不明确', 'requests.outcome.unable.unclear'],
  ['信访举报投诉', 'requests.outcome.not_processed.petition_complaint'],
  ['重复申请', 'requests.outcome.not_processed.repeat'],
  ['公开出版物', 'requests.outcome.not_processed.publication'],
  ['大量反复', 'requests.outcome.not_processed.excessive'],
  ['确认或重新出具', 'requests.outcome.not_processed.confirm_reissue'],
  ['逾期不补正', 'requests.outcome.other.no_correction'],
  ['收费通知', 'requests.outcome.other.fee_unpaid'],
];

function requestRow(label: string, group: Group, inOutcomes: boolean): string | null {
  const key = labelKey(label);
  const bare = stripNumbering(label);
  for (const [needle, prefix] of REQUEST_ROWS) if (key.includes(needle)) return prefix;
  if (bare.startsWith('予以公开')) return 'requests.outcome.disclosed';
  if (bare === '其他' && group === 'other') return 'requests.outcome.other.other';
  if (bare === '其他处理') return 'requests.outcome.other_2019';
  if (bare === '总计' && inOutcomes) return 'requests.outcome.total';
  return null;
}

/** 「一」, 「(二)」, or for a sub-row its group and number, 「(三)1」, as the curated locators write them. */
function rowName(label: string, groupLabel: string): string {
  const key = labelKey(label);
  const outline = /^(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\)|\d+\.)/.exec(key)?.[0];
  if (!outline) return stripNumbering(label).slice(0, 8);
  if (!/^\d/.test(outline)) return outline.replace('、', '');
  return `${/^\([一二三四五六七八九十]+\)/.exec(labelKey(groupLabel))?.[0] ?? ''}${outline.replace('.', '')}`;
}

function readRequests(cells: readonly Cell[], out: Proposals, lines: readonly string[]): number {
  let group: Group = null;
  let groupLabel = '';
  let inOutcomes = false;
  let found = 0;
  cells.forEach((cell, at) => {
    if (cell.text.length > LABEL_MAX || cellNumber(cell.text) !== null) return;
    const bare = stripNumbering(cell.text);
    const prefix = requestRow(cell.text, group, inOutcomes);
    const groupName = GROUPS[bare];
    if (groupName && (prefix !== 'requests.outcome.other_2019' || valuesAfter(cells, at).values.length === 0)) {
      group = groupName;
      groupLabel = cell.text;
      return;
    }
    if (!prefix) return;
    if (prefix.startsWith('requests.outcome.')) inOutcomes = true;
    if (prefix === 'requests.carried_out') inOutcomes = false;
    const row = rowName(cell.text, groupLabel);
    found += assign(
      cells,
      at,
      APPLICANT_COLUMNS,
      `表三 row ${row}`,
      out,
      lines,
      (column, value, confidence, evidence) =>
        out.add({
          metric: `${prefix}.${column}`,
          value,
          qualifier: 'exact',
          locator: `表三 row ${row} col ${column}`,
          confidence,
          evidence,
        }),
      // A 表三 row with fewer numbers than its seven applicant columns cannot be placed: a blank could be any
      // column, and assigning from the left was wrong on every such row of the development set.
      false,
    );
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Section 二: proactive disclosure tables (§2 for 2021, §5.1 for 2019/2020).

interface ProactiveRow {
  labels: readonly string[];
  article: string;
  /** Metric key per column; null where the catalogue has no key for the column. */
  columns: readonly string[];
}

const PROACTIVE_2021: readonly ProactiveRow[] = [
  {
    labels: ['规章'],
    article: '20(1)',
    columns: ['proactive.art20_1.rules.issued', 'proactive.art20_1.rules.repealed', 'proactive.art20_1.rules.in_force'],
  },
  {
    labels: ['行政规范性文件', '规范性文件'],
    article: '20(1)',
    columns: [
      'proactive.art20_1.normative_docs.issued',
      'proactive.art20_1.normative_docs.repealed',
      'proactive.art20_1.normative_docs.in_force',
    ],
  },
  { labels: ['行政许可'], article: '20(5)', columns: ['proactive.art20_5.licensing.decisions'] },
  { labels: ['行政处罚'], article: '20(6)', columns: ['proactive.art20_6.penalty.decisions'] },
  { labels: ['行政强制'], article: '20(6)', columns: ['proactive.art20_6.coercion.decisions'] },
  { labels: ['行政事业性收费'], article: '20(8)', columns: ['proactive.art20_8.admin_fees.amount_wan_yuan'] },
];

const PROACTIVE_2019: readonly ProactiveRow[] = [
  {
    labels: ['规章'],
    article: '20(1)',
    columns: [
      'proactive2019.art20_1.rules.new_made',
      'proactive2019.art20_1.rules.new_published',
      'proactive2019.art20_1.rules.total_published',
    ],
  },
  {
    labels: ['规范性文件', '行政规范性文件'],
    article: '20(1)',
    columns: [
      'proactive2019.art20_1.normative_docs.new_made',
      'proactive2019.art20_1.normative_docs.new_published',
      'proactive2019.art20_1.normative_docs.total_published',
    ],
  },
  {
    labels: ['行政许可'],
    article: '20(5)',
    columns: [
      'proactive2019.art20_5.licensing.items_prev',
      'proactive2019.art20_5.licensing.items_change',
      'proactive.art20_5.licensing.decisions',
    ],
  },
  {
    labels: ['其他对外管理服务事项'],
    article: '20(5)',
    columns: [
      'proactive2019.art20_5.other_services.items_prev',
      'proactive2019.art20_5.other_services.items_change',
      'proactive2019.art20_5.other_services.decisions',
    ],
  },
  {
    labels: ['行政处罚'],
    article: '20(6)',
    columns: [
      'proactive2019.art20_6.penalty.items_prev',
      'proactive2019.art20_6.penalty.items_change',
      'proactive.art20_6.penalty.decisions',
    ],
  },
  {
    labels: ['行政强制'],
    article: '20(6)',
    columns: [
      'proactive2019.art20_6.coercion.items_prev',
      'proactive2019.art20_6.coercion.items_change',
      'proactive.art20_6.coercion.decisions',
    ],
  },
  {
    labels: ['行政事业性收费'],
    article: '20(8)',
    columns: ['proactive2019.art20_8.admin_fees.items_prev', 'proactive2019.art20_8.admin_fees.items_change'],
  },
  {
    labels: ['政府集中采购'],
    article: '20(9)',
    columns: ['proactive2019.art20_9.central_procurement.projects', 'proactive2019.art20_9.central_procurement.amount'],
  },
];

/**
 * The 2019 layout is told apart from the 2021 one by the template markers, or else by the width of the
 * 行政许可 row (three value columns in 2019, one in 2021).
 */
function proactiveLayout(cells: readonly Cell[], template: Template): readonly ProactiveRow[] {
  if (template === 'gov2019') return PROACTIVE_2019;
  if (template === 'gov2021') return PROACTIVE_2021;
  const licensing = cells.findIndex((c) => labelKey(c.text) === '行政许可');
  return licensing >= 0 && valuesAfter(cells, licensing).values.length >= 2 ? PROACTIVE_2019 : PROACTIVE_2021;
}

/** Column headers of the section 二 blocks, as printed, and the key suffix each stands for. */
const HEADER_COLUMNS: readonly [RegExp, string][] = [
  [/^本年(度)?制发(件数|数量)/, 'issued'],
  [/^本年(度)?废止(件数|数量)/, 'repealed'],
  [/^现行有效(件数|数量)/, 'in_force'],
  [/^本年新?制作数量/, 'new_made'],
  [/^本年新?公开数量/, 'new_published'],
  [/^对外公开总数量/, 'total_published'],
  [/^上一年项目数量/, 'items_prev'],
  [/^本年增\/?减/, 'items_change'],
  [/^(本年)?(度)?处理决定数量/, 'decisions'],
  [/^本年(度)?收费金额/, 'amount_wan_yuan'],
  [/^采购项目数量/, 'projects'],
  [/^采购总金额/, 'amount'],
];

/**
 * The value columns a block's own header names (信息内容 | 处理决定数量 …), when every header cell is readable:
 * a report may mix the 2019 and 2021 blocks (临潼 2022 prints the 2019 20(1) block and the 2021 20(5) one).
 */
function headerColumns(cells: readonly Cell[], at: number): string[] | null {
  let h = at - 1;
  while (h >= 0 && h > at - 14 && labelKey(cells[h]?.text ?? '') !== '信息内容') h--;
  const header = cells[h];
  if (!header || labelKey(header.text) !== '信息内容') return null;
  // The header cells follow 信息内容 on its line (a | row), or on the lines after it (one cell per line), up to
  // the first row label or number.
  const columns: string[] = [];
  for (let i = h + 1; i < at; i++) {
    const cell = cells[i];
    if (!cell || (header.inRow && cell.line !== header.line)) break;
    const key = labelKey(cell.text);
    if (key === '') continue;
    const column = HEADER_COLUMNS.find(([pattern]) => pattern.test(key))?.[1];
    if (!column) break;
    columns.push(column);
  }
  return columns.length > 0 ? columns : null;
}

/** The key of a section 二 cell: the row's prefix and the column's suffix, in the 2019 or 2021 naming. */
function columnKey(row: ProactiveRow, column: string): string | null {
  const prefix = row.columns[0]?.replace(/\.[a-z_]+$/, '') ?? '';
  const match = row.columns.find((k) => k.endsWith(`.${column}`));
  if (match) return match;
  // 处理决定数量 in a 2019 block keeps its 2021 key (proactive.art20_5.licensing.decisions).
  if (column === 'decisions')
    return row.columns.find((k) => k.endsWith('.decisions')) ?? `${prefix}.decisions`.replace('proactive2019.', 'proactive.');
  if (column === 'amount_wan_yuan' && row.article === '20(8)') return 'proactive.art20_8.admin_fees.amount_wan_yuan';
  return null;
}

function readProactive(cells: readonly Cell[], template: Template, out: Proposals, lines: readonly string[]): number {
  const layout = proactiveLayout(cells, template);
  const other = layout === PROACTIVE_2019 ? PROACTIVE_2021 : PROACTIVE_2019;
  const unitStated = cells.some((c) => /本年(度)?收费金额/.test(labelKey(c.text)) && /万元/.test(c.text));
  let found = 0;
  cells.forEach((cell, at) => {
    // 「规章(设区的市…应提供相关数据)」: a label with an explanation in brackets is still the row's label.
    const key = labelKey(cell.text)
      .replace(/\(.*\)$/, '')
      .replace(/档案$/, '文件');
    const header = headerColumns(cells, at);
    // The block's own header decides between the layouts; without one, the report's layout.
    const fits = (r: ProactiveRow) => r.labels.includes(key) && (!header || header.every((c) => columnKey(r, c) !== null));
    const row = layout.find(fits) ?? (header ? other.find(fits) : undefined);
    if (!row) return;
    const name = row.labels[0] ?? key;
    const columns = [...(header ? header.map((c) => columnKey(row, c) ?? '') : row.columns)];
    // 「行政许可 | 88 | 1520 | (blank)」: an unsigned 本年增/减 far above the items the year started with, beside an
    // empty 处理决定数量, is the decisions count printed one column to the left (T11, 永康 2020). Not assigned.
    const change = columns.findIndex((c) => c.endsWith('.items_change'));
    const decisions = columns.findIndex((c) => c.endsWith('.decisions'));
    if (change >= 0 && decisions > change) {
      const { values } = valuesAfter(cells, at);
      const before = values[change - 1] ?? null;
      const printed = cells[at + 1 + change]?.text.trim() ?? '';
      const value = values[change] ?? null;
      if (value !== null && (values[decisions] ?? null) === null && /^\d/.test(printed) && value > Math.max(10, 3 * (before ?? 0))) {
        out.warn(
          `表二 ${row.article} ${name}: 本年增/减 ${printed} has no sign, is far above the ${before ?? '?'} items of the year before and the 处理决定数量 cell is blank; it looks like the decisions count one column to the left — not assigned, check the page`,
        );
        columns[change] = '';
      }
    }
    const n = assign(cells, at, columns, `表二 ${row.article} ${name}`, out, lines, (metric, value, confidence, evidence) => {
      if (metric === '') return;
      if (metric.endsWith('amount_wan_yuan') && !unitStated) out.warn(`表二 20(8) ${name}: the header gives no unit; 万元 assumed`);
      out.add({ metric, value, qualifier: 'exact', locator: `表二 ${row.article} ${name}`, confidence, evidence });
    });
    found += n;
  });
  return found;
}

// ---------------------------------------------------------------------------------------------------------
// Section 四: administrative review and litigation (§4): one row of 15 numbers in fixed order.

const APPEAL_BLOCKS = ['appeals.review', 'appeals.litigation_direct', 'appeals.litigation_after_review'];
const APPEAL_COLUMNS = ['upheld', 'corrected', 'other', 'pending', 'total'];
// Header cells, also when a flipbook breaks them into single characters or fragments.
const APPEAL_HEADERS = /^[行政复议诉讼结果维持纠正其他尚未审结总计经直接起后]+$/;

function readAppeals(cells: readonly Cell[], out: Proposals, lines: readonly string[]): number {
  const start = cells.findIndex(
    (c, i) => labelKey(c.text) === '行政复议' && cells.slice(i + 1, i + 40).some((d) => labelKey(d.text) === '行政诉讼'),
  );
  if (start < 0) return 0;
  let at = start;
  while (
    at + 1 < cells.length &&
    APPEAL_HEADERS.test(labelKey(cells[at + 1]?.text ?? '')) &&
    cellNumber(cells[at + 1]?.text ?? '') === null
  )
    at++;
  const { values } = valuesAfter(cells, at);
  if (values.length === 0) return 0;
  if (values.length !== 15) {
    out.warn(`表四: expected 15 numbers (review 5, direct suit 5, suit after review 5), found ${values.length}; not assigned`);
    return values.length;
  }
  values.forEach((v, i) => {
    const block = APPEAL_BLOCKS[Math.floor(i / 5)];
    const column = APPEAL_COLUMNS[i % 5];
    if (v === null || !block || !column) return;
    out.add({
      metric: `${block}.${column}`,
      value: v,
      qualifier: 'exact',
      locator: `表四 ${block.replace('appeals.', '')} col ${column}`,
      confidence: 0.9,
      evidence: rowEvidence(cells, lines, at, at + 1 + i),
    });
  });
  if (values.some((v) => v === null)) out.warn('表四: blank cells left out (blank is not zero)');
  return 15;
}

/** Read all format tables; returns how many value cells were found (0 for a template printed empty). */
export function readFormatTables(lines: readonly string[], template: Template, out: Proposals): number {
  const cells = cellsOf(lines);
  return readProactive(cells, template, out, lines) + readRequests(cells, out, lines) + readAppeals(cells, out, lines);
}
