/**
 * The batch review workflow as a curator uses it: a folder of saved pages (synthetic, written for this test:
 * real place names, made-up figures) → OUT/*.csv with every row pending and review.html → decisions → merge
 * into a copy of data/. Pending rows never pass the data build; the merge never rewrites existing rows.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../src/lib/pipeline/dataset.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { mergeReviewed } from '../../src/lib/extract/merge.ts';
import { evidenceHtml } from '../../src/lib/extract/review.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pagesDir = fileURLToPath(new URL('../fixtures/extract/batch/', import.meta.url));

function run(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const rows = (file: string) => Papa.parse<Record<string, string>>(readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;

function proposeInto(data = dataCopy()): string {
  const out = mkdtempSync(join(tmpdir(), 'extract-out-'));
  const { code, stderr } = run('scripts/extract.ts', pagesDir, '--out', out, '--data', data);
  expect(code, stderr).toBe(0);
  return out;
}

// The fixtures' agencies, kept out of the data folder the tests use: the curated data/ may come to hold them,
// and these tests are about agencies the dataset does not know yet.
const FIXTURE_AGENCIES = ['330110-shw', '110101-zf'];

/** A copy of data/ without the fixtures' agencies, their reports, figures and corrections. */
function dataCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-data-'));
  cpSync(join(root, 'data'), dir, { recursive: true });
  const drop: Record<string, (line: string) => boolean> = {
    'agencies.csv': (line) => FIXTURE_AGENCIES.some((id) => line.startsWith(`${id},`)),
    'reports.csv': (line) => FIXTURE_AGENCIES.some((id) => line.startsWith(`${id}-`)),
    'figures.csv': (line) => FIXTURE_AGENCIES.some((id) => line.startsWith(`${id}-`)),
    'corrections.csv': (line) => FIXTURE_AGENCIES.some((id) => line.split(',')[1]?.startsWith(`${id}-`) ?? false),
  };
  for (const [file, dropped] of Object.entries(drop)) {
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(
      join(dir, file),
      text
        .split('\n')
        .filter((line) => !dropped(line))
        .join('\n'),
    );
  }
  return dir;
}

describe('npm run extract -- DIR --out OUT', { timeout: 60_000 }, () => {
  it('proposes agencies, reports and figures in the data format, every row pending review', () => {
    const out = proposeInto();
    const agencies = rows(join(out, 'agencies.csv'));
    expect(agencies.map((a) => [a.id, a.name_zh, a.level, a.province, a.prefecture, a.review])).toEqual([
      ['330110-shw', '杭州市余杭区商务局', 'county', '浙江省', '杭州市', 'pending'],
      ['110101-zf', '北京市东城区人民政府', 'county', '北京市', '北京市', 'pending'],
    ]);
    const reports = rows(join(out, 'reports.csv'));
    expect(reports.map((r) => [r.id, r.scope, r.source_url, r.official, r.published, r.review])).toEqual([
      ['330110-shw-2023', 'agency', '', '', '2024-01-18', 'pending'],
      ['110101-zf-2022-system', 'system', 'https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/example-2022.html', 'yes', '', 'pending'],
    ]);
    // A saved page without its address says where it came from, as the data build requires.
    expect(reports[0]?.notes).toContain('saved page commerce-2023.txt');
    const figures = rows(join(out, 'figures.csv')).map((f) => `${f.report_id} ${f.metric}=${f.value} ${f.review}`);
    expect(figures).toEqual(
      expect.arrayContaining([
        '330110-shw-2023 proactive.website=126 pending',
        '330110-shw-2023 proactive.wechat=58 pending',
        '330110-shw-2023 requests.new.total=7 pending',
        '330110-shw-2023 requests.carried_out.total=1 pending',
        '110101-zf-2022-system proactive.website=9100 pending',
        '110101-zf-2022-system proactive.website.change_pct=5.2 pending',
        '110101-zf-2022-system requests.narrative.total=420 pending',
        '110101-zf-2022-system requests.carried_in.total=12 pending',
      ]),
    );
    expect(figures).toHaveLength(10);
  });

  it('writes review.html with each figure beside its highlighted source text, and no page markup run as code', () => {
    const html = readFileSync(join(proposeInto(), 'review.html'), 'utf8');
    expect(html).toContain('通过区政府门户网站主动公开政府信息<mark>126条</mark>');
    expect(html).toContain('https://www.bjdch.gov.cn/zfxxgkzl/zfxxgknb/example-2022.html');
    expect(html).toContain('proposed, confirm');
    // The JSONL page that names no agency, and the one repeating a report id, are listed apart.
    expect(html).toMatch(/class="report unidentified"/);
    expect(html).toMatch(/class="report duplicate"/);
    // Markup in a page never reaches the review page as markup: the only script element is its own.
    expect(html.match(/<script/g)).toHaveLength(1);
  });

  it('escapes the source text it shows, marking the number', () => {
    expect(evidenceHtml({ text: '<img src=x onerror=alert(1)>公开信息12条"&', start: 32, end: 35 })).toBe(
      '&lt;img src=x onerror=alert(1)&gt;公开信息<mark>12条</mark>&quot;&amp;',
    );
  });

  it('refuses a folder without --out, and --out with a file', () => {
    expect(run('scripts/extract.ts', pagesDir).code).toBe(2);
    expect(run('scripts/extract.ts', join(pagesDir, 'commerce-2023.txt'), '--out', tmpdir()).code).toBe(0);
  });
});

