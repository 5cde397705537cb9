/**
 * A content-addressed cache of chart drawings, on disk, for the site build: one agency chart at one width is
 * drawn for its agency page, then again for its embed page and chart.svg, in two languages, and again on
 * every build though its data has not changed. Drawing (ECharts' SSR) is most of a national site build's time;
 * reading a cached drawing is a hash and a file read. The key is the option and size the drawing is made
 * from, with ECharts' version; a drawing's ids are renumbered by whoever uses it (finishSvg), so a cached one
 * gives the same page bytes as a new one. A function in the option (an axis label formatter) enters the key by
 * its source text, so what it reads from outside must be in `context` (the language, for the agency charts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { drawSvg, withoutStyle, type ChartOption, type RenderSize } from './echarts.ts';

/** CHART_SVG_CACHE moves the cache, e.g. to measure a build from cold (npm run bench does). */
const CACHE_DIR = process.env.CHART_SVG_CACHE ?? join('node_modules', '.cache', 'chart-svg');
const ECHARTS = (createRequire(import.meta.url)('echarts/package.json') as { version: string }).version;

const folders = new Set<string>();
let written = 0;

function keyOf(option: ChartOption, size: RenderSize, context: string): string {
  const text = JSON.stringify(option, (_key, value: unknown) =>
    typeof value === 'function'
      ? `function ${String(value)}`
      : typeof value === 'number' && !Number.isFinite(value)
        ? `number ${value}`
        : value,
  );
  return createHash('sha256').update(`${ECHARTS}\n${context}\n${size.width}x${size.height}\n${text}`).digest('hex');
}

/** drawSvg, or the same drawing made before (without the style rules finishSvg drops anyway). */
export function cachedDrawSvg(option: ChartOption, size: RenderSize, context: string): string {
  const key = keyOf(option, size, context);
  const file = join(CACHE_DIR, key.slice(0, 2), `${key}.svg`);
  try {
    return readFileSync(file, 'utf8');
  } catch {
    // Not drawn yet.
  }
  const svg = withoutStyle(drawSvg(option, size));
  const folder = join(CACHE_DIR, key.slice(0, 2));
  if (!folders.has(folder)) {
    mkdirSync(folder, { recursive: true });
    folders.add(folder);
  }
  // Written whole under another name first: two pages rendered at once may draw the same chart.
  const temp = `${file}.${process.pid}.${++written}`;
  writeFileSync(temp, svg);
  renameSync(temp, file);
  return svg;
}
