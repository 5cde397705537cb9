/** The benchmark's synthetic dataset: deterministic, valid for the data build, realistic in shape. */
import { describe, expect, it } from 'vitest';
import { agencyLines, figureLines, reportLines, syntheticAgencies, type SyntheticOptions } from '../../scripts/bench/synthetic.ts';
import { buildDataset } from '../../src/lib/pipeline/dataset.ts';
import { METRICS, NO_CORRECTIONS } from './fixtures.ts';

const OPTIONS: SyntheticOptions = { agencies: 60, years: 8, seed: 7, lastYear: 2025 };

function texts(options: SyntheticOptions) {
  const agencies = syntheticAgencies(options);
  const join = (lines: Iterable<string>) => [...lines].join('\n') + '\n';
  return {
    agencies: join(agencyLines(agencies)),
    reports: join(reportLines(agencies)),
    figures: join(figureLines(options, agencies)),
    metrics: METRICS,
    corrections: NO_CORRECTIONS,
  };
}

describe('synthetic dataset', () => {
  const input = texts(OPTIONS);
  const result = buildDataset(input, { dir: 'synthetic', maxYear: 2026 });

  it('is the same for the same seed and differs for another', () => {
    expect(texts(OPTIONS)).toEqual(input);
    expect(texts({ ...OPTIONS, seed: 8 }).figures).not.toEqual(input.figures);
  });

  it('passes the data build without errors', () => {
    expect(result.problems).toEqual([]);
    expect(result.summary.every((s) => s.rejected === 0)).toBe(true);
  });

  it('places agencies of many sectors at every level in real divisions, with both report scopes', () => {
    expect(new Set(result.dataset.agencies.map((a) => a.level))).toEqual(new Set(['national', 'province', 'prefecture', 'county']));
    expect(new Set(result.dataset.agencies.map((a) => a.sector)).size).toBeGreaterThan(10);
    expect(result.dataset.agencies.every((a) => a.name_zh.includes('合成'))).toBe(true);
    expect(new Set(result.dataset.reports.map((r) => r.scope))).toEqual(new Set(['agency', 'system']));
  });

  it('fills every table cell of the template, minus a few blanks', () => {
    const perReport = result.dataset.reports.filter((r) => r.template === 'gov2021').map((r) => r.figure_count);
    const median = perReport.toSorted((a, b) => a - b)[Math.floor(perReport.length / 2)];
    expect(median).toBeGreaterThanOrEqual(195);
    expect(median).toBeLessThanOrEqual(215);
  });

  it('misses some years, keeps some figures approximate, and breaks the 勾稽 rules in a small share of reports', () => {
    expect(result.dataset.reports.length).toBeLessThan(OPTIONS.agencies * OPTIONS.years);
    expect(result.dataset.figures.some((f) => f.qualifier === 'at_least')).toBe(true);
    const flagged = new Set(result.warnings.filter((w) => /^R[1-6]$/.test(w.rule)).map((w) => w.report_id));
    expect(flagged.size).toBeGreaterThan(0);
    expect(flagged.size / result.dataset.reports.length).toBeLessThan(0.2);
  });
});
