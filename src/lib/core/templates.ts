/**
 * Report templates as definitions of the figures. The reports changed form twice: free narrative before
 * 2019, the 2019 trial tables (国办公开办函〔2019〕60号) for 2019–2020, the 2021 format (〔2021〕30号) after
 * that, with the information-processing fee (国办函〔2020〕109号) replacing the old cost fees. A chart marks
 * each change between two years it draws (a series break); cross-year checks only compare like definitions.
 */
import type { Template } from './schema.ts';

/** The form a report's figures follow; an `unknown` template is taken from the year the report covers. */
export type Era = 'pre2019' | 'gov2019' | 'gov2021';

export function eraOf(template: Template, year: number): Era {
  if (template !== 'unknown') return template;
  return year < 2019 ? 'pre2019' : year < 2021 ? 'gov2019' : 'gov2021';
}

/**
 * Whether figures of the two eras count the same thing. Narrative reports before 2019 counted requests,
 * outcomes and appeals each in their own way; the 2019 and 2021 tables share their request and appeal rows
 * (reference §5.2–5.3), so those compare across the 2021 change.
 */
export function comparableEras(a: Era, b: Era): boolean {
  return (a === 'pre2019') === (b === 'pre2019');
}

export interface SeriesBreak {
  /** The first year of the new form; the marker is drawn just before it. */
  year: number;
  from: Era;
  to: Era;
}

/** The breaks between consecutive drawn years whose reports follow different forms. */
export function seriesBreaks(points: readonly { year: number; era: Era }[]): SeriesBreak[] {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const breaks: SeriesBreak[] = [];
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1];
    const after = sorted[i];
    if (before && after && before.era !== after.era) breaks.push({ year: after.year, from: before.era, to: after.era });
  }
  return breaks;
}
