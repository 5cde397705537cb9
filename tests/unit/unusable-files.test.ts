/**
 * A file the data build cannot use as a whole, read in-process (tests/unit/careless-input.test.ts runs the same
 * cases through `npm run data`): the curator gets one error for it, with the place of the first bad byte and the
 * command that converts it, and one "not checked" error for each file that depends on it, never an error per row.
 * The GBK bytes are made with the platform decoder's own table; the text is the synthetic fixture.
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { AGENCIES, build } from './fixtures.ts';

function gbk(text: string): Uint8Array {
  const decoder = new TextDecoder('gbk');
  const table = new Map<string, number[]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return new Uint8Array([...text].flatMap((ch) => (ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : (table.get(ch) ?? [0x3f]))));
}

describe('a file that cannot be used as a whole', () => {
  it('agencies.csv saved as GBK: one error with the byte, the encoding and the command; one for each file that depends on it', () => {
    const { problems, summary } = build({ agencies: gbk(AGENCIES) });
    expect(problems.map(formatProblem)).toEqual([
      // 测 is B2 E2 in GBK: B2 cannot start a UTF-8 character. Line 2, after "511100-jt,".
      'data/agencies.csv:2:11: the file is not UTF-8 text: byte 0xB2 here cannot be read as UTF-8 (it reads as GBK/GB18030, what Excel and WPS save for Chinese on Windows). Save it as UTF-8 (Excel: Save As "CSV UTF-8") or convert it: iconv -f GB18030 -t UTF-8 agencies.csv > agencies.csv.utf8 && mv agencies.csv.utf8 agencies.csv. All 11 rows of this file were rejected',
      'data/reports.csv:2:1: not checked: agencies.csv could not be used (it is not UTF-8; see its errors), so the 20 rows of this file that passed validation were rejected too',
      'data/figures.csv:2:1: not checked: reports.csv could not be used (agencies.csv could not be used; see its errors), so the 51 rows of this file that passed validation were rejected too',
      'data/corrections.csv:2:1: not checked: figures.csv could not be used (reports.csv could not be used; see its errors), so the one row of this file that passed validation was rejected too',
    ]);
    expect(summary.map((s) => [s.file, s.read, s.accepted, s.rejected])).toEqual([
      ['data/metrics.csv', 276, 276, 0],
      ['data/agencies.csv', 11, 0, 11],
      ['data/reports.csv', 20, 0, 20],
      ['data/figures.csv', 51, 0, 51],
      ['data/corrections.csv', 1, 0, 1],
    ]);
  });

  it('a UTF-16 file: the encoding named and the command to convert it, and no "All 0 rows" when none could be read', () => {
    const { problems } = build({ figures: new Uint8Array([0xff, 0xfe, 0x72, 0x00]) });
    expect(problems.map(formatProblem)).toEqual([
      'data/figures.csv:1:1: the file is not UTF-8 text: byte 0xFF here cannot be read as UTF-8 (it is UTF-16, Excel\'s "Unicode text"). Save it as UTF-8 (Excel: Save As "CSV UTF-8") or convert it: iconv -f UTF-16 -t UTF-8 figures.csv > figures.csv.utf8 && mv figures.csv.utf8 figures.csv. No row of this file could be read',
      'data/corrections.csv:2:1: not checked: figures.csv could not be used (it is not UTF-8; see its errors), so the one row of this file that passed validation was rejected too',
    ]);
  });
});
