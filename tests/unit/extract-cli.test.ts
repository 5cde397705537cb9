/** The command as a curator runs it: output shapes, encodings, report ids and exit codes. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { COLUMNS } from '../../src/lib/core/schema.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/extract/${name}`, import.meta.url));

function run(...args: string[]) {
  const result = spawnSync(process.execPath, ['scripts/extract.ts', ...args], { cwd: root, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('npm run extract', () => {
  it('prints one JSON object with --json', () => {
    const { code, stdout } = run(fixture('seeds/004_2ee645bf636e4c0a.txt'), '--json');
    expect(code).toBe(0);
    const parsed: unknown = JSON.parse(stdout);
    expect(parsed).toMatchObject({
      agency: { id: '511112-jt' },
      year: 2022,
      template: 'gov2021',
      report_id: '511112-jt-2022',
      warnings: expect.any(Array),
    });
    const figures = (parsed as { figures: Record<string, unknown>[] }).figures;
    expect(figures).toContainEqual(
      expect.objectContaining({
        metric: 'requests.new.total',
        value: 0,
        qualifier: 'exact',
        locator: '一(二) narrative',
        confidence: 0.85,
      }),
    );
    // Each figure carries the sentence or table row it was read from, for the review page.
    for (const f of figures) {
      expect(Object.keys(f).sort()).toEqual(['confidence', 'evidence', 'locator', 'metric', 'qualifier', 'value']);
      expect(f.evidence).toEqual({ text: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
    }
  });

  it('prints CSV rows with the header of data/figures.csv, warnings on stderr', () => {
    const { code, stdout, stderr } = run(fixture('f10-channels.txt'));
    expect(code).toBe(0);
    const csv = Papa.parse<string[]>(stdout.trim());
    expect(csv.data[0]).toEqual([...COLUMNS.figures]);
    expect(csv.data.slice(1)).toContainEqual([
      'UNMATCHED-2022',
      'proactive.total',
      '520',
      'exact',
      '一(一) narrative',
      'extract: confidence 0.75',
    ]);
    expect(stderr).toContain('warning: agency "测试市交通运输局" not found in data/agencies.csv');
    expect(stderr).toContain('two media counts');
  });

  it('uses --report as the report id', () => {
    const { stdout } = run(fixture('f10-channels.txt'), '--report', '990100-jt-2022');
    expect(stdout.split('\n')[1]).toMatch(/^990100-jt-2022,/);
  });

  it.each([
    ['f20-gbk.html', 'GBK declared in the page'],
    ['f21-gb18030.txt', 'GB18030 without declaration'],
  ])('reads %s (%s)', (name) => {
    const { code, stdout } = run(fixture(name), '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({
      year: 2022,
      figures: [
        { metric: 'proactive.total', value: 73 },
        { metric: 'requests.new.total', value: 1 },
      ],
    });
  });

  it.each([[[]], [['a.txt', 'b.txt']], [['--frobnicate', 'a.txt']], [['a.txt', '--report']]])(
    'exits 2 with usage on bad arguments %j',
    (args) => {
      const { code, stderr } = run(...args);
      expect(code).toBe(2);
      expect(stderr).toContain('usage: npm run extract -- FILE');
    },
  );

  it('exits 1 naming the file when it cannot be read', () => {
    const { code, stderr } = run('tests/fixtures/extract/no-such-page.html');
    expect(code).toBe(1);
    expect(stderr).toContain('tests/fixtures/extract/no-such-page.html: cannot read the file: no such file');
  });

  it('exits 1 naming the file when it cannot be decoded', () => {
    const pdf = join(mkdtempSync(join(tmpdir(), 'extract-')), 'report.pdf');
    writeFileSync(pdf, Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]));
    const { code, stderr } = run(pdf);
    expect(code).toBe(1);
    expect(stderr).toContain(`${pdf}: cannot decode the file: the file is binary`);
  });
});
