/**
 * One number per measure (issue 15, item 4): for every agency and headline card, the card's figure is the one
 * the compare page's series file carries for that metric and year, and the one the ranking lists with the
 * same standing; a derived channel sum is labelled as a sum and never ranked.
 */
import { parseAgencySeriesFile } from '../../src/lib/site/compare.ts';
import { describe, expect, it } from 'vitest';
import { CHANNEL_SUM } from '../../src/lib/core/headlines.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import type { AgencyDetail, HeadlineOut, MetricRanking, SeriesPoint } from '../../src/lib/core/schema.ts';
import { perTest } from '../helpers.ts';
import { build } from './fixtures.ts';

/** The fixture built and written as the pages read it, inside each test (tests/helpers.ts says why). */
const built = perTest(() => {
  const { dataset } = build();
  const files = new Map<string, string>();
  for (const [path, content] of generatedFiles(dataset)) files.set(path, typeof content === 'string' ? content : [...content].join(''));
  const cards = dataset.agencies.flatMap((a) =>
    [
      ...a.headlines.map((h) => ({ agency: a.id, scope: 'agency' as const, h })),
      ...a.system_headlines.map((h) => ({ agency: a.id, scope: 'system' as const, h })),
    ].filter((c) => c.h.latest !== null),
  );
  return { dataset, files, cards };
});
const json = <T>(path: string): T => JSON.parse(built().files.get(path) ?? 'null') as T;

describe('one number per measure', () => {
  it('covers cards of every kind: ranked, too few peers, channel sum, other scope, whole jurisdiction', () => {
    const { cards } = built();
    expect(cards.some((c) => c.h.standing?.percentile != null)).toBe(true);
    expect(cards.some((c) => c.h.standing !== null && c.h.standing.percentile === null)).toBe(true);
    expect(cards.some((c) => c.h.unranked === 'channel_sum')).toBe(true);
    expect(cards.some((c) => c.h.unranked === 'scope')).toBe(true);
    expect(cards.some((c) => c.scope === 'system')).toBe(true);
  });

  it('every card agrees with compare and the ranking', () => {
    const { cards } = built();
    expect(cards.length).toBeGreaterThan(20);
    for (const { agency, scope, h } of cards) expectSameNumber(agency, scope, h);
  });

  function expectSameNumber(agency: string, scope: 'agency' | 'system', h: HeadlineOut) {
    const where = `${agency} ${scope} card ${h.id}`;
    const latest = h.latest as SeriesPoint;
    // The compare page draws the body's own series.
    if (scope === 'agency') {
      const series = parseAgencySeriesFile(json(`downloads/agencies/${agency}.json`), agency).series[h.metric] ?? [];
      expect(
        series.find((p) => p.year === latest.year),
        where,
      ).toMatchObject({
        value: latest.value,
        qualifier: latest.qualifier,
        report_id: latest.report_id,
      });
    }
    const ranking = json<MetricRanking | null>(`rankings/${scope}/${h.metric}.json`);
    const entry = ranking?.years.find((y) => y.year === latest.year)?.entries.find((e) => e.agency_id === agency);
    if (h.standing) {
      expect(entry, where).toMatchObject({ value: latest.value, report_id: latest.report_id, ...h.standing });
    } else {
      expect(entry, where).toBeUndefined();
    }
    // The agency page's benchmark table lists the same entry.
    const detail = json<AgencyDetail>(`agencies/${agency}.json`);
    const benchmark = detail.agency.benchmarks.find((b) => b.metric === h.metric && b.year === latest.year && b.scope === scope);
    expect(benchmark?.rank, where).toBe(h.standing?.rank);
  }

  it('never ranks the channel sum, and labels it as a sum wherever it is listed', () => {
    const { dataset, files } = built();
    expect(files.has(`rankings/agency/${CHANNEL_SUM}.json`)).toBe(false);
    const metric = dataset.metrics.find((m) => m.key === CHANNEL_SUM);
    expect(metric?.label_zh).toContain('之和');
    expect(metric?.label_en).toContain('sum');
    const index = json<{ metrics: { key: string; label_zh: string }[] }>('downloads/series.json');
    expect(index.metrics.find((m) => m.key === CHANNEL_SUM)?.label_zh).toContain('之和');
  });
});
