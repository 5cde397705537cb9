/**
 * PNG versions of the charts (for print, for og:image), rasterised at build time with resvg and a bundled
 * font (Noto Sans SC from npm), never the machine's fonts: the same SVG gives the same pixels everywhere.
 *
 * resvg re-reads its font file for every text run, and the full CJK font is 10 MB, which made a chart cost
 * over 100 ms. So the font is cut down (subset-font) to the characters the charts use so far; a chart with a
 * new character grows the subset. Glyph outlines do not depend on which other glyphs are in the file, so the
 * pixels do not depend on the order charts are rendered in.
 *
 * Even so, a national build draws tens of thousands of charts, and most of them do not change between builds.
 * Each PNG is kept in node_modules/.cache/chart-png under a hash of its SVG and the renderer's settings, so a
 * rebuild after adding a few reports only rasterises the charts that changed.
 *
 * Rasterising and PNG encoding run in worker threads, one per core: resvg encodes on the calling thread, which
 * in a site build is the one thread that renders every page, so a build from cold spent a quarter of each chart
 * on the page-rendering thread and left the second core mostly idle.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ResvgRenderOptions } from '@resvg/resvg-js';
import subsetFont from 'subset-font';

const FONT_FILE = createRequire(import.meta.url).resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf');
const FONT_FAMILY = 'Noto Sans SC';

/** PNGs are twice the SVG's size: sharp on high-density screens and in print. */
export const PNG_ZOOM = 2;

/** CHART_PNG_CACHE moves the cache, e.g. to measure a build from cold (npm run bench does). */
const CACHE_DIR = process.env.CHART_PNG_CACHE ?? join('node_modules', '.cache', 'chart-png');
/** Everything besides the SVG that decides the pixels; a change here invalidates the cache. */
const versionOf = (name: string) => (createRequire(import.meta.url)(`${name}/package.json`) as { version: string }).version;
const RENDERER = JSON.stringify({
  resvg: versionOf('@resvg/resvg-js'),
  font: `${versionOf('@expo-google-fonts/noto-sans-sc')} ${FONT_FILE.split('node_modules').pop() ?? ''}`,
  zoom: PNG_ZOOM,
});

/** Characters always in the subset: printable ASCII and the punctuation the charts use. */
const BASE_CHARACTERS = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('') + '·、,:;()≈—–−±+%余约近';

interface Subset {
  characters: Set<string>;
  file: string;
}

let subset: Promise<Subset> | undefined;
let fullFont: Promise<Buffer> | undefined;
let fontDir: Promise<string> | undefined;
let subsetCount = 0;
let partialCount = 0;

/** The text an SVG draws: every character between tags, entities decoded. */
function svgCharacters(svg: string): Set<string> {
  const text = svg
    .replace(/<[^>]*>/g, '')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => ({ lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" })[e] ?? '');
  return new Set(text);
}

async function fontFor(characters: Set<string>): Promise<string> {
  for (;;) {
    const pending = subset;
    const current = await pending;
    if (current && [...characters].every((c) => current.characters.has(c))) return current.file;
    // Another chart started a newer subset while this one waited: check that one instead.
    if (subset !== pending) continue;
    subset = cutSubset(new Set([...BASE_CHARACTERS, ...(current?.characters ?? []), ...characters]));
  }
}

async function cutSubset(characters: Set<string>): Promise<Subset> {
  fullFont ??= readFile(FONT_FILE);
  const font = await subsetFont(await fullFont, [...characters].sort().join(''), { targetFormat: 'truetype' });
  // A new file per subset: a render still running may be reading the previous one.
  fontDir ??= mkdtemp(join(tmpdir(), 'chart-font-')).then((dir) => {
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return dir;
  });
  const file = join(await fontDir, `subset-${++subsetCount}.ttf`);
  await writeFile(file, font);
  return { characters, file };
}

/**
 * Rasterise an SVG. `expected` is text the caller knows later charts will use (agency names, labels): putting
 * it in the first subset saves cutting a new one for almost every chart.
 */
export async function renderPng(svg: string, expected = ''): Promise<Buffer> {
  const cached = join(CACHE_DIR, `${createHash('sha256').update(`${RENDERER}\n${svg}`).digest('hex')}.png`);
  try {
    return await readFile(cached);
  } catch {
    // Not rendered before: rasterise below.
  }
  const fontFile = await fontFor(new Set([...svgCharacters(svg), ...expected]));
  const png = await rasterise(svg, {
    fitTo: { mode: 'zoom', value: PNG_ZOOM },
    background: '#ffffff',
    font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY, sansSerifFamily: FONT_FAMILY },
  });
  // Write then rename, so a build that is interrupted never leaves a half-written PNG in the cache.
  await mkdir(CACHE_DIR, { recursive: true });
  // One partial file per render: two pages can draw the very same chart at once (two agencies of the same
  // name), and a shared partial name let the second rename find the first one's file gone.
  const partial = `${cached}.${process.pid}.${++partialCount}.partial`;
  await writeFile(partial, png);
  await rename(partial, cached);
  return png;
}

/**
 * The worker's script, CommonJS evaluated in place (not a file of its own, so bundling the site build's modules
 * cannot lose it): it rasterises and encodes each SVG it is sent and answers with the PNG's bytes.
 */
const WORKER_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { Resvg } = require(workerData.resvg);
parentPort.on('message', ({ id, svg, options }) => {
  try {
    // resvg's buffer lives outside the JavaScript heap and cannot be moved: a copy of it can.
    const png = new Uint8Array(new Resvg(svg, options).render().asPng());
    parentPort.postMessage({ id, png }, [png.buffer]);
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message ? error.message : error) });
  }
});
`;

interface Job {
  resolve: (png: Buffer) => void;
  reject: (error: Error) => void;
}

let workers: { worker: Worker; busy: number }[] | undefined;
const jobs = new Map<number, Job>();
let jobCount = 0;

function pool(): { worker: Worker; busy: number }[] {
  if (workers) return workers;
  const resvg = createRequire(import.meta.url).resolve('@resvg/resvg-js');
  workers = Array.from({ length: Math.max(1, availableParallelism()) }, () => {
    const worker = new Worker(WORKER_SCRIPT, { eval: true, workerData: { resvg } });
    const slot = { worker, busy: 0 };
    worker.on('message', ({ id, png, error }: { id: number; png?: Uint8Array; error?: string }) => {
      const job = jobs.get(id);
      jobs.delete(id);
      slot.busy--;
      if (slot.busy === 0) worker.unref();
      if (!job) return;
      if (png) job.resolve(Buffer.from(png.buffer, png.byteOffset, png.byteLength));
      else job.reject(new Error(`chart PNG: ${error ?? 'the renderer gave no image'}`));
    });
    worker.on('error', (error) => {
      for (const [id, job] of jobs) {
        jobs.delete(id);
        job.reject(error);
      }
    });
    // An idle worker does not keep the process alive; a busy one does, until its answer arrives.
    worker.unref();
    return slot;
  });
  return workers;
}

/** Rasterise and encode on the least busy worker thread. */
function rasterise(svg: string, options: ResvgRenderOptions): Promise<Buffer> {
  const slots = pool();
  const slot = slots.reduce((a, b) => (b.busy < a.busy ? b : a));
  const id = ++jobCount;
  return new Promise<Buffer>((resolve, reject) => {
    jobs.set(id, { resolve, reject });
    if (slot.busy === 0) slot.worker.ref();
    slot.busy++;
    slot.worker.postMessage({ id, svg, options });
  });
}
