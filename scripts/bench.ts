/**
 * Benchmark of the whole build: the data build and the site build run as child processes on the bundled data
 * or on a synthetic national-scale dataset, and a markdown table reports wall time and peak memory of each
 * step, pages, and bytes per page type. It only runs commands and reads dist/, so it does not depend on the
 * layout of the generated data. Prints numbers; asserts nothing.
 *
 *   npm run bench                                   the bundled data in data/
 *   npm run bench -- --agencies 3000 --years 8      synthetic data (scripts/bench/synthetic.ts)
 *   npm run bench -- --extract [--pages 1000]       the extraction batch (npm run extract -- DIR --out OUT) on
 *                                                   synthetic report pages (scripts/bench/report-grammar.ts)
 *   npm run bench -- --extract --pages-dir DIR      … on a folder of saved pages instead
 *
 * Options: --seed N (synthetic data, default 1), --data-only (no site build), --keep (keep the temporary
 * folder with inputs, outputs and logs). Progress goes to stderr when it is a terminal; the table to stdout.
 */
import { spawn } from 'node:child_process';
import { closeSync, createWriteStream, existsSync, openSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { median } from 'd3-array';
import { agencyLines, figureLines, reportLines, syntheticAgencies, type SyntheticOptions } from './bench/synthetic.ts';
import { grammarReport } from './bench/report-grammar.ts';
import { COLUMNS } from '../src/lib/core/schema.ts';

const { values: args } = parseArgs({
  options: {
    agencies: { type: 'string' },
    years: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    'data-only': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    extract: { type: 'boolean', default: false },
    pages: { type: 'string', default: '1000' },
    'pages-dir': { type: 'string' },
  },
});

// ---------------------------------------------------------------------------------------------------------
// Formatting and progress.

const nf = new Intl.NumberFormat('en-US');
const count = (n: number) => nf.format(n);
function bytes(n: number): string {
  const units = ['B', 'KiB', 'MiB', 'GiB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(unit === 0 ? 0 : 1)} ${units[unit]}`;
}
function duration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
}

const tty = process.stderr.isTTY;
/** One updating status line on a terminal; nothing when stderr is a file or a pipe. */
function progress(text: string): void {
  if (tty) process.stderr.write(`\r\x1b[K${text}`);
}
const done = () => progress('');

// ---------------------------------------------------------------------------------------------------------
// Child processes with wall time and peak memory.

interface Measured {
  ms: number;
  /** CPU time of the child (user + system), which other load on the machine disturbs less than wall time. */
  cpuMs: number | null;
  /** Peak resident set size in bytes, when it could be measured. */
  peakRss: number | null;
  code: number;
  log: string;
}

const GNU_TIME = '/usr/bin/time';
const REPORT_RSS = new URL('./bench/report-rss.ts', import.meta.url).pathname;

/** Peak RSS (KiB) and CPU time (ms) from GNU time's -v report, or from report-rss.ts lines (one per process). */
function usage(report: string, gnuTime: boolean): { peakKiB: number; cpuMs: number } | null {
  if (gnuTime) {
    const field = (name: string) => Number(new RegExp(`${name}: ([\\d.]+)`).exec(report)?.[1] ?? NaN);
    const result = {
      peakKiB: field('Maximum resident set size \\(kbytes\\)'),
      cpuMs: (field('User time \\(seconds\\)') + field('System time \\(seconds\\)')) * 1000,
    };
    return Number.isFinite(result.peakKiB) && Number.isFinite(result.cpuMs) ? result : null;
  }
  const processes = report
    .split('\n')
    .filter(Boolean)
    .map((line) => line.split(' ').map(Number));
  if (processes.length === 0) return null;
  return {
    peakKiB: Math.max(...processes.map(([kib]) => kib ?? 0)),
    cpuMs: processes.reduce((sum, [, micros]) => sum + (micros ?? 0) / 1000, 0),
  };
}

/**
 * Run `node ...args` with its output in `logFile`. Peak memory and CPU time come from GNU time when installed,
 * otherwise from the child itself (report-rss.ts). `status` describes progress from the log so far, for the
 * terminal.
 */
async function measure(
  label: string,
  nodeArgs: string[],
  env: Record<string, string>,
  logFile: string,
  status: (log: string) => string = () => '',
): Promise<Measured> {
  const rssFile = `${logFile}.rss`;
  const gnuTime = existsSync(GNU_TIME);
  const [command, commandArgs, extraEnv]: [string, string[], Record<string, string>] = gnuTime
    ? [GNU_TIME, ['-v', '-o', rssFile, process.execPath, ...nodeArgs], {}]
    : [process.execPath, nodeArgs, { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import=${REPORT_RSS}`, BENCH_RSS_FILE: rssFile }];
  const out = openSync(logFile, 'w');
  const start = performance.now();
  const timer = setInterval(() => {
    const s = status(readFileSync(logFile, 'utf8'));
    progress(`${label}… ${duration(performance.now() - start)}${s ? `, ${s}` : ''}`);
  }, 1000);
  const child = spawn(command, commandArgs, { env: { ...process.env, TZ: 'UTC', ...env, ...extraEnv }, stdio: ['ignore', out, out] });
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  const ms = performance.now() - start;
  clearInterval(timer);
  done();
  closeSync(out);
  const used = existsSync(rssFile) ? usage(readFileSync(rssFile, 'utf8'), gnuTime) : null;
  return { ms, cpuMs: used?.cpuMs ?? null, peakRss: used ? used.peakKiB * 1024 : null, code, log: readFileSync(logFile, 'utf8') };
}

/** What a failed child said went wrong: V8's fatal error or the thrown error's first line, else its last line. */
function failure(m: Measured): string {
  const lines = m.log.split('\n').filter((l) => l.trim() !== '');
  const reason = lines.find((l) => /^FATAL ERROR|^\w*Error\b/.test(l.trim())) ?? lines.at(-1) ?? '';
  return `failed (exit ${m.code}): ${reason.trim().slice(0, 160)}`;
}

// ---------------------------------------------------------------------------------------------------------
// Input: the bundled data, or a synthetic dataset written to a temporary folder.

async function writeLines(file: string, lines: Iterable<string>): Promise<{ lines: number; bytes: number }> {
  const stream = createWriteStream(file);
  let chunk: string[] = [];
  let n = 0;
  const flush = async () => {
    if (!stream.write(chunk.join('\n') + '\n')) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
    chunk = [];
  };
  for (const line of lines) {
    chunk.push(line);
    n++;
    if (chunk.length >= 20_000) await flush();
  }
  if (chunk.length > 0) await flush();
  await new Promise<void>((resolve, reject) => stream.end((error?: Error | null) => (error ? reject(error) : resolve())));
  return { lines: n, bytes: statSync(file).size };
}

async function generate(options: SyntheticOptions, dir: string): Promise<string> {
  const start = performance.now();
  await mkdir(dir, { recursive: true });
  const agencies = syntheticAgencies(options);
  await writeLines(join(dir, 'agencies.csv'), agencyLines(agencies));
  const reports = await writeLines(join(dir, 'reports.csv'), reportLines(agencies));
  const onAgency = (n: number) => {
    if (n % 25 === 0 || n === agencies.length) progress(`generating… ${count(n)}/${count(agencies.length)} agencies`);
  };
  const figures = await writeLines(join(dir, 'figures.csv'), figureLines(options, agencies, onAgency));
  await copyFile('data/metrics.csv', join(dir, 'metrics.csv'));
  await writeLines(join(dir, 'corrections.csv'), [COLUMNS.corrections.join(',')]);
  done();
  return (
    `Synthetic input: ${count(agencies.length)} agencies, ${count(reports.lines - 1)} reports, ` +
    `${count(figures.lines - 1)} figure rows (figures.csv ${bytes(figures.bytes)}), generated in ${duration(performance.now() - start)}.`
  );
}

// ---------------------------------------------------------------------------------------------------------
// Output: pages by type, bytes per page.

/** Page types by URL (without the /en/ prefix); the first match wins. Add a row for a new kind of page. */
const PAGE_TYPES: [type: string, pattern: RegExp][] = [
  ['home', /^\/$/],
  ['directory', /^\/agencies\/$/],
  ['agency', /^\/agencies\/[^/]+\/$/],
  ['compare', /^\/compare\//],
  ['metrics', /^\/metrics\//],
  ['embed', /^\/embed\//],
  ['data', /^\/data\//],
  ['about', /^\/about\//],
];
const typeOrder = (type: string) => {
  const i = PAGE_TYPES.findIndex(([t]) => t === type);
  return i < 0 ? PAGE_TYPES.length : i;
};
const pageType = (url: string) => PAGE_TYPES.find(([, pattern]) => pattern.test(url.replace(/^\/en\//, '/')))?.[0] ?? 'other';

interface PageStats {
  raw: number[];
  gzip: number[];
  /** Inline and linked JavaScript of the page, gzipped. */
  js: number[];
}

async function inspectDist(dist: string) {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  const pages = files.filter((f) => f.endsWith(`${sep}index.html`));
  const byType = new Map<string, PageStats>();
  const scriptSize = new Map<string, number>();
  const linkedScript = (src: string) => {
    let size = scriptSize.get(src);
    if (size === undefined) {
      const file = join(dist, src.split('?')[0] ?? src);
      size = existsSync(file) ? gzipSync(readFileSync(file)).length : 0;
      scriptSize.set(src, size);
    }
    return size;
  };
  for (const [i, file] of pages.entries()) {
    if (i % 200 === 0) progress(`reading pages… ${count(i)}/${count(pages.length)}`);
    const html = await readFile(file);
    const text = html.toString('utf8');
    const url = `/${relative(dist, file).split(sep).slice(0, -1).join('/')}/`.replace(/^\/\/$/, '/');
    let js = 0;
    for (const m of text.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const src = /\bsrc="([^"]+)"/.exec(m[1] ?? '')?.[1];
      js += src ? linkedScript(src) : m[2] ? gzipSync(m[2]).length : 0;
    }
    const stats = byType.get(pageType(url)) ?? { raw: [], gzip: [], js: [] };
    stats.raw.push(html.length);
    stats.gzip.push(gzipSync(html).length);
    stats.js.push(js);
    byType.set(pageType(url), stats);
  }
  done();
  let total = 0;
  for (const f of files) total += (await stat(f)).size;
  return { pages: pages.length, files: files.length, total, byType };
}

// ---------------------------------------------------------------------------------------------------------
// The run.

/**
 * The extraction batch on N pages: a third whole reports as HTML with the section 三 table, a third as text,
 * a third as search-result excerpts in JSONL — or the pages of a folder. One child process, as a curator runs it.
 */
async function benchExtract(root: string): Promise<string[]> {
  let dir = args['pages-dir'];
  let described: string;
  if (dir === undefined) {
    const n = Number(args.pages);
    if (!Number.isInteger(n) || n <= 0) throw new Error('--pages must be a positive integer');
    dir = join(root, 'pages');
    await mkdir(dir, { recursive: true });
    const jsonl: string[] = [];
    let bytesWritten = 0;
    for (let i = 1; i <= n; i++) {
      const kind = i % 3;
      const report = grammarReport(i, { html: kind === 0, full: kind !== 2 });
      if (kind === 2) jsonl.push(JSON.stringify({ url: `https://example.gov.cn/report/${i}.html`, title: '', text: report.page }));
      else await writeFile(join(dir, `page-${String(i).padStart(5, '0')}.${kind === 0 ? 'html' : 'txt'}`), report.page);
      bytesWritten += Buffer.byteLength(report.page);
    }
    await writeFile(join(dir, 'search-results.jsonl'), jsonl.join('\n') + '\n');
    described = `${count(n)} synthetic pages (scripts/bench/report-grammar.ts): HTML and text reports with the section 三 table, and JSONL excerpts; ${bytes(bytesWritten)} of text`;
  } else {
    described = `the pages in ${dir}`;
  }
  const out = join(root, 'extract-out');
  const m = await measure('extraction batch', ['scripts/extract.ts', dir, '--out', out], {}, join(root, 'extract.log'));
  const summary = /(\d+) pages: (\d+) reports, (\d+) figures/.exec(m.log);
  const pages = summary ? Number(summary[1]) : 0;
  const cpu = m.cpuMs === null ? 'n/a' : duration(m.cpuMs);
  return [
    `### Extraction batch: ${described}`,
    '',
    `${availableParallelism()} CPUs, Node ${process.versions.node}; load average at the end ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' / ')} (1 / 5 / 15 min).`,
    '',
    '| step | wall time | CPU time | peak RSS | result |',
    '| --- | --: | --: | --: | --- |',
    `| \`npm run extract -- DIR --out OUT\` (one process) | ${duration(m.ms)} | ${cpu} | ${m.peakRss === null ? 'n/a' : bytes(m.peakRss)} | ${
      m.code !== 0 || !summary
        ? failure(m)
        : `${count(pages)} pages read and extracted (${count(Number(summary[2]))} distinct report ids, ${count(Number(summary[3]))} figures written); ${(pages / (m.ms / 1000)).toFixed(0)} pages per second`
    } |`,
  ];
}

const root = await mkdtemp(join(tmpdir(), 'bench-'));
const generated = join(root, 'generated');
const dist = join(root, 'dist');
const lines: string[] = [];
try {
  if (args.extract) {
    lines.push(...(await benchExtract(root)));
  } else {
    let input = 'data';
    let title = 'bundled data (data/)';
    let inputNote = '';
    if (args.agencies !== undefined) {
      const options: SyntheticOptions = {
        agencies: Number(args.agencies),
        years: Number(args.years),
        seed: Number(args.seed),
        lastYear: new Date().getUTCFullYear() - 1,
      };
      if (![options.agencies, options.years, options.seed].every((n) => Number.isInteger(n) && n > 0)) {
        throw new Error('--agencies, --years and --seed must be positive integers');
      }
      input = join(root, 'input');
      title = `${count(options.agencies)} agencies × ${options.years} years (synthetic, seed ${options.seed})`;
      inputNote = await generate(options, input);
    }

    const rows: string[][] = [];
    const rss = (m: Measured) => (m.peakRss === null ? 'n/a' : bytes(m.peakRss));
    const cpu = (m: Measured) => (m.cpuMs === null ? 'n/a' : duration(m.cpuMs));

    const compute = await measure('data build, in memory only', ['scripts/bench/compute.ts', input], {}, join(root, 'compute.log'));
    const c = compute.code === 0 ? (JSON.parse(compute.log.trim().split('\n').at(-1) ?? '{}') as Record<string, number>) : null;
    rows.push([
      'data build, in memory only (read + validate + derive)',
      duration(compute.ms),
      cpu(compute),
      rss(compute),
      c
        ? `read ${duration(c.readMs ?? 0)}, buildDataset ${duration(c.buildMs ?? 0)}; ${count(c.rowsRead ?? 0)} rows read, ${count(c.figures ?? 0)} figures out, ${count(c.warnings ?? 0)} warnings, ${count(c.errors ?? 0)} errors`
        : failure(compute),
    ]);

    const data = await measure(
      'data build',
      ['scripts/build-data.ts', '--in', input, '--out', generated],
      { GENERATED_DIR: generated },
      join(root, 'data-build.log'),
    );
    let outSize = 0;
    if (data.code === 0) {
      for (const e of await readdir(generated, { recursive: true, withFileTypes: true })) {
        if (e.isFile()) outSize += (await stat(join(e.parentPath, e.name))).size;
      }
    }
    const summary = /(\d+) error\(s\), (\d+) warning\(s\); (\d+) agencies, (\d+) reports, (\d+) figures/.exec(data.log);
    rows.push([
      'data build (`scripts/build-data.ts`)',
      duration(data.ms),
      cpu(data),
      rss(data),
      data.code !== 0
        ? // The build prints its summary once validation is done and before it writes anything.
          `${failure(data)}${summary ? ' — after validation, while writing the output' : ''}`
        : `${summary ? `${count(Number(summary[3]))} agencies, ${count(Number(summary[4]))} reports, ${count(Number(summary[5]))} figures; ` : ''}output ${bytes(outSize)}`,
    ]);

    let pageTable: string[] = [];
    if (args['data-only']) {
      rows.push(['site build', 'skipped (--data-only)', '', '', '']);
    } else if (data.code !== 0) {
      rows.push(['site build', 'skipped (the data build failed)', '', '', '']);
    } else {
      const routes = (log: string) => `${count((log.match(/[├└]─ \//g) ?? []).length)} routes`;
      const site = await measure(
        'site build',
        ['node_modules/.bin/astro', 'build', '--outDir', dist],
        // A fresh PNG cache: the bench measures a first build, when every chart is rasterised.
        { GENERATED_DIR: generated, CHART_PNG_CACHE: join(root, 'png-cache') },
        join(root, 'site-build.log'),
        routes,
      );
      if (site.code !== 0) {
        rows.push(['site build (`astro build`)', duration(site.ms), cpu(site), rss(site), failure(site)]);
      } else {
        const d = await inspectDist(dist);
        rows.push([
          'site build (`astro build`)',
          duration(site.ms),
          cpu(site),
          rss(site),
          `${count(d.pages)} pages, ${count(d.files)} files, dist ${bytes(d.total)}; ${(site.ms / Math.max(1, d.pages)).toFixed(0)} ms per page`,
        ]);
        const m = (xs: number[]) => bytes(median(xs) ?? 0);
        const max = (xs: number[]) => bytes(Math.max(0, ...xs));
        pageTable = [
          '| page type | pages | HTML median | HTML max | gzip median | gzip max | JS max (gzip) |',
          '| --- | --: | --: | --: | --: | --: | --: |',
          ...[...d.byType]
            .sort(([a], [b]) => typeOrder(a) - typeOrder(b))
            .map(
              ([type, s]) =>
                `| ${type} | ${count(s.raw.length)} | ${m(s.raw)} | ${max(s.raw)} | ${m(s.gzip)} | ${max(s.gzip)} | ${max(s.js)} |`,
            ),
        ];
      }
    }

    const load = loadavg().map((l) => l.toFixed(1));
    lines.push(`### ${title}`, '');
    if (inputNote) lines.push(inputNote, '');
    lines.push(
      `${availableParallelism()} CPUs, ${bytes(totalmem())} memory, Node ${process.versions.node}; load average at the end ${load.join(' / ')} (1 / 5 / 15 min).`,
      '',
    );
    lines.push(
      '| step | wall time | CPU time | peak RSS | result |',
      '| --- | --: | --: | --: | --- |',
      ...rows.map((r) => `| ${r.join(' | ')} |`),
    );
    if (pageTable.length > 0) lines.push('', ...pageTable);
  }
} finally {
  if (args.keep) process.stderr.write(`kept ${root}\n`);
  else await rm(root, { recursive: true, force: true });
}
console.log(lines.join('\n'));
