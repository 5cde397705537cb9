/**
 * Whatever the data build accepts, the site must build. Random datasets that pass the data build (any text
 * the validation lets through in names, labels, notes and locators; any accepted URL; extreme and approximate
 * values; sparse years) are written as generated files and rendered through every page template and file
 * route of the site, chart SVG and PNG included, with Astro's container API. Nothing may throw, and no page
 * may carry a character XML forbids (the PNG rasteriser would refuse it).
 *
 * The runs are kept few and the datasets small so the file takes a few seconds; PAGE_RUNS=200 searches deeper.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { APIContext } from 'astro';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CHART_METRICS } from '../../src/lib/core/chart-specs.ts';
import { forbiddenCharacterAt } from '../../src/lib/core/characters.ts';
import { findDivision } from '../../src/lib/core/divisions.ts';
import { parseAgencyId, reportIdFor } from '../../src/lib/core/ids.ts';
import { COLUMNS, QUALIFIERS, SCOPES, TEMPLATES } from '../../src/lib/core/schema.ts';
import { SECTORS } from '../../src/lib/core/sectors.ts';
import { isGovernmentHost, urlProblem } from '../../src/lib/core/urls.ts';
import { buildDataset } from '../../src/lib/pipeline/dataset.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { MAX_YEAR, METRICS } from '../unit/fixtures.ts';
import { urlCandidate } from '../unit/url-arbitraries.ts';

// ---------------------------------------------------------------------------------------------------------
// Accepted datasets.

/** Text the validation accepts: any characters but controls, with markup, right-to-left script and emoji mixed in. */
const freeText = fc
  .oneof(
    { weight: 3, arbitrary: fc.string({ minLength: 1, maxLength: 24, unit: 'grapheme' }) },
    { weight: 2, arbitrary: fc.string({ minLength: 1, maxLength: 12, unit: 'binary' }) },
    fc.constantFrom(
      '<script>alert(1)</script>',
      '"><img src=x onerror=alert(1)>',
      ']]><!--',
      '&amp; &#0; &lt;',
      'مديرية النقل',
      '\u202eevil\u202c',
      '👩‍👩‍👧‍👦🇨🇳',
      '\ud83d\ude00',
      'e\u0301\u0301\u0301',
      '\u200b\u2060\ufeff',
      "=cmd|' /C calc'!A0",
      'x'.repeat(300),
      '测试'.repeat(80),
    ),
  )
  .filter((s) => forbiddenCharacterAt(s, false) < 0 && s.trim() !== '' && !/^[\s\u3000]|[\s\u3000]$/.test(s));
const multilineText = fc.oneof(
  freeText,
  fc.tuple(freeText, freeText).map(([a, b]) => `${a}\n${b}`),
);
const acceptedUrl = urlCandidate.filter((u) => urlProblem('source_url', u) === null);

const METRIC_ROWS = Papa.parse<Record<string, string>>(METRICS, { header: true, skipEmptyLines: true }).data;
const UNIT = new Map(METRIC_ROWS.map((m) => [m.key ?? '', m.unit ?? '']));
/** Mostly the metrics the charts and rankings draw, so the data reaches the pages, and the stated changes (signed). */
const FIGURE_KEYS = [
  ...new Set([
    ...CHART_METRICS,
    ...METRIC_ROWS.slice(0, 40).map((m) => m.key ?? ''),
    ...METRIC_ROWS.map((m) => m.key ?? '').filter((k) => /\.change(_pct)?$/.test(k)),
  ]),
].filter((k) => UNIT.has(k));

const value = (metric: string) => {
  const unit = UNIT.get(metric);
  const whole = fc.oneof(
    { weight: 5, arbitrary: fc.nat({ max: 500 }) },
    fc.nat({ max: 2_000_000_000 }),
    fc.constantFrom(0, 1, 999_999_999_999),
  );
  const signed = (n: fc.Arbitrary<string>) => fc.tuple(n, fc.boolean()).map(([v, negative]) => (negative && v !== '0' ? `-${v}` : v));
  const decimal = fc.tuple(fc.double({ min: 0, max: 1e9, noNaN: true }), fc.nat(6)).map(([n, digits]) => n.toFixed(digits));
  if (unit === 'count') return whole.map(String);
  if (unit === 'count_change') return signed(whole.map(String));
  // Stated percentage changes: signed, with decimals ("同比下降12.5%").
  if (unit === 'percent') return signed(fc.oneof(whole.map(String), decimal));
  return fc.oneof(whole.map(String), decimal);
};

