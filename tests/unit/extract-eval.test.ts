/**
 * `npm run extract:eval` as a maintainer runs it: the scores it prints for a folder of search results with a
 * truth file (synthetic pages and truth written for this test), and for saved pages named by report id against
 * data/.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../', import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/extract-eval.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Two invented pages: a department whose truth has one figure the page does not print (missed), and a
// government office whose truth disagrees with the printed total (wrong value).
const PAGES = [
  {
    url: 'https://example.gov.cn/a.html',
    title: '杭州市余杭区商务局2023年政府信息公开工作年度报告',
    text: '一、总体情况\n2023年,我局主动公开政府信息120条,通过门户网站发布信息100条。收到政府信息公开申请5件。未发生行政复议、行政诉讼。',
  },
  {
    url: 'https://example.gov.cn/b.html',
    title: '杭州市余杭区人民政府办公室2023年政府信息公开工作年度报告',
    text: '一、总体情况\n2023年,区政府办公室全年主动公开政府信息800条。',
  },
];
const TRUTH = [
  'url,report_id,agency_id,name_zh,year,scope,kind,metric,value,qualifier',
  ...(
    [
      ['proactive.total', 120],
      ['proactive.website', 100],
      ['requests.new.total', 5],
      ['appeals.review.total', 0],
      ['appeals.litigation.total', 0],
      ['proactive.wechat', 30],
    ] as const
  ).map(
    ([metric, value]) =>
      `https://example.gov.cn/a.html,330110-shw-2023,330110-shw,杭州市余杭区商务局,2023,agency,department,${metric},${value},exact`,
  ),
  'https://example.gov.cn/b.html,330110-zf-2023,330110-zf,杭州市余杭区人民政府办公室,2023,agency,government,proactive.total,810,exact',
].join('\n');

function searchResults(withTruth: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'extract-eval-'));
  writeFileSync(join(dir, 'pages.jsonl'), PAGES.map((p) => JSON.stringify(p)).join('\n') + '\n');
  if (withTruth) writeFileSync(join(dir, 'truth.csv'), TRUTH + '\n');
  return dir;
}

const row = (stdout: string, label: string) =>
  stdout
    .split('\n')
    .find((line) => line.trimStart().startsWith(label))
    ?.trim()
    .split(/\s{2,}/);

describe('npm run extract:eval', () => {
  it('scores search results against truth.csv by URL: precision and recall per kind, identity, error classes', () => {
    const { code, stdout } = run(searchResults(true), '--verbose');
    expect(code).toBe(0);
    expect(stdout).toContain('2 pages scored against truth.csv (by URL)');
    expect(row(stdout, 'transport')).toEqual(['transport', '0', '0', '0', '0', 'n/a', 'n/a']);
    expect(row(stdout, 'other kinds')).toEqual(['other kinds', '2', '7', '6', '5', '83.3%', '71.4%']);
    expect(row(stdout, 'government')).toEqual(['government', '1', '1', '1', '0', '0.0%', '0.0%']);
    expect(row(stdout, 'department')).toEqual(['department', '1', '6', '5', '5', '100.0%', '83.3%']);
    expect(stdout).toMatch(/agency right on pages that print its name\s+2 of 2\s+100\.0%/);
    expect(stdout).toMatch(/year right\s+2 of 2/);
    expect(stdout).toMatch(/scope right\s+2 of 2/);
    expect(row(stdout, 'proactive channel')).toEqual(['proactive channel', '0 / 1', '0 / 0', '0 / 0', '0 / 0']);
    expect(row(stdout, 'proactive total')).toEqual(['proactive total', '0 / 0', '0 / 0', '0 / 1', '0 / 0']);
    expect(stdout).toContain('missed          330110-shw-2023          proactive.wechat=30 (exact)');
    expect(stdout).toContain('proactive.total=810 (exact) → proactive.total=800 (exact)');
  });

  it('reads the truth from --truth FILE (the committed held-out truth beside pages kept elsewhere)', () => {
    const truth = join(searchResults(true), 'truth.csv');
    const { code, stdout } = run(searchResults(false), '--truth', truth);
    expect(code).toBe(0);
    expect(stdout).toContain(`2 pages scored against ${truth} (by URL)`);
    expect(row(stdout, 'other kinds')).toEqual(['other kinds', '2', '7', '6', '5', '83.3%', '71.4%']);
  });

  it('refuses a --truth file that does not exist', () => {
    const { code, stderr } = run(searchResults(false), '--truth', '/nonexistent/truth.csv');
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/truth.csv: no such file');
  });

  it('scores saved pages named by report id against data/, transport apart', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-eval-'));
    copyFileSync(
      fileURLToPath(new URL('../fixtures/extract/seeds/004_2ee645bf636e4c0a.txt', import.meta.url)),
      join(dir, '511112-jt-2022.txt'),
    );
    const { code, stdout } = run(dir);
    expect(code).toBe(0);
    expect(stdout).toContain('1 pages scored against data/ (by report id)');
    expect(row(stdout, 'transport')).toEqual(['transport', '1', '3', '3', '3', '100.0%', '100.0%']);
    expect(stdout).toMatch(/agency dataset id right\s+1 of 1/);
  });
});
