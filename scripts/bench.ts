/**
 * Benchmark: how long the data build and chart rendering take, on the bundled data and on a copy scaled up
 * twenty-fold, plus the size of what the browser receives. Prints numbers; asserts nothing.
 *
 *   npm run bench            (run `npm run build` first to include page sizes)
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { median } from 'd3-array';
import { AGENCY_CHARTS, chartData } from '../src/lib/charts/agency-charts.ts';
import { renderSvg } from '../src/lib/charts/echarts.ts';
import { chartSize, yearChartOption } from '../src/lib/charts/options.ts';
import { buildDataset, type SourceTexts } from '../src/lib/dataset.ts';
import { stableStringify } from '../src/lib/json.ts';

const read = (name: string) => readFileSync(join('data', `${name}.csv`), 'utf8');
const texts: SourceTexts = { agencies: read('agencies'), reports: read('reports'), figures: read('figures'), metrics: read('metrics') };
const options = { dir: 'data', maxYear: new Date().getUTCFullYear() };

function time<T>(runs: number, fn: () => T): { ms: number; result: T } {
  const samples: number[] = [];
  let result = fn(); // warm-up
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = fn();
    samples.push(performance.now() - start);
  }
  return { ms: median(samples) ?? NaN, result };
}

/** The bundled data repeated `factor` times; copy i renames every agency id 123456-jt to 123456-jt-xi. */
function scaled(factor: number): SourceTexts {
  const copies = (text: string) => {
    const cut = text.indexOf('\n') + 1;
    const body = text.slice(cut);
    return (
      text.slice(0, cut) + Array.from({ length: factor }, (_, i) => (i === 0 ? body : body.replace(/(\d{6}-jt)/g, `$1-x${i}`))).join('')
    );
  };
  return { agencies: copies(texts.agencies), reports: copies(texts.reports), figures: copies(texts.figures), metrics: texts.metrics };
}

const real = time(10, () => buildDataset(texts, options));
const big = scaled(20);
const large = time(3, () => buildDataset(big, options));
const { dataset } = real.result;
const json = stableStringify(dataset);

const charts = dataset.agencies
  .flatMap((a) => AGENCY_CHARTS.map((spec) => chartData(spec, a.years, a.series, (k) => k)))
  .filter((c) => c.series.length > 0);
const render = time(3, () => charts.map((c, i) => renderSvg(yearChartOption(c, 'zh'), chartSize(c), `c${i}`, 'x')));

const rows: [string, string][] = [
  [
    'data build, bundled data',
    `${real.ms.toFixed(1)} ms (${dataset.agencies.length} agencies, ${dataset.reports.length} reports, ${dataset.figures.length} figures; median of 10)`,
  ],
  [
    'data build, 20× data',
    `${large.ms.toFixed(1)} ms (${large.result.dataset.reports.length} reports, ${large.result.dataset.figures.length} figures; median of 3)`,
  ],
  ['chart SVG render', `${(render.ms / charts.length).toFixed(2)} ms per chart (${charts.length} charts; median of 3)`],
  ['dataset.json', `${(json.length / 1024).toFixed(0)} KiB, ${(gzipSync(json).length / 1024).toFixed(0)} KiB gzip`],
];

if (existsSync('dist/agencies')) {
  const pages = readdirSync('dist/agencies', { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => readFileSync(join('dist/agencies', d.name, 'index.html'), 'utf8'));
  const html = pages.map((p) => gzipSync(p).length);
  const js = pages.map((p) => [...p.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].reduce((n, m) => n + gzipSync(m[1] ?? '').length, 0));
  rows.push([
    'agency page HTML (gzip)',
    `median ${((median(html) ?? 0) / 1024).toFixed(1)} KiB, max ${(Math.max(...html) / 1024).toFixed(1)} KiB (${pages.length} pages)`,
  ]);
  rows.push(['agency page JavaScript (gzip)', `max ${(Math.max(...js) / 1024).toFixed(2)} KiB (budget 15 KiB)`]);
} else {
  rows.push(['agency pages', 'dist/ not built; run `npm run build` first to measure page sizes']);
}

for (const [what, value] of rows) console.log(`${what.padEnd(32)} ${value}`);
