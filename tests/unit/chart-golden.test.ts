/**
 * Every kind of chart the site draws, byte for byte as a reader gets it: the agency charts (lines, stacked and
 * separate bars, with series breaks, implied values, approximate figures, zeros and gaps) at every width the page
 * ships and framed for chart.svg, the peer strip, the ranking distribution and the compare chart, in Chinese and
 * English, from the synthetic fixture. The other chart tests say what each mark means; these catch any change to
 * what is drawn that they do not describe (a colour, a size, a label's place). When a change is meant, look at
 * the new drawings and update them: `npx vitest run tests/unit/chart-golden.test.ts -u`.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { compareChartOption, type CompareChartData } from '../../src/lib/charts/compare-chart.ts';
import { distributionOption, distributionSize, histogram, DISTRIBUTION_WIDTHS } from '../../src/lib/charts/distribution.ts';
import { chartData } from '../../src/lib/charts/agency-charts.ts';
import { renderResponsive, renderSvg, type ChartOption } from '../../src/lib/charts/echarts.ts';
import { chartSize, drawnMarks, yearChartOption } from '../../src/lib/charts/options.ts';
import { peerStripOption, peerStripSize } from '../../src/lib/charts/peer-strip.ts';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import type { Lang } from '../../src/lib/core/format.ts';
import type { Level, Qualifier, RankingEntry, SeriesPoint } from '../../src/lib/core/schema.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { agencyChartView, chartCaption, printableChart } from '../../src/lib/site/agency-view.ts';
import { peerStrips } from '../../src/lib/site/peer-view.ts';
import { notStatedCount } from '../../src/lib/site/ranking-pages.ts';
import { siteData } from '../../src/lib/site/site-data.ts';
import { point } from '../helpers.ts';
import { build } from './fixtures.ts';

const golden = (name: string) => `./__golden__/${name}.svg`;
const LANGS: Lang[] = ['zh', 'en'];

// Each test writes and reads a generated folder of its own, so the drawing is made inside the test.
const before = process.env.GENERATED_DIR;
beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'golden-'));
  for (const [path, content] of generatedFiles(build().dataset)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : [...content].join(''));
  }
  process.env.GENERATED_DIR = dir;
});
afterAll(() => {
  if (before === undefined) delete process.env.GENERATED_DIR;
  else process.env.GENERATED_DIR = before;
});

describe('agency charts', () => {
  // 丙区 (six years, a gap, both template changes, stated changes implying a year) and the city bureau (an
  // approximate figure, an unknown source page, requests with carry-over).
  for (const id of ['511111-jt', '511100-jt']) {
    for (const lang of LANGS) {
      it(`${id} in ${lang}: every chart as chart.svg draws it`, async () => {
        const site = siteData();
        const agency = site.agency(id);
        for (const spec of AGENCY_CHARTS) {
          const view = agencyChartView(site, agency, spec.id, lang);
          await expect(view.svg ?? 'no chart', spec.id).toMatchFileSnapshot(golden(`${id}-${spec.id}-${lang}`));
        }
      });
    }
  }

  it('the page’s one drawing, the embed’s drawings at their widths, and the framed print drawing', async () => {
    const site = siteData();
    const agency = site.agency('511111-jt');
    const view = agencyChartView(site, agency, 'requests', 'zh');
    await expect(view.html).toMatchFileSnapshot(golden('511111-jt-requests-zh-page'));
    await expect(view.embedHtml).toMatchFileSnapshot(golden('511111-jt-requests-zh-embed'));
    await expect(printableChart(agencyChartView(site, agency, 'proactive', 'en'), agency, 'en')?.svg).toMatchFileSnapshot(
      golden('511111-jt-proactive-en-print'),
    );
    const city = site.agency('511100-jt');
    await expect(printableChart(agencyChartView(site, city, 'requests', 'zh'), city, 'zh')?.svg).toMatchFileSnapshot(
      golden('511100-jt-requests-zh-print'),
    );
  });

  it('a whole-jurisdiction chart', async () => {
    const site = siteData();
    const view = agencyChartView(site, site.agency('511100-zf'), 'proactive', 'zh', 'system');
    await expect(view.svg).toMatchFileSnapshot(golden('511100-zf-proactive-zh-system'));
  });
});

describe('every mark of every agency chart, every series', () => {
  // Synthetic figures that give each chart every series, each kind of mark and gaps in different years, so the
  // × marks of several series share a year side by side.
  const q = (year: number, value: number, qualifier: Qualifier = 'exact') => point(year, value, qualifier);
  const series: Record<string, SeriesPoint[]> = {
    'proactive.total': [q(2018, 300), q(2019, 320, 'at_least'), q(2021, 0), q(2022, 410)],
    'proactive.website': [q(2018, 120), q(2020, 130, 'about'), q(2022, 0)],
    'proactive.portal': [q(2019, 40), q(2020, 0), q(2021, 55)],
    'proactive.wechat': [q(2018, 10), q(2019, 12), q(2022, 30, 'nearly')],
    'proactive.weibo': [q(2020, 5), q(2021, 6)],
    'proactive.app': [q(2018, 1), q(2022, 2)],
    'proactive.media': [q(2019, 7), q(2020, 8), q(2021, 0), q(2022, 9)],
    'requests.outcome.disclosed.total': [q(2018, 20), q(2019, 0), q(2021, 25), q(2022, 30, 'about')],
    'requests.outcome.partial.total': [q(2018, 3), q(2019, 4), q(2021, 0)],
    'requests.outcome.withheld.sum': [q(2018, 2), q(2019, 0), q(2020, 1), q(2022, 5)],
    'requests.outcome.unable.sum': [q(2019, 6), q(2020, 0), q(2021, 7)],
    'requests.outcome.not_processed.sum': [q(2018, 0), q(2022, 3)],
    'requests.outcome.other.sum': [q(2020, 2), q(2021, 0)],
    'requests.new.total': [q(2018, 30), q(2019, 14), q(2020, 9), q(2021, 40), q(2022, 45, 'at_least')],
    'requests.handled': [q(2018, 25), q(2021, 32)],
    'fees.info_processing.collected_yuan': [q(2019, 0), q(2021, 1200, 'about'), q(2022, 300)],
    'fees.legacy.amount_yuan': [q(2018, 50), q(2019, 0)],
    'appeals.review.total': [q(2018, 2), q(2019, 0), q(2021, 3, 'at_least')],
    'appeals.litigation.total': [q(2018, 1), q(2020, 0), q(2022, 4)],
  };
  for (const [lang, width] of [
    ['en', 300],
    ['en', 640],
    ['zh', 480],
  ] as [Lang, number][]) {
    it(`in ${lang} at ${width} px`, async () => {
      const keys =
        lang === 'zh'
          ? { approximate: '约数', notStated: '无数字（不是0）' }
          : { approximate: 'approximate', notStated: 'no figure (not 0)' };
      for (const spec of AGENCY_CHARTS) {
        const data = chartData(spec, [2018, 2022], series, (key) => key);
        const svg = renderSvg(yearChartOption(data, lang, keys, width), chartSize(data, width), 'gallery', spec.id);
        await expect(`<!-- ${chartCaption(drawnMarks(data), lang)} -->\n${svg}`).toMatchFileSnapshot(
          golden(`gallery-${spec.id}-${lang}-${width}`),
        );
      }
    });
  }
});

describe('peer strips and the ranking distribution', () => {
  for (const lang of LANGS) {
    it(`peer strips of a county bureau in ${lang}`, async () => {
      const site = siteData();
      const strips = peerStrips(site, site.detail('511111-jt').agency, lang, 'agency', 2022);
      expect(strips.length).toBeGreaterThan(1);
      await expect(strips.map((s) => `<!-- ${s.metric} -->\n${s.svg}`).join('\n')).toMatchFileSnapshot(golden(`511111-jt-strips-${lang}`));
    });

    it(`the distribution of a ranking year in ${lang}`, async () => {
      const site = siteData();
      for (const metric of ['proactive.total', 'rate.requests_granted']) {
        const ranking = site.ranking(metric);
        const year = ranking.years[0];
        if (!year) continue;
        const hist = histogram(year.entries, ranking.kind);
        const notStated = notStatedCount(site, year, ranking.scope);
        const text = { notStated: lang === 'zh' ? '未填报' : 'not stated', levelLabel: (l: Level) => l };
        const html = renderResponsive(
          DISTRIBUTION_WIDTHS,
          (width) => ({
            option: distributionOption(hist, ranking.kind, lang, text, notStated),
            size: distributionSize(hist, notStated, width),
          }),
          'distribution',
          metric,
        );
        await expect(html).toMatchFileSnapshot(golden(`distribution-${metric}-${lang}`));
      }
    });
  }
});

describe('a gallery of peer strips and distributions', () => {
  const entry = (value: number, level: Level): RankingEntry => ({
    agency_id: `a${value}-${level}`,
    year: 2023,
    sector: 'transport',
    level,
    province: '甲省',
    value,
    qualifier: 'exact',
    report_id: 'r',
    numerator: null,
    denominator: null,
    rank: 1,
    tied: 1,
    percentile: null,
    peers: 1,
    province_standing: null,
  });
  for (const lang of LANGS) {
    it(`strips of counts and rates, an approximate own figure and a stack of fourteen zeros, in ${lang}`, async () => {
      const strips = [
        peerStripOption({ values: [0, 0, 3, 12, 40, 250, 4100], own: { value: 250, qualifier: 'at_least' }, kind: 'count' }, lang, 'own'),
        peerStripOption({ values: [0.1, 0.35, 0.5, 0.5, 0.92, 1], own: { value: 0.5, qualifier: 'exact' }, kind: 'rate' }, lang, 'own'),
        peerStripOption(
          { values: [...Array.from({ length: 14 }, () => 0), 2], own: { value: 2, qualifier: 'exact' }, kind: 'count' },
          lang,
          'own',
        ),
      ];
      const sizes = [
        peerStripSize({ values: [0, 0, 3, 12, 40, 250, 4100], own: { value: 250, qualifier: 'at_least' }, kind: 'count' }),
        peerStripSize({ values: [0.1, 0.35, 0.5, 0.5, 0.92, 1], own: { value: 0.5, qualifier: 'exact' }, kind: 'rate' }),
        peerStripSize({ values: [...Array.from({ length: 14 }, () => 0), 2], own: { value: 2, qualifier: 'exact' }, kind: 'count' }),
      ];
      const svg = strips.map((option, i) => renderSvg(option, sizes[i] ?? { width: 360, height: 80 }, `strip${i}`, 'x')).join('\n');
      await expect(svg).toMatchFileSnapshot(golden(`gallery-strips-${lang}`));
    });

    it(`distributions of counts over every level and of rates, with and without a not-stated row, in ${lang}`, async () => {
      const text = { notStated: lang === 'zh' ? '未填报' : 'not stated', levelLabel: (l: Level) => l };
      const counts = histogram(
        [
          entry(0, 'national'),
          entry(5, 'province'),
          entry(45, 'prefecture'),
          entry(450, 'county'),
          entry(12000, 'county'),
          entry(0, 'county'),
        ],
        'count',
      );
      const rates = histogram([entry(0, 'county'), entry(0.15, 'county'), entry(0.5, 'prefecture'), entry(1, 'county')], 'rate');
      const drawn = [
        renderSvg(distributionOption(counts, 'count', lang, text, 3), distributionSize(counts, 3, 480), 'dc', 'x'),
        renderSvg(distributionOption(rates, 'rate', lang, text, null), distributionSize(rates, null, 300), 'dr', 'x'),
      ].join('\n');
      await expect(drawn).toMatchFileSnapshot(golden(`gallery-distributions-${lang}`));
    });
  }
});

describe('compare chart', () => {
  const data = (mode: 'abs' | 'index'): CompareChartData => ({
    years: [2019, 2020, 2021, 2022],
    lines: [
      { label: '测试市交通运输局', points: [point(2019, 80), null, point(2021, 120, 'at_least'), point(2022, 0)], sources: {} },
      { label: 'Test District C', points: [point(2019, 70), point(2020, 75), point(2021, 88, 'about'), point(2022, 95)], sources: {} },
      { label: '乙', points: [null, null, point(2021, 3, 'nearly'), null], sources: {} },
    ],
    mode,
    axisName: mode === 'abs' ? 'count' : 'index',
    allowNegative: false,
  });
  for (const lang of LANGS) {
    it(`absolute and indexed, in ${lang}`, async () => {
      const text = { missing: 'not stated', sourceUnknown: '?', approximate: 'approximate', notStated: 'no figure' };
      for (const mode of ['abs', 'index'] as const) {
        // The build-time renderer has no tooltip component (the browser adds it).
        const { tooltip: _tooltip, ...option } = compareChartOption(data(mode), lang, text, 480);
        await expect(renderSvg(option as ChartOption, { width: 480, height: 360 }, 'compare', 'x')).toMatchFileSnapshot(
          golden(`compare-${mode}-${lang}`),
        );
      }
    });
  }
});
