/**
 * The data build (scripts/build-data.ts) run the way a careless curator or an attacker would run it. Each row
 * is one case: what is done to a copy of the fixture data (or to the command line), then the exit code, where
 * the first message about it points (file:line:column in the input, or no file), why, and that every file
 * summary still adds up (read = accepted + rejected). A row's `after` checks what is left on disk.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { OUTPUT_MARKER, replaceOutputFolder } from '../../src/lib/pipeline/output-folder.ts';
import { SOURCE_NAMES } from '../../src/lib/pipeline/source-files.ts';
import { agencyCsv } from '../../src/lib/site/agency-csv.ts';
import { siteData } from '../../src/lib/site/site-data.ts';
import { readTree } from '../helpers.ts';
import { AGENCIES, FIGURES, METRICS, VALID } from './fixtures.ts';

const run = promisify(execFile);

interface Dirs {
  /** A scratch folder holding the others. */
  root: string;
  /** A copy of the fixture data (agencies, reports, figures, metrics, corrections .csv). */
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
  /** Environment for the run (e.g. a small heap). */
  env?: Record<string, string>;
  /** How many file summaries the run prints: one per curated file once they are read, 0 when it stops before (default by exit code). */
  summaries?: number;
  /** What must hold afterwards, on disk and in the whole of stderr. */
  after?: (dirs: Dirs, stderr: string) => Promise<void> | void;
}

async function scratch(): Promise<Dirs> {
  const root = await mkdtemp(join(tmpdir(), 'careless-'));
  const input = join(root, 'in');
  await mkdir(input);
  await Promise.all(Object.entries(VALID).map(([name, text]) => writeFile(join(input, `${name}.csv`), text)));
  return { root, input, out: join(root, 'out') };
}

async function buildData(args: string[], env: Record<string, string> = {}) {
  try {
    const { stderr } = await run(process.execPath, ['scripts/build-data.ts', ...args], {
      maxBuffer: 1 << 26,
      env: { ...process.env, ...env },
    });
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

/** Change one input file: a text edit, or bytes. */
async function edit(dirs: Dirs, name: keyof typeof VALID, change: (text: string) => string | Uint8Array): Promise<void> {
  await writeFile(join(dirs.input, `${name}.csv`), change(String(VALID[name])));
}

/** Replace exactly one occurrence of `from`, so a fixture change that moves it fails loudly. */
function once(text: string, from: string, to: string): string {
  expect(text.split(from), `"${from}" once in the fixture`).toHaveLength(2);
  return text.replace(from, to);
}

/** Replace line `n` (1-based) of a fixture. */
const line = (text: string, n: number, content: string) =>
  text
    .split('\n')
    .map((l, i) => (i === n - 1 ? content : l))
    .join('\n');

/** Text as GBK bytes (what Excel and WPS save for Chinese on Windows), from the decoder's own table. */
const encodeGbk = (() => {
  let table: Map<string, number[]> | undefined;
  return (text: string): Uint8Array => {
    if (!table) {
      table = new Map();
      const decoder = new TextDecoder('gbk');
      for (let lead = 0x81; lead <= 0xfe; lead++) {
        for (let trail = 0x40; trail <= 0xfe; trail++) {
          const ch = decoder.decode(new Uint8Array([lead, trail]));
          if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
        }
      }
    }
    const known = table;
    return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (known.get(ch) ?? [0x3f]))));
  };
})();

/** Lines of a fixture file, header included: an appended row is on the next. */
const AGENCY_LINES = AGENCIES.trimEnd().split('\n').length;
const FIGURE_LINES = FIGURES.trimEnd().split('\n').length;

/** The line of the report row with a source URL that the URL cases replace (fixture reports.csv line 3). */
const reportWithUrl = (url: string, official = 'yes') =>
  `511100-jt-2021,511100-jt,2021,gov2021,"${url.replaceAll('"', '""')}",${official},agency,2022-01-20,`;

