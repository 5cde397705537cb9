/**
 * Lighthouse scores of the built site, run with the machine's Chromium (CHROMIUM_PATH, default
 * /usr/bin/chromium): one home, agency, ranking, compare and embed page, Chinese and English. Prints a
 * markdown table; numbers go in docs/benchmarks.md. Run `npm run build` first.
 *
 *   node scripts/lighthouse.ts [--agency ID] [--runs N] [--desktop]
 *
 * Lighthouse emulates a phone by default; --desktop uses its desktop settings (wide screen, no slowdown).
 *
 * Scores vary from run to run on a busy machine; with --runs N each score is the median of N runs.
 */
import { parseArgs } from 'node:util';
import { median } from 'd3-array';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { serve } from './serve.ts';

const { values } = parseArgs({
  options: {
    agency: { type: 'string', default: '511112-jt' },
    runs: { type: 'string', default: '1' },
    desktop: { type: 'boolean', default: false },
  },
});
const runs = Math.max(1, Number(values.runs) || 1);
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const pages = (prefix: string) => [
  `${prefix}/`,
  `${prefix}/agencies/${values.agency}/`,
  `${prefix}/metrics/requests.new.total/`,
  `${prefix}/compare/?agencies=${values.agency}&metric=proactive.total&mode=abs`,
  `${prefix}/embed/${values.agency}/proactive/`,
];

const server = await serve('dist');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  chromeFlags: [
    '--headless=new',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
});
const rows: string[] = [];
const failures: string[] = [];
try {
  for (const path of [...pages(''), ...pages('/en')]) {
    const perRun: number[][] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(
        `${server.url}${path}`,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: [...CATEGORIES] },
        values.desktop ? desktopConfig : undefined,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error(`no Lighthouse result for ${path}`);
      perRun.push(CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100)));
      for (const audit of Object.values(lhr.audits)) {
        if (audit.score !== null && audit.score < 1 && audit.scoreDisplayMode === 'binary')
          failures.push(`${path} (run ${run + 1}): ${audit.id} — ${audit.title}`);
      }
    }
    const scores = CATEGORIES.map((_, i) => median(perRun, (r) => r[i]) ?? 0);
    rows.push(`| ${path} | ${scores.join(' | ')} |`);
    process.stderr.write(`${path}: ${scores.join(' ')}\n`);
  }
} finally {
  chrome.kill();
  await server.close();
}
console.log(`| page | ${CATEGORIES.join(' | ')} |\n|---|${CATEGORIES.map(() => '---:').join('|')}|\n${rows.join('\n')}`);
if (failures.length > 0) console.log(`\nFailed audits:\n${failures.map((f) => `- ${f}`).join('\n')}`);
