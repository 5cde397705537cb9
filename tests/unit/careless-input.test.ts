/**
 * The data build (scripts/build-data.ts) run the way a careless curator or an attacker would run it. Each row
 * is one case: what is done to a copy of the fixture data (or to the command line), then the exit code, where
 * the first message about it points (file:line:column in the input, or no file), why, and that every file
 * summary still adds up (read = accepted + rejected). A row's `after` checks what is left on disk.
 */
import { execFile, spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, replaceOutputFolder } from '../../src/lib/pipeline/output-folder.ts';
import { readTree } from '../helpers.ts';
import { VALID } from './fixtures.ts';

const run = promisify(execFile);

interface Dirs {
  /** A scratch folder holding the others. */
  root: string;
  /** A copy of the fixture data (agencies, reports, figures, metrics .csv). */
  input: string;
  /** The default --out: root/out. */
  out: string;
}

interface Case {
  /** Issue 13 item and letter. */
  id: string;
  name: string;
  /** Changes the input or the disk before the run. */
  arrange?: (dirs: Dirs) => Promise<void>;
  /** The command-line arguments, when not --in dirs.input --out dirs.out. */
  args?: (dirs: Dirs) => string[];
  code: number;
  /** Where the message points, relative to the input folder ("figures.csv:3:39"), or null for a message about no row. */
  at: string | null;
  /** The reason the message must give. */
  reason: RegExp;
  after?: (dirs: Dirs) => Promise<void>;
}

async function scratch(): Promise<Dirs> {
  const root = await mkdtemp(join(tmpdir(), 'careless-'));
  const input = join(root, 'in');
  await mkdir(input);
  await Promise.all(Object.entries(VALID).map(([name, text]) => writeFile(join(input, `${name}.csv`), text)));
  return { root, input, out: join(root, 'out') };
}

async function buildData(args: string[]) {
  try {
    const { stderr } = await run(process.execPath, ['scripts/build-data.ts', ...args], { maxBuffer: 1 << 26 });
    return { code: 0, stderr };
  } catch (error) {
    const e = error as { code: number; stderr: string };
    return { code: e.code, stderr: e.stderr };
  }
}

/** The input files, to show they were neither deleted nor changed. */
const inputTree = (dirs: Dirs) => readTree(dirs.input);
const expectInputIntact = async (dirs: Dirs) => {
  expect(await inputTree(dirs)).toEqual(Object.fromEntries(Object.entries(VALID).map(([name, text]) => [`/${name}.csv`, text])));
};

/** A good build into dirs.out, to have a previous output that a later build must not lose. */
async function previousOutput(dirs: Dirs): Promise<Record<string, string>> {
  expect((await buildData(['--in', dirs.input, '--out', dirs.out])).code).toBe(0);
  return readTree(dirs.out);
}
const previous = new WeakMap<Dirs, Record<string, string>>();

/** Nothing but the output itself beside it: no temporary folder left behind. */
async function expectNoLeftovers(dirs: Dirs) {
  expect((await readdir(dirs.root)).filter((e) => e.includes('.tmp.'))).toEqual([]);
}

const cases: Case[] = [
  // 1. The output folder is replaced as a whole, so it must be the build's own and never hold the input.
  {
    id: '1a',
    name: '--out is the input folder',
    args: (d) => ['--in', d.input, '--out', d.input],
    code: 2,
    at: null,
    reason: /Refusing to build: the output folder .* is the input folder/,
    after: expectInputIntact,
  },
  {
    id: '1b',
    name: '--out is a parent of the input folder',
    args: (d) => ['--in', d.input, '--out', d.root],
    code: 2,
    at: null,
    reason: /Refusing to build: the output folder .* contains the input folder/,
    after: expectInputIntact,
  },
  {
    id: '1c',
    name: '--out lies inside the input folder',
    args: (d) => ['--in', d.input, '--out', join(d.input, 'generated')],
    code: 2,
    at: null,
    reason: /Refusing to build: the output folder .* lies inside the input folder/,
    after: expectInputIntact,
  },
  {
    id: '1d',
    name: '--out is a symbolic link to the input folder',
    arrange: (d) => symlink(d.input, join(d.root, 'link')),
    args: (d) => ['--in', d.input, '--out', join(d.root, 'link')],
    code: 2,
    at: null,
    reason: /is the input folder/,
    after: expectInputIntact,
  },
  {
    id: '1e',
    name: '--out is a non-empty folder the build did not write',
    arrange: async (d) => {
      await mkdir(d.out);
      await writeFile(join(d.out, 'thesis.docx'), 'months of work');
    },
    code: 2,
    at: null,
    reason: /is not empty and was not written by the data build \(it has no \.data-build file\)/,
    after: async (d) => expect(await readTree(d.out)).toEqual({ '/thesis.docx': 'months of work' }),
  },
  {
    id: '1f',
    name: '--out is a file',
    arrange: async (d) => {
      await writeFile(d.out, 'a file');
    },
    code: 2,
    at: null,
    reason: /exists and is not a folder/,
    after: async (d) => expect(await readFile(d.out, 'utf8')).toBe('a file'),
  },
  {
    id: '1g',
    name: 'the previous output (marked) is replaced',
    arrange: async (d) => {
      previous.set(d, await previousOutput(d));
    },
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      expect(await readTree(d.out)).toEqual(previous.get(d));
      expect(await readFile(join(d.out, OUTPUT_MARKER), 'utf8')).toMatch(/written by scripts\/build-data\.ts/);
      await expectNoLeftovers(d);
    },
  },
  {
    id: '1h',
    name: 'output an earlier build wrote before the marker existed is replaced',
    arrange: async (d) => {
      await mkdir(join(d.out, 'agencies'), { recursive: true });
      await writeFile(join(d.out, 'site.json'), '{}');
      await writeFile(join(d.out, 'agencies', 'gone.json'), '{}');
    },
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      expect(Object.keys(await readTree(d.out))).not.toContain('/agencies/gone.json');
      expect(Object.keys(await readTree(d.out))).toContain(`/${OUTPUT_MARKER}`);
    },
  },
];