/**
 * Agencies of every kind the ids allow: real division codes (the build checks them) at each level, a
 * municipality's district, a government (whose reports may be whole-jurisdiction ones), an "other" body with a
 * code of its own and a second body of one kind in one place. Names, aliases and websites are generated.
 */
const AGENCY_IDS = ['511100-jt', '511112-jt', '510000-jy', '100000-cz', '511100-zf', '110105-zf', '511100-xf', '511100-jt-2'];
const sectorOf = (id: string) => SECTORS.find((s) => s.code === parseAgencyId(id)?.code)?.key ?? 'other';
/** A publication date after the end of the year the report covers. */
const publishedAfter = (year: number) =>
  fc
    .date({
      min: new Date(`${year + 1}-01-01T00:00:00Z`),
      max: new Date(`${Math.min(year + 2, MAX_YEAR)}-12-31T00:00:00Z`),
      noInvalidDate: true,
    })
    .map((d) => d.toISOString().slice(0, 10));

const agency = (id: string) =>
  fc
    .record({
      name_zh: freeText,
      name_en: freeText,
      aliases: fc.array(
        freeText.filter((s) => !s.includes('|')),
        { maxLength: 2 },
      ),
      website: fc.option(acceptedUrl, { nil: '' }),
    })
    .map((a) => {
      const division = findDivision(id.slice(0, 6));
      if (!division) throw new Error(`no division for ${id}`);
      const { level, province, prefecture } = division;
      return { id, ...a, level, sector: sectorOf(id), province, prefecture, aliases: a.aliases.join('|') };
    });

/** One report of an agency for a year: its own (any scope but system) or a whole-jurisdiction one (system). */
const report = (agencyId: string, year: number, scope: (typeof SCOPES)[number]) =>
  fc
    .record({
      template: fc.constantFrom(...TEMPLATES),
      source_url: fc.option(acceptedUrl, { nil: '' }),
      published: fc.option(publishedAfter(year), { nil: '' }),
      notes: multilineText,
      figures: fc.uniqueArray(fc.constantFrom(...FIGURE_KEYS), { minLength: 1, maxLength: 8 }),
    })
    .chain((r) =>
      fc
        .tuple(
          ...r.figures.map((metric) =>
            fc.record({ value: value(metric), qualifier: fc.constantFrom(...QUALIFIERS, ''), locator: freeText, note: multilineText }),
          ),
        )
        .map((figures) => ({
          report: {
            id: reportIdFor(agencyId, year, scope),
            agency_id: agencyId,
            year: String(year),
            template: r.template,
            source_url: r.source_url,
            official: r.source_url === '' ? '' : isGovernmentHost(r.source_url) ? 'yes' : 'no',
            scope,
            published: r.published,
            notes: r.notes,
          },
          figures: figures.map((f, i) => ({ report_id: reportIdFor(agencyId, year, scope), metric: r.figures[i] ?? '', ...f })),
        })),
    );

/** The reports of one year: the agency's own, a whole-jurisdiction one, or both (one id each). */
const yearReports = (agencyId: string, year: number) =>
  fc
    .record({ own: fc.option(fc.constantFrom(...SCOPES.filter((s) => s !== 'system')), { nil: null }), system: fc.boolean() })
    .filter(({ own, system }) => own !== null || system)
    .chain(({ own, system }) =>
      fc.tuple(...[...(own === null ? [] : [own]), ...(system ? ['system' as const] : [])].map((scope) => report(agencyId, year, scope))),
    );

/** Some metric labels replaced by free text: they are drawn in charts, tables and file names of nothing. */
const metrics = fc.array(fc.tuple(fc.constantFrom(...FIGURE_KEYS), freeText, freeText), { maxLength: 3 }).map((relabel) => {
  const labels = new Map(relabel.map(([key, zh, en]) => [key, { zh, en }]));
  const rows = METRIC_ROWS.map((m) => {
    const l = labels.get(m.key ?? '');
    return l ? { ...m, label_zh: l.zh, label_en: l.en } : m;
  });
  return { text: Papa.unparse(rows, { newline: '\n' }) + '\n', relabelled: relabel };
});

const csv = (rows: Record<string, string>[]) => Papa.unparse(rows, { newline: '\n' }) + '\n';

/**
 * At most one logged correction, of the first figure: its new value is the figure as it stands (written the
 * same way), the rest is generated.
 */
const correction = (figure: { report_id: string; metric: string; value: string }) =>
  fc.record({
    date: publishedAfter(2008),
    report_id: fc.constant(figure.report_id),
    metric: fc.constant(figure.metric),
    old_value: fc.option(fc.nat({ max: 10_000 }).map(String), { nil: '' }),
    new_value: fc.constant(figure.value),
    reason: freeText,
  });

