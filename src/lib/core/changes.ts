/**
 * Stated year-on-year changes ("比上年增加30件", "同比增长12.5%") are figures of their own. Their metric keys
 * follow one convention, which links each to the count it changes: `<base>.change` (unit count_change, signed
 * count) and `<base>.change_pct` (unit percent, signed). The data build checks the convention on metrics.csv.
 */
import type { Unit } from './schema.ts';

export type ChangeKind = 'change' | 'change_pct';

export const CHANGE_UNIT: Record<ChangeKind, Unit> = { change: 'count_change', change_pct: 'percent' };

/** The base metric and kind of a stated-change key, or null for any other key. */
export function changeOf(key: string): { base: string; kind: ChangeKind } | null {
  const m = /^(.+)\.(change|change_pct)$/.exec(key);
  return m ? { base: m[1] ?? '', kind: m[2] as ChangeKind } : null;
}

export const changeKey = (base: string, kind: ChangeKind) => `${base}.${kind}`;