/** Every "file: read R, accepted A, rejected J" line, checked to add up; returns how many there were. */
function expectAccounted(stderr: string): number {
  const summaries = [...stderr.matchAll(/^(.*\.csv): read (\d+), accepted (\d+), rejected (\d+)$/gm)];
  for (const [line, , read, accepted, rejected] of summaries) {
    expect(Number(accepted) + Number(rejected), line).toBe(Number(read));
  }
  return summaries.length;
}

describe('careless and hostile input to the data build (issue 13)', { timeout: 60_000 }, () => {
  it.each(cases)('$id $name', async (c) => {
    const dirs = await scratch();
    await c.arrange?.(dirs);
    const { code, stderr } = await buildData(c.args?.(dirs) ?? ['--in', dirs.input, '--out', dirs.out]);
    expect(code, stderr).toBe(c.code);
    const lines = stderr.split('\n');
    if (c.at === null) {
      expect(
        lines.find((l) => c.reason.test(l)),
        stderr,
      ).toBeDefined();
    } else {
      const prefix = `${dirs.input}/${c.at}: `;
      const line = lines.find((l) => l.startsWith(prefix));
      expect(line, `no message at ${c.at}:\n${stderr}`).toBeDefined();
      expect(line?.slice(prefix.length)).toMatch(c.reason);
    }
    const summaries = expectAccounted(stderr);
    // A refused command reads nothing; a run that read the files accounts for every one of them.
    expect(summaries).toBe(c.code === 2 ? 0 : Object.keys(VALID).length);
    await c.after?.(dirs);
  });
});

describe('replacing the output folder', () => {
  it('leaves the previous output as it was when writing fails half-way, and no temporary folder', async () => {
    const dirs = await scratch();
    const before = await previousOutput(dirs);
    function* failing(): Generator<[string, string]> {
      yield ['site.json', '{"new":true}'];
      yield ['agencies/a.json', '{}'];
      throw new Error('disk full');
    }
    await expect(replaceOutputFolder(dirs.out, failing())).rejects.toThrow('disk full');
    expect(await readTree(dirs.out)).toEqual(before);
    await expectNoLeftovers(dirs);
  });

  it('refuses two files with one path (an id named like a generated file) before swapping anything in', async () => {
    const dirs = await scratch();
    const before = await previousOutput(dirs);
    const files: [string, string][] = [
      ['downloads/series/index.json', '{"index":true}'],
      ['downloads/series/index.json', '{"agency":"index"}'],
    ];
    await expect(replaceOutputFolder(dirs.out, files)).rejects.toThrow('two generated files would both be downloads/series/index.json');
    expect(await readTree(dirs.out)).toEqual(before);
    await expectNoLeftovers(dirs);
  });

  it('recovers from a build that was killed: its half-written folder goes, a previous output it moved aside comes back', async () => {
    const dirs = await scratch();
    const before = await previousOutput(dirs);
    const gone = spawnSync(process.execPath, ['-e', '']).pid;
    // Killed between moving the previous output aside and moving the new one in.
    await rename(dirs.out, `${dirs.out}.tmp.old.${gone}.1`);
    await mkdir(`${dirs.out}.tmp.new.${gone}.1`);
    await writeFile(join(`${dirs.out}.tmp.new.${gone}.1`, OUTPUT_MARKER), '');
    // The next build starts from the recovered output; a failing one leaves exactly that.
    await expect(replaceOutputFolder(dirs.out, [['a/../b', '']])).rejects.toThrow('not a plain relative path');
    expect(await readTree(dirs.out)).toEqual(before);
    await expectNoLeftovers(dirs);
  });
});