describe('unreviewed rows cannot enter data/', { timeout: 60_000 }, () => {
  it('fails the data build on a pending row, at its review cell', () => {
    const out = proposeInto();
    const data = {
      agencies: readFileSync(join(root, 'data/agencies.csv'), 'utf8'),
      reports: readFileSync(join(root, 'data/reports.csv'), 'utf8'),
      // The proposals file copied over data/figures.csv whole, review column and all.
      figures: readFileSync(join(out, 'figures.csv'), 'utf8'),
      metrics: readFileSync(join(root, 'data/metrics.csv'), 'utf8'),
      corrections: readFileSync(join(root, 'data/corrections.csv'), 'utf8'),
    };
    const { problems } = buildDataset(data, { dir: 'data', maxYear: 2026 });
    const messages = problems.map(formatProblem);
    const firstRow = data.figures.split('\n')[1] ?? '';
    const column = firstRow.lastIndexOf(',pending') + 2;
    expect(messages).toContain(
      `data/figures.csv:2:${column}: review: this row was proposed by the extraction helper and is "pending", not reviewed; review it and merge with npm run extract:merge, or delete the row`,
    );
    expect(problems.filter((p) => p.message.startsWith('review:'))).toHaveLength(10);
  });

  it('fails the data build on proposed rows pasted under the data header (one field too many)', () => {
    const out = proposeInto();
    const pasted =
      readFileSync(join(root, 'data/figures.csv'), 'utf8') + readFileSync(join(out, 'figures.csv'), 'utf8').split('\n').slice(1).join('\n');
    const { problems } = buildDataset(
      {
        agencies: readFileSync(join(root, 'data/agencies.csv'), 'utf8'),
        reports: readFileSync(join(root, 'data/reports.csv'), 'utf8'),
        figures: pasted,
        metrics: readFileSync(join(root, 'data/metrics.csv'), 'utf8'),
        corrections: readFileSync(join(root, 'data/corrections.csv'), 'utf8'),
      },
      { dir: 'data', maxYear: 2026 },
    );
    expect(problems.some((p) => /expected 6 fields/.test(p.message))).toBe(true);
  });
});