/**
 * A CSV download as a reader gets it from the site: figures.csv.gz unpacked, an agency's CSV as the site makes
 * it from the agency's JSON (src/lib/site/agency-csv.ts), other files as written.
 */
async function downloadText(out: string, file: string): Promise<string> {
  if (file.endsWith('.gz')) return gunzipSync(await readFile(join(out, file))).toString('utf8');
  const agency = /^downloads\/agencies\/(.+)\.csv$/.exec(file)?.[1];
  if (agency === undefined) return readFile(join(out, file), 'utf8');
  const before = process.env.GENERATED_DIR;
  process.env.GENERATED_DIR = out;
  try {
    return agencyCsv(siteData(), agency);
  } finally {
    process.env.GENERATED_DIR = before;
  }
}

/** A CSV download's cells, parsed; the byte-order mark dropped. */
async function csvCells(out: string, file: string): Promise<string[][]> {
  const text = (await downloadText(out, file)).replace(/^\uFEFF/, '');
  return Papa.parse<string[]>(text, { skipEmptyLines: false }).data;
}

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
  // 2. Control characters are not text: refused where they stand (line breaks only in notes and definitions).
  {
    id: '2a',
    name: 'NUL in an agency name',
    arrange: (d) => edit(d, 'agencies', (t) => once(t, '测试市交通运输局', '测试市\u0000交通运输局')),
    code: 1,
    at: 'agencies.csv:2:14',
    reason: /^name_zh: a control character \(U\+0000\), which cannot be shown or printed; remove it/,
  },
  {
    id: '2b',
    name: 'ESC in an English name',
    arrange: (d) => edit(d, 'agencies', (t) => once(t, 'Test City Transport', 'Test \u001b[31mCity Transport')),
    code: 1,
    at: 'agencies.csv:2:25',
    reason: /^name_en: a control character \(U\+001B\)/,
  },
  {
    id: '2c',
    name: 'C1 control (U+0085) in a locator',
    arrange: (d) =>
      edit(d, 'figures', (t) =>
        once(t, '表三 row 一 col 总计,\n511100-jt-2021,requests.carried', '表三\u0085 row 一 col 总计,\n511100-jt-2021,requests.carried'),
      ),
    code: 1,
    at: 'figures.csv:5:45',
    reason: /^locator: a control character \(U\+0085\)/,
  },
  {
    id: '2d',
    name: 'a tab in a metric label',
    arrange: (d) => edit(d, 'metrics', (t) => once(t, 'proactive.total,主动公开信息总数,', 'proactive.total,主动公开\t信息总数,')),
    code: 1,
    at: 'metrics.csv:2:21',
    reason: /^label_zh: a tab character \(U\+0009\); replace it with a space/,
  },
  {
    id: '2e',
    name: 'a line break in a name (a column of one line)',
    arrange: (d) => edit(d, 'agencies', (t) => once(t, '测试市交通运输局', '"测试市\n交通运输局"')),
    code: 1,
    at: 'agencies.csv:2:15',
    reason: /^name_zh: a line break in a column that takes one line/,
  },
  {
    id: '2f',
    name: 'the non-character U+FFFF in a note',
    arrange: (d) => edit(d, 'figures', (t) => line(t, 5, '511100-jt-2021,requests.new.total,3,exact,表三 row 一 col 总计,note\uffff')),
    code: 1,
    at: 'figures.csv:5:63',
    reason: /^note: a control character \(U\+FFFF\)/,
  },
  {
    id: '2g',
    name: 'line breaks in notes are text (accepted)',
    arrange: (d) =>
      edit(d, 'reports', (t) => line(t, 2, '511100-jt-2019,511100-jt,2019,gov2019,,,agency,,"fixture: page unknown\nsecond line"')),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
  },
  {
    id: '2h',
    name: 'ESC in the reason of a correction (corrections.csv is checked like the other files)',
    arrange: (d) => edit(d, 'corrections', (t) => once(t, 'fixture: misread', 'fixture:\u001b[2J misread')),
    code: 1,
    at: 'corrections.csv:2:59',
    reason: /^reason: a control character \(U\+001B\)/,
  },

  // 3. No id can collide with a generated file name, and an id too long for a file name fails before writing.
  // Agency ids are <division code>-<sector code>[-n] (src/lib/core/ids.ts), at most 16 characters; the series
  // index lives beside the per-agency series folder (downloads/series.json), where no id can reach it.
  {
    id: '3a',
    name: 'agency id "index" (once overwrote downloads/series/index.json)',
    arrange: (d) => edit(d, 'agencies', (t) => `${t}index,索引局,Index Bureau,province,transport,四川省,,,\n`),
    code: 1,
    at: `agencies.csv:${AGENCY_LINES + 1}:1`,
    reason: /^id: id "index" must be <6-digit division code>-<sector code>, optionally -<n> .*, at most 16 characters$/,
    after: (d) => expect(existsSync(d.out)).toBe(false),
  },
  {
    id: '3b',
    name: 'a 300-character agency id, after a good build',
    arrange: async (d) => {
      previous.set(d, await previousOutput(d));
      await edit(d, 'agencies', (t) => `${t}${'a'.repeat(300)},长局,Long Bureau,province,transport,四川省,,,\n`);
    },
    code: 1,
    at: `agencies.csv:${AGENCY_LINES + 1}:1`,
    reason: /^id: id "a{300}" must be <6-digit division code>-<sector code>.*, at most 16 characters$/,
    after: async (d) => {
      expect(await readTree(d.out)).toEqual(previous.get(d));
      await expectNoLeftovers(d);
    },
  },
  {
    id: '3c',
    name: 'an id of the right shape whose division code does not exist (the old fixture id 990100-jt)',
    arrange: (d) => edit(d, 'agencies', (t) => `${t}990100-jt,测试局,Test Bureau,prefecture,transport,四川省,测试市,,\n`),
    code: 1,
    at: `agencies.csv:${AGENCY_LINES + 1}:1`,
    reason: /^id: 990100 is not a current GB\/T 2260 division code/,
  },

  // 4. Source links must go where they read; "official" must agree with the host actually parsed.
  ...(
    [
      [
        '4a',
        'https://www.beijing.gov.cn:443@evil.example/r.html',
        /has a user name or password before @ \("www\.beijing\.gov\.cn:443@evil\.example"\)/,
      ],
      ['4b', 'https://evil.example\\.gov.cn/', /contains a backslash/],
      ['4c', 'http://127.0.0.1/x', /has an IP address as its host \("127\.0\.0\.1" is 127\.0\.0\.1\)/],
      ['4d', 'http://0x7f.1/x', /has an IP address as its host \("0x7f\.1" is 127\.0\.0\.1\)/],
      ['4e', 'http://2130706433/x', /has an IP address as its host \("2130706433" is 127\.0\.0\.1\)/],
      ['4f', 'http://[::1]/x', /has an IP address as its host \("\[::1\]" is \[::1\]\)/],
      ['4g', 'http://localhost/', /has the host "localhost", a single name without a dot/],
      ['4h', 'http://intranet/x', /has the host "intranet", a single name without a dot/],
      [
        '4i',
        'https://www.bеijing.gov.cn/x',
        /has a host with non-ASCII characters \("www\.bеijing\.gov\.cn"\), which can imitate another site's name/,
      ],
      ['4j', 'https://a..gov.cn/', /has an empty part in its host "a\.\.gov\.cn"/],
      ['4k', 'https://www.beijing.gov.cn/\u202elmth.exe', /contains the invisible direction control U\+202E/],
    ] as const
  ).map(([id, url, reason]): Case => ({
    id,
    name: `source_url ${JSON.stringify(url)}`,
    arrange: (d) => edit(d, 'reports', (t) => line(t, 3, reportWithUrl(url))),
    code: 1,
    at: 'reports.csv:3:39',
    reason: new RegExp(`^source_url: source_url ${reason.source}`),
  })),
  {
    id: '4l',
    name: 'official=yes for a source that is not on a government domain',
    arrange: (d) => edit(d, 'reports', (t) => line(t, 3, reportWithUrl('https://gov.cn.evil.example/2021.html', 'yes'))),
    code: 1,
    at: 'reports.csv:3:79',
    reason: /^official: official is yes, but the source is on gov\.cn\.evil\.example, not a government site \(\*\.gov\.cn\)/,
  },
  {
    id: '4m',
    name: 'official=no for a source on a government domain',
    arrange: (d) => edit(d, 'reports', (t) => line(t, 3, reportWithUrl('https://example.gov.cn/2021.html', 'no'))),
    code: 1,
    at: 'reports.csv:3:74',
    reason: /^official: official is no, but the source is on example\.gov\.cn, a government site \(\*\.gov\.cn\); write yes/,
  },
  {
    id: '4n',
    name: 'an internationalised host written in punycode is accepted and shown as written',
    arrange: (d) => edit(d, 'reports', (t) => line(t, 3, reportWithUrl('https://xn--fiqs8s.gov.cn/2021.html'))),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
  },

  // 5. Files are decoded strictly as UTF-8: one error per file, at the first bad byte, with how to convert.
  {
    id: '5a',
    name: 'figures.csv saved as GBK',
    arrange: (d) => edit(d, 'figures', encodeGbk),
    code: 1,
    // 一 is D2 BB in GBK, which happens to be a valid UTF-8 character: the first byte that cannot be is later.
    at: 'figures.csv:3:45',
    reason:
      /^the file is not UTF-8 text: byte 0xB6 here cannot be read as UTF-8 \(it reads as GBK\/GB18030.*iconv -f GB18030 -t UTF-8 figures\.csv > figures\.csv\.utf8.*All 51 rows of this file were rejected$/,
    // One error for the file, and one for the corrections log, whose figures can no longer be checked.
    after: (d, stderr) =>
      expect(stderr.match(/^.*\.csv:\d+:\d+: .*$/gm)).toEqual([
        expect.stringMatching(/figures\.csv:3:45: the file is not UTF-8/),
        `${d.input}/corrections.csv:2:1: not checked: figures.csv could not be used (it is not UTF-8; see its errors), so the one row of this file that passed validation was rejected too`,
      ]),
  },
  {
    id: '5b',
    name: 'agencies.csv saved as GBK: one error for it, one for each file that depends on it',
    arrange: (d) => edit(d, 'agencies', encodeGbk),
    code: 1,
    at: 'agencies.csv:2:11',
    reason: /^the file is not UTF-8 text: byte 0xB2 .*GBK\/GB18030.*All 11 rows of this file were rejected$/,
    after: (d, stderr) => {
      expect(stderr.match(/^.*\.csv:\d+:\d+: .*$/gm)).toEqual([
        expect.stringMatching(/agencies\.csv:2:11: the file is not UTF-8/),
        `${d.input}/reports.csv:2:1: not checked: agencies.csv could not be used (it is not UTF-8; see its errors), so the 20 rows of this file that passed validation were rejected too`,
        `${d.input}/figures.csv:2:1: not checked: reports.csv could not be used (agencies.csv could not be used; see its errors), so the 51 rows of this file that passed validation were rejected too`,
        `${d.input}/corrections.csv:2:1: not checked: figures.csv could not be used (reports.csv could not be used; see its errors), so the one row of this file that passed validation was rejected too`,
      ]);
    },
  },
  {
    id: '5c',
    name: 'reports.csv saved as GBK',
    arrange: (d) => edit(d, 'reports', (t) => encodeGbk(line(t, 2, '511100-jt-2019,511100-jt,2019,gov2019,,,agency,,说明'))),
    code: 1,
    // 说 (CB B5) also reads as UTF-8; 明 (C3 F7) does not.
    at: 'reports.csv:2:50',
    reason: /^the file is not UTF-8 text: byte 0xC3 .*GBK\/GB18030/,
  },
  {
    id: '5d',
    name: 'metrics.csv saved as GBK',
    arrange: (d) => edit(d, 'metrics', encodeGbk),
    code: 1,
    at: 'metrics.csv:2:17',
    reason: /^the file is not UTF-8 text: byte 0xD6 .*GBK\/GB18030/,
  },
  {
    id: '5e',
    name: 'one invalid byte (0xFF) in a UTF-8 figures.csv',
    arrange: (d) =>
      edit(d, 'figures', (t) =>
        Buffer.concat([
          Buffer.from(once(t, '总计,\n511100-jt-2021,requests.carried', '总计,@\n511100-jt-2021,requests.carried').split('@')[0] ?? ''),
          Buffer.from([0xff]),
          Buffer.from(t.slice(t.indexOf('\n511100-jt-2021,requests.carried'))),
        ]),
      ),
    code: 1,
    at: 'figures.csv:5:59',
    reason: /^the file is not UTF-8 text: byte 0xFF here is not part of any UTF-8 character/,
  },
  {
    id: '5f',
    name: 'a lone surrogate (bytes ED A0 80) in a note',
    arrange: (d) =>
      edit(d, 'figures', (t) =>
        Buffer.concat([
          Buffer.from(t.slice(0, t.indexOf('\n511100-jt-2021,requests.carried'))),
          Buffer.from([0xed, 0xa0, 0x80]),
          Buffer.from(t.slice(t.indexOf('\n511100-jt-2021,requests.carried'))),
        ]),
      ),
    code: 1,
    at: 'figures.csv:5:59',
    reason: /^the file is not UTF-8 text: byte 0xED here/,
  },
  {
    id: '5g',
    name: 'figures.csv saved as UTF-16 ("Unicode text")',
    arrange: (d) => edit(d, 'figures', (t) => Buffer.from(`\uFEFF${t}`, 'utf16le')),
    code: 1,
    at: 'figures.csv:1:1',
    reason:
      /^the file is not UTF-8 text: byte 0xFF here cannot be read as UTF-8 \(it is UTF-16, Excel's "Unicode text"\)\. .*iconv -f UTF-16/,
  },
  {
    id: '5h',
    name: 'corrections.csv saved as GBK',
    arrange: (d) => edit(d, 'corrections', (t) => encodeGbk(once(t, 'fixture: misread 一(一)', 'fixture: 误读一(一)'))),
    code: 1,
    // 误 is CE F3 in GBK: CE starts a UTF-8 character, F3 cannot continue one.
    at: 'corrections.csv:2:60',
    reason:
      /^the file is not UTF-8 text: byte 0xCE here cannot be read as UTF-8 \(it reads as GBK\/GB18030.*iconv -f GB18030 -t UTF-8 corrections\.csv > corrections\.csv\.utf8.*The one row of this file was rejected$/,
    after: (_, stderr) => expect(stderr.match(/\.csv:\d+:\d+: /g)).toHaveLength(1),
  },

  // 6. Wrong data that used to be accepted silently.
  {
    id: '6a',
    name: '12.5 for a count',
    arrange: (d) => edit(d, 'figures', (t) => line(t, 5, '511100-jt-2021,requests.new.total,12.5,exact,表三 row 一 col 总计,')),
    code: 1,
    at: 'figures.csv:5:35',
    reason: /^value: 12\.5 is not a whole number; "requests\.new\.total" is a count \(only money amounts may have decimals\)/,
  },
  {
    id: '6b',
    name: 'a derived metric in 万元 summed from a metric in yuan',
    arrange: (d) =>
      edit(
        d,
        'metrics',
        (t) => `${t}fees.test.total_wan,测试合计,Test total,wan_yuan,fees,测试。,Test.,gov2021,fees.info_processing.collected_yuan\n`,
      ),
    code: 1,
    at: `metrics.csv:${METRICS.trimEnd().split('\n').length + 1}:69`,
    reason: /^derived_from: derived_from sums "fees\.info_processing\.collected_yuan" \(unit yuan\) into a metric in wan_yuan/,
  },
  {
    id: '6c',
    name: 'a derived sum beyond 2^53',
    // 511112-jt-2022 states proactive.website (line 13) and proactive.wechat; their channel sum would overflow.
    arrange: (d) => edit(d, 'figures', (t) => `${t}511112-jt-2022,proactive.weibo,9007199254740991,exact,x,\n`),
    code: 1,
    at: 'figures.csv:13:34',
    reason: /^value: summed with the report's other parts of "proactive\.channels_sum" this exceeds 9007199254740991/,
  },
  {
    id: '6d',
    name: 'report id 130208-jt-2015 on the 2021 report of agency 511100-jt',
    arrange: (d) =>
      edit(d, 'reports', (t) =>
        line(t, 3, '130208-jt-2015,511100-jt,2021,gov2021,https://example.gov.cn/2021.html,yes,agency,2022-01-20,'),
      ),
    code: 1,
    at: 'reports.csv:3:1',
    reason:
      /^id: a agency-scope report of 511100-jt for 2021 has the id 511100-jt-2021 \(whole-jurisdiction reports, scope system, end in -system\)$/,
  },
  {
    id: '6e',
    name: 'a figures.csv with a header and no rows',
    arrange: (d) => edit(d, 'figures', (t) => `${t.split('\n')[0] ?? ''}\n`),
    code: 1,
    at: 'figures.csv:1:1',
    reason: /^the file has a header but no rows/,
  },
  {
    id: '6f',
    name: 'published 2021-02-30',
    arrange: (d) => edit(d, 'reports', (t) => once(t, '2022-01-20', '2021-02-30')),
    code: 1,
    at: 'reports.csv:3:83',
    reason: /^published: published must be a real date written YYYY-MM-DD/,
  },
  {
    id: '6g',
    name: 'published 2021-13-45',
    arrange: (d) => edit(d, 'reports', (t) => once(t, '2022-01-20', '2021-13-45')),
    code: 1,
    at: 'reports.csv:3:83',
    reason: /^published: published must be a real date written YYYY-MM-DD/,
  },
  {
    id: '6h',
    name: 'a corrections.csv with a header and no rows (nothing corrected yet) is accepted',
    arrange: (d) => edit(d, 'corrections', (t) => `${t.split('\n')[0] ?? ''}\n`),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: (d, stderr) => expect(stderr).toContain(`${d.input}/corrections.csv: read 0, accepted 0, rejected 0`),
  },
  {
    id: '6i',
    name: 'a correction dated 2026-02-30',
    arrange: (d) => edit(d, 'corrections', (t) => once(t, '2026-01-05', '2026-02-30')),
    code: 1,
    at: 'corrections.csv:2:1',
    reason: /^date: date must be a real date written YYYY-MM-DD/,
  },
  {
    id: '6j',
    name: 'a correction dated 2026-13-45 (threw "Invalid time value" and crashed the build)',
    arrange: (d) => edit(d, 'corrections', (t) => once(t, '2026-01-05', '2026-13-45')),
    code: 1,
    at: 'corrections.csv:2:1',
    reason: /^date: date must be a real date written YYYY-MM-DD/,
    after: (_, stderr) => expect(stderr).not.toMatch(/RangeError|\n\s+at /),
  },
  {
    id: '6k',
    name: 'a stated change in per cent may be negative and have decimals (accepted)',
    arrange: (d) => edit(d, 'figures', (t) => `${t}511100-jt-2022,proactive.total.change_pct,-12.5,exact,一(一) narrative,\n`),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      const rows = await csvCells(d.out, 'downloads/figures.csv.gz');
      expect(rows.find((r) => r[10] === 'proactive.total.change_pct' && r[7] === '511100-jt-2022')?.slice(13, 15)).toEqual([
        'percent',
        '-12.5',
      ]);
    },
  },
  {
    id: '6l',
    name: 'a stated change in a count with decimals',
    arrange: (d) => edit(d, 'figures', (t) => `${t}511100-jt-2022,proactive.total.change,-1.5,exact,一(一) narrative,\n`),
    code: 1,
    at: `figures.csv:${FIGURE_LINES + 1}:39`,
    reason: /^value: -1\.5 is not a whole number; "proactive\.total\.change" is a count \(only money amounts may have decimals\)$/,
  },

  // 7. Formulas are defused in every CSV written, cells spanning lines included (every file: downloads.test.ts).
  {
    id: '7a',
    name: 'a metric label =HYPERLINK(…) reaches downloads/metrics.csv defused',
    arrange: (d) =>
      edit(d, 'metrics', (t) =>
        once(t, 'proactive.total,主动公开信息总数,', 'proactive.total,"=HYPERLINK(""http://evil.example"",""x"")",'),
      ),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      const rows = await csvCells(d.out, 'downloads/metrics.csv');
      expect(rows.find((r) => r[0] === 'proactive.total')?.[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
    },
  },
  {
    id: '7b',
    name: 'a note of two lines starting with = reaches figures.csv and the agency CSV defused',
    arrange: (d) =>
      edit(d, 'figures', (t) =>
        line(t, 5, `511100-jt-2021,requests.new.total,3,exact,表三 row 一 col 总计,"=cmd|' /C calc'!A0\nsecond line"`),
      ),
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      for (const file of ['downloads/figures.csv.gz', 'downloads/agencies/511100-jt.csv']) {
        const rows = await csvCells(d.out, file);
        expect(
          rows.map((r) => r[18]),
          file,
        ).toContain(`'=cmd|' /C calc'!A0\nsecond line`);
      }
    },
  },

  // 8. Messages show what is really in a cell and give the real reason.
  {
    id: '8a',
    name: 'a qualifier "\\x1b[2J" (clears a terminal)',
    arrange: (d) => edit(d, 'figures', (t) => line(t, 5, '511100-jt-2021,requests.new.total,3,\u001b[2J,表三 row 一 col 总计,')),
    code: 1,
    at: 'figures.csv:5:37',
    reason: /^qualifier: a control character \(U\+001B\)/,
    after: (_, stderr) => expect(stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/),
  },
  {
    id: '8b',
    name: 'a zero-width space at the end of a report id',
    arrange: (d) => edit(d, 'figures', (t) => line(t, 5, '511100-jt-2021\u200b,requests.new.total,3,exact,表三 row 一 col 总计,')),
    code: 1,
    at: 'figures.csv:5:1',
    reason: /^report_id: unknown report "511100-jt-2021\\u200b"; no accepted row of reports\.csv has this id$/,
  },
  {
    id: '8c',
    name: 'a URL with a space',
    arrange: (d) => edit(d, 'reports', (t) => line(t, 3, reportWithUrl('https://example.gov.cn/2021 report.html'))),
    code: 1,
    at: 'reports.csv:3:39',
    reason: /^source_url: source_url contains a space or line break at character 28; write a space as %20/,
  },
  {
    id: '8d',
    name: 'a folder in place of figures.csv',
    arrange: async (d) => {
      await rm(join(d.input, 'figures.csv'));
      await mkdir(join(d.input, 'figures.csv'));
    },
    code: 1,
    at: 'figures.csv:1:1',
    reason: /^this is a folder, not a file/,
    summaries: 0,
  },
  {
    id: '8e',
    name: 'a missing file',
    arrange: (d) => rm(join(d.input, 'metrics.csv')),
    code: 1,
    at: 'metrics.csv:1:1',
    reason: /^the file does not exist; the data folder needs agencies\.csv, reports\.csv, figures\.csv, metrics\.csv, corrections\.csv$/,
    summaries: 0,
  },
  {
    id: '8f',
    name: "agencies.csv a symbolic link to a system file: the row count in the message is the summary's",
    arrange: async (d) => {
      const passwd = Array.from(
        { length: 24 },
        (_, i) => `user${i}:x:${i}:${i}:User ${i}${i % 5 === 0 ? ',,,' : ''}:/home/u${i}:/bin/sh`,
      ).join('\n');
      await writeFile(join(d.root, 'passwd'), `${passwd}\n`);
      await rm(join(d.input, 'agencies.csv'));
      await symlink(join(d.root, 'passwd'), join(d.input, 'agencies.csv'));
    },
    code: 1,
    at: 'agencies.csv:1:22',
    reason: /^required column "id" is missing from the header; .*All 23 rows of this file were rejected$/,
    after: (d, stderr) => expect(stderr).toContain(`${d.input}/agencies.csv: read 23, accepted 0, rejected 23`),
  },

  // 9. Downloads have no blank line after the header.
  {
    id: '9',
    name: 'every CSV download has its first row on line 2',
    code: 0,
    at: null,
    reason: /^wrote \d+ files to /,
    after: async (d) => {
      for (const file of [
        'downloads/figures.csv.gz',
        'downloads/metrics.csv',
        'downloads/agencies/511100-jt.csv',
        'downloads/agencies/511112-jt.csv',
        'downloads/agencies/100000-jt.csv',
      ]) {
        const lines = (await downloadText(d.out, file)).split('\n');
        expect(lines[1], file).not.toBe('');
        expect(lines.at(-1), `${file} ends with one line end`).toBe('');
        expect(lines.at(-2), file).not.toBe('');
      }
    },
  },

  // 10. Input too large for the heap: refused before it is read, or, when the estimate was wrong, stopped with a
  // message by the build thread's guard, never a V8 abort (exit 134). The issue's case was 625 MB on the
  // default heap; here the heap is made small instead of the input large. figures.csv is read in pieces and
  // folded agency by agency (issue 12), so only the files held whole (agencies, reports, metrics, corrections)
  // can be too large to hold.
  {
    id: '10a',
    name: 'more reports than the heap can hold (8 MB of reports on a 128 MiB heap)',
    arrange: (d) =>
      edit(d, 'reports', (t) => t + `${'511100-jt-2022,511100-jt,2022,gov2021,,,agency,,filler'.padEnd(99, ' ')}\n`.repeat(80_000)),
    env: { NODE_OPTIONS: '--max-old-space-size=128' },
    code: 1,
    at: 'reports.csv:1:1',
    reason:
      /^the agencies, reports, metrics and corrections files add up to 8\.\d MB \(this one 8\.\d MB\), more than the data build can hold with its heap of 128 MiB \(about 6\.7 MB of CSV besides figures\.csv, which is read in pieces\)\. .*NODE_OPTIONS=--max-old-space-size=\d+ npm run data\. Nothing was read$/,
    summaries: 0,
    after: (d) => expect(existsSync(d.out)).toBe(false),
  },
  {
    id: '10b',
    name: 'input under the estimate that still runs out of memory (500,000 tiny rows on a 128 MiB heap)',
    arrange: async (d) => {
      previous.set(d, await previousOutput(d));
      await edit(d, 'figures', (t) => t + 'x,y,1,,z,\n'.repeat(500_000));
    },
    env: { NODE_OPTIONS: '--max-old-space-size=128' },
    code: 1,
    at: null,
    reason:
      /^The data build ran out of memory with \d\.\d MB of CSV in .* and a heap of 128 MiB\. .*NODE_OPTIONS=--max-old-space-size=\d+ npm run data\. Nothing was written; the previous output .* is as it was\.$/,
    summaries: 0,
    after: async (d, stderr) => {
      expect(stderr).not.toMatch(/FATAL ERROR|heap out of memory/);
      expect(await readTree(d.out)).toEqual(previous.get(d));
      await expectNoLeftovers(d);
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
  it.concurrent.each(cases)('$id $name', async (c) => {
    const dirs = await scratch();
    await c.arrange?.(dirs);
    const { code, stderr } = await buildData(c.args?.(dirs) ?? ['--in', dirs.input, '--out', dirs.out], c.env);
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
    // A refused command or an unreadable folder reads nothing; a run that read the files accounts for every one
    // of them (corrections.csv included: a hard-coded 4 is what made 1g and 1h fail once it was added).
    expect(summaries).toBe(c.summaries ?? (c.code === 2 ? 0 : SOURCE_NAMES.length));
    await c.after?.(dirs, stderr);
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
