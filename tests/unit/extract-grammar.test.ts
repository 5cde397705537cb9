/**
 * Extraction against a phrase grammar (scripts/bench/report-grammar.ts): synthetic report pages written in the
 * varied wording of real reports, with random numbers and qualifiers, whose figures are known by construction.
 * A phrasing the rules miss or misread fails here with the sentence it came from.
 */
import { describe, expect, it } from 'vitest';
import { grammarReport, type ExpectedFigure } from '../../scripts/bench/report-grammar.ts';
import { extractReport } from '../../src/lib/extract/index.ts';

const key = (f: Pick<ExpectedFigure, 'metric' | 'value' | 'qualifier'>) => `${f.metric}=${f.value} (${f.qualifier})`;

describe('extraction on the phrase grammar', () => {
  it('reads 600 generated reports (text and HTML) exactly: every stated figure, nothing else', () => {
    const failures: string[] = [];
    let stated = 0;
    for (let seed = 1; seed <= 600; seed++) {
      const report = grammarReport(seed, { html: seed % 2 === 0 });
      const x = extractReport(report.page, { agencies: [], html: report.html });
      const want = new Set(report.figures.map(key));
      const got = new Set(x.figures.map(key));
      stated += want.size;
      for (const k of want) {
        if (!got.has(k))
          failures.push(`seed ${seed} missed ${k} in 「${report.sentences.find((s) => s.figures.some((f) => key(f) === k))?.text}」`);
      }
      for (const k of got)
        if (!want.has(k)) failures.push(`seed ${seed} proposed ${k} from 「${x.figures.find((f) => key(f) === k)?.evidence?.text}」`);
      if (x.year !== report.year) failures.push(`seed ${seed}: year ${x.year}, not ${report.year}`);
    }
    expect(stated).toBeGreaterThan(6000);
    expect(failures).toEqual([]);
  });

  it('identifies the agency of each generated report from its title', () => {
    for (let seed = 1; seed <= 50; seed++) {
      const report = grammarReport(seed);
      const x = extractReport(report.page, { agencies: [] });
      expect(x.agency.printed).toBe(report.agency);
      expect(x.agency.id).toMatch(/^\d{6}-[a-z]{2,6}$/);
    }
  });

  it('is deterministic: a seed gives the same page', () => {
    expect(grammarReport(42).page).toBe(grammarReport(42).page);
    expect(grammarReport(42).page).not.toBe(grammarReport(43).page);
  });
});
