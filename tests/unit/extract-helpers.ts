/** Shared by the extractor tests: fixture reading and compact ways to write expected figures by hand. */
import { readFileSync } from 'node:fs';
import { decodeBytes, extractReport, type AgencyRef, type Extraction } from '../../src/lib/extract/index.ts';

export const FIXTURES = new URL('../fixtures/extract/', import.meta.url);

/** Fictional agencies the written fixtures name; the real list is only used for the seed documents. */
export const TEST_AGENCIES: AgencyRef[] = [
  { id: '990100-jt', name_zh: '测试市交通运输局', aliases: ['市交通运输局'] },
  { id: '990102-jt', name_zh: '测试市示例区交通运输局', aliases: ['示例区交通局', '区交通运输局'] },
  { id: '990200-jt', name_zh: '样本市交通运输局', aliases: ['市交通运输局', '样本市交通局'] },
  { id: '990000-jt', name_zh: '虚构省交通运输厅', aliases: [] },
];

export function extractFixture(name: string, agencies: readonly AgencyRef[] = TEST_AGENCIES): Extraction {
  const decoded = decodeBytes(readFileSync(new URL(name, FIXTURES)));
  if (!decoded.ok) throw new Error(`${name}: ${decoded.reason}`);
  return extractReport(decoded.text, { agencies });
}

export type Expected = readonly [metric: string, value: number, qualifier?: string];

/** Figures as comparable strings, sorted: `metric=value (qualifier)`. */
export function figureSet(figures: readonly { metric: string; value: number; qualifier: string }[]): string[] {
  return figures.map((f) => `${f.metric}=${f.value} (${f.qualifier})`).sort();
}

export function expectedSet(expected: readonly Expected[]): string[] {
  return figureSet(expected.map(([metric, value, qualifier = 'exact']) => ({ metric, value, qualifier })));
}

const APPLICANTS = ['natural_person', 'org_commercial', 'org_research', 'org_public_interest', 'org_legal_services', 'org_other', 'total'];

/** One section 三 row: its seven values in column order. */
export function requestRow(prefix: string, values: readonly number[]): Expected[] {
  return values.map((v, i) => [`${prefix}.${APPLICANTS[i] ?? ''}`, v] as const);
}

/** The section 四 row: fifteen values, review then direct suit then suit after review. */
export function appealsRow(values: readonly number[]): Expected[] {
  const blocks = ['appeals.review', 'appeals.litigation_direct', 'appeals.litigation_after_review'];
  const columns = ['upheld', 'corrected', 'other', 'pending', 'total'];
  return values.map((v, i) => [`${blocks[Math.floor(i / 5)] ?? ''}.${columns[i % 5] ?? ''}`, v] as const);
}