const dataset = fc
  .uniqueArray(fc.constantFrom(...AGENCY_IDS), { minLength: 1, maxLength: 4 })
  .chain((ids) =>
    fc.record({
      agencies: fc.tuple(...ids.map(agency)),
      reports: fc.tuple(
        ...ids.map((id) =>
          fc
            .uniqueArray(fc.integer({ min: 2008, max: MAX_YEAR - 1 }), { minLength: 1, maxLength: 3 })
            .chain((years) => fc.tuple(...years.map((y) => yearReports(id, y)))),
        ),
      ),
      metrics,
      corrected: fc.boolean(),
    }),
  )
  .chain(({ agencies, reports, metrics, corrected }) => {
    const all = reports.flat(2);
    const first = all[0]?.figures[0];
    return (first && corrected ? correction(first).map((c) => [c]) : fc.constant<Record<string, string>[]>([])).map((corrections) => ({
      agencies,
      all,
      metrics,
      corrections,
    }));
  })
  .map(({ agencies, all, metrics, corrections }) => {
    const texts = {
      agencies: csv(agencies),
      reports: csv(all.map((r) => r.report)),
      figures: csv(all.flatMap((r) => r.figures)),
      metrics: metrics.text,
      corrections: corrections.length > 0 ? csv(corrections) : `${COLUMNS.corrections.join(',')}\n`,
    };
    // A counterexample prints the small files in full and only the relabelled rows of the catalogue.
    return Object.assign(texts, {
      [fc.toStringMethod]: () => JSON.stringify({ ...texts, metrics: `<metrics.csv with labels ${JSON.stringify(metrics.relabelled)}>` }),
    });
  });

// ---------------------------------------------------------------------------------------------------------
// Rendering every page template and file route.

type Route = { params: Record<string, string | undefined>; props: Record<string, unknown> };
interface PageModule {
  default?: unknown;
  getStaticPaths?: () => Route[];
  GET?: (context: APIContext) => Response | Promise<Response>;
}

const PAGES = import.meta.glob<PageModule>('../../src/pages/**/*.{astro,ts}');

/** Every character XML 1.0 forbids, the ones that broke chart.png. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;

async function writeGenerated(files: Iterable<[string, string | Iterable<string>]>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'pages-'));
  for (const [path, content] of files) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), typeof content === 'string' ? content : [...content].join(''));
  }
  return dir;
}

const RUNS = Number(process.env.PAGE_RUNS ?? 12);

describe('every dataset the data build accepts builds into pages', { timeout: 300_000 }, () => {
  it('renders every page and file route, SVG and PNG charts included, without throwing', async () => {
    process.env.CHART_PNG_CACHE = await mkdtemp(join(tmpdir(), 'png-cache-'));
    const container = await AstroContainer.create();
    const modules = await Promise.all(Object.entries(PAGES).map(async ([path, load]) => [path, await load()] as const));
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(dataset, fc.constantFrom('zh', 'en'), fc.nat(), fc.boolean(), async (texts, lang, pick, png) => {
        const result = buildDataset(texts, { dir: 'data', maxYear: MAX_YEAR });
        expect(result.problems.map(formatProblem), 'the generator makes accepted datasets').toEqual([]);
        accepted++;
        process.env.GENERATED_DIR = await writeGenerated(generatedFiles(result.dataset));
        for (const [path, mod] of modules) {
          const routes = (mod.getStaticPaths?.() ?? [{ params: {}, props: {} }]).filter((r) => (r.props.lang ?? lang) === lang);
          // Agency and embed pages for every agency; of the pages per metric or year, one.
          const perAgency = path.includes('[id]') || path.includes('[agency]');
          const chosen = perAgency ? routes : routes.slice(pick % Math.max(routes.length, 1)).slice(0, 1);
          for (const route of chosen) {
            const where = `${path} ${JSON.stringify(route.params)}`;
            if (path.endsWith('.ts')) {
              if (path.endsWith('chart.png.ts') && !png) continue;
              const response = await mod.GET?.({ props: route.props, params: route.params } as unknown as APIContext);
              const body = Buffer.from((await response?.arrayBuffer()) ?? new ArrayBuffer(0));
              expect(body.length, where).toBeGreaterThan(0);
              if (!path.endsWith('.png.ts')) expect(body.toString('utf8'), where).not.toMatch(NOT_XML);
            } else {
              const html = await container.renderToString(mod.default as never, {
                props: route.props,
                params: route.params as Record<string, string>,
              });
              expect(html, where).toContain('</html>');
              expect(html, where).not.toMatch(NOT_XML);
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(accepted).toBe(RUNS);
  });
});
