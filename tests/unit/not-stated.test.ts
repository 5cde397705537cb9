import { describe, expect, it } from 'vitest';
import type { ReportOut, YearRanking } from '../../src/lib/core/schema.ts';
import { notStatedCount } from '../../src/lib/site/ranking-pages.ts';
import type { SiteData } from '../../src/lib/site/site-data.ts';

const report = (agency_id: string, year: number, scope: ReportOut['scope']) =>
  ({ id: `${agency_id}-${year}-${scope}`, agency_id, year, scope }) as ReportOut;
const site = {
  index: {
    reports: [
      report('a', 2023, 'agency'),
      report('b', 2023, 'agency'),
      report('c', 2023, 'agency'),
      report('d', 2023, 'system'),
      report('e', 2022, 'agency'),
    ],
  },
} as unknown as SiteData;
const year = { year: 2023, entries: [{ agency_id: 'a' }], suppressed: [{ agency_id: 'b' }] } as unknown as YearRanking;

describe('notStatedCount (the distribution’s “not stated” row)', () => {
  it('counts agencies with a report of the ranked scope and year that neither rank nor were set aside', () => {
    expect(notStatedCount(site, year, 'agency')).toBe(1);
  });
  it('reads only reports of the scope being ranked', () => {
    expect(notStatedCount(site, { ...year, entries: [], suppressed: [] }, 'system')).toBe(1);
  });
});