// Each case runs the commands as a curator would, in a child process: slower than the unit default allows.
describe('npm run extract:merge -- OUT', { timeout: 60_000 }, () => {
  const decisions = [
    'file,key,review,value,qualifier,name_en',
    'agencies,330110-shw,ok,,,Commerce Bureau of Yuhang District (Hangzhou)',
    'reports,330110-shw-2023,ok,,,',
    'figures,330110-shw-2023|proactive.website,ok,,,',
    // A corrected value and qualifier.
    'figures,330110-shw-2023|proactive.wechat,ok,60,at_least,',
    'figures,330110-shw-2023|requests.new.total,rejected,,,',
    "agencies,110101-zf,ok,,,Dongcheng District People's Government (Beijing)",
  ].join('\n');

  it('merges only reviewed rows, applying the corrections, after the existing rows, which stay byte for byte', () => {
    const out = proposeInto();
    writeFileSync(join(out, 'decisions.csv'), decisions);
    const data = dataCopy();
    const before = readFileSync(join(data, 'figures.csv'), 'utf8');
    const { code, stderr } = run('scripts/extract-merge.ts', out, '--data', data);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('merged 2 agencies, 1 reports, 2 figures');
    expect(stderr).toContain('left out: figure 330110-shw-2023|requests.new.total: rejected');
    expect(stderr).toContain('left out: report 110101-zf-2022-system: not reviewed (review is "pending")');
    const after = readFileSync(join(data, 'figures.csv'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe(
      '330110-shw-2023,proactive.wechat,60,at_least,一(一) narrative,extract: confidence 0.75\n' +
        '330110-shw-2023,proactive.website,126,exact,一(一) narrative,extract: confidence 0.75\n',
    );
    // No review column reaches data/, and the data build accepts the result.
    // (The appended rows above carry no review cell; the header gains no review column.)
    expect(after.split('\n')[0]).not.toContain('review');
    expect(run('scripts/build-data.ts', '--in', data, '--out', mkdtempSync(join(tmpdir(), 'gen-'))).code).toBe(0);
  });

  it('never rewrites a row data/ already holds, and merging twice adds nothing', () => {
    const out = proposeInto();
    writeFileSync(join(out, 'decisions.csv'), decisions);
    const data = dataCopy();
    expect(run('scripts/extract-merge.ts', out, '--data', data).code).toBe(0);
    const once = readFileSync(join(data, 'figures.csv'), 'utf8');
    const { code, stderr } = run('scripts/extract-merge.ts', out, '--data', data);
    expect(code).toBe(0);
    expect(stderr).toContain('merged 0 agencies, 0 reports, 0 figures');
    expect(stderr).toContain('already in data/agencies.csv');
    expect(readFileSync(join(data, 'figures.csv'), 'utf8')).toBe(once);
  });

  it('writes nothing when the merged data would fail the data build, and says why at file:line:column', () => {
    const out = proposeInto();
    // The agency accepted without its English name, which data/agencies.csv requires.
    writeFileSync(join(out, 'decisions.csv'), 'file,key,review,value,qualifier,name_en\nagencies,330110-shw,ok,,,\n');
    const data = dataCopy();
    const before = readFileSync(join(data, 'agencies.csv'), 'utf8');
    const { code, stderr } = run('scripts/extract-merge.ts', out, '--data', data);
    expect(code).toBe(1);
    expect(stderr).toMatch(/agencies\.csv:\d+:\d+: name_en: name_en is empty/);
    expect(stderr).toContain('Nothing was written');
    expect(readFileSync(join(data, 'agencies.csv'), 'utf8')).toBe(before);
  });

  it('merges rows marked ok in the CSV files themselves (reviewed in a spreadsheet)', () => {
    const out = proposeInto();
    const data = dataCopy();
    const mark = (file: string, pick: (line: string) => boolean) => {
      const lines = readFileSync(join(out, file), 'utf8').split('\n');
      writeFileSync(join(out, file), lines.map((l, i) => (i > 0 && pick(l) ? l.replace(/,pending$/, ',ok') : l)).join('\n'));
    };
    mark('agencies.csv', (l) => l.startsWith('330110-shw,'));
    const agencies = readFileSync(join(out, 'agencies.csv'), 'utf8').replace(
      '330110-shw,杭州市余杭区商务局,,',
      '330110-shw,杭州市余杭区商务局,Commerce Bureau of Yuhang District,',
    );
    writeFileSync(join(out, 'agencies.csv'), agencies);
    mark('reports.csv', (l) => l.startsWith('330110-shw-2023,'));
    mark('figures.csv', (l) => l.startsWith('330110-shw-2023,requests.'));
    const { code, stderr } = mergeResult(out, data);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('merged 1 agencies, 1 reports, 2 figures');
  });
});

function mergeResult(out: string, data: string) {
  return run('scripts/extract-merge.ts', out, '--data', data);
}

describe('mergeReviewed', () => {
  it('leaves a figure whose report is neither in data/ nor accepted', () => {
    const result = mergeReviewed(
      {
        agencies: 'id,name_zh,name_en,level,sector,province,prefecture,aliases,website,review\n',
        reports: 'id,agency_id,year,template,source_url,official,scope,published,notes,review\n',
        figures: 'report_id,metric,value,qualifier,locator,note,review\n999999-jt-2020,proactive.total,5,exact,一 narrative,,ok\n',
      },
      {
        agencies: readFileSync(join(root, 'data/agencies.csv'), 'utf8'),
        reports: readFileSync(join(root, 'data/reports.csv'), 'utf8'),
        figures: readFileSync(join(root, 'data/figures.csv'), 'utf8'),
        metrics: readFileSync(join(root, 'data/metrics.csv'), 'utf8'),
        corrections: readFileSync(join(root, 'data/corrections.csv'), 'utf8'),
      },
      { dir: 'data', maxYear: 2026 },
    );
    expect(result.merged).toEqual({ agencies: 0, reports: 0, figures: 0 });
    expect(result.left).toEqual(['figure 999999-jt-2020|proactive.total: its report is neither in data/ nor accepted in this batch']);
  });
});
