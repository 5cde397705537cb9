import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/lib/pipeline/csv.ts';

describe('parseCsv', () => {
  it('strips the byte-order mark and accepts CRLF line ends', () => {
    const table = parseCsv('\uFEFFa,b\r\n1,2\r\n3,4\r\n');
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.fields)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(table.problems).toEqual([]);
  });

  it('counts a lone CR as a line end, as editors do', () => {
    const table = parseCsv('\ra,b\r1,2\r3,"x"\r');
    expect(table.headerPositions).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 3 },
    ]);
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [3, ['1', '2']],
      [4, ['3', 'x']],
    ]);
  });

  it('reads every row of a file with mixed line ends (LF lines appended to a CRLF file)', () => {
    const table = parseCsv('a,b\r\n1,2\r\n3,4\n5,6\n');
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [2, ['1', '2']],
      [3, ['3', '4']],
      [4, ['5', '6']],
    ]);
    expect(table.problems).toEqual([]);
  });

  it('gives the line and column of every field, counting lines inside quoted fields', () => {
    const table = parseCsv('a,b,c\n"x\ny",22,3\n4,"5,5",6\n');
    expect(table.records[0]?.positions).toEqual([
      { line: 2, column: 1 },
      { line: 3, column: 4 },
      { line: 3, column: 7 },
    ]);
    expect(table.records[1]?.line).toBe(4);
    expect(table.records[1]?.positions[2]).toEqual({ line: 4, column: 9 });
  });

  it('places the fields after a quote inside an unquoted value, which is text, not the start of quoting', () => {
    // Found by the property test: 5"11 is one value to papaparse, so the error about the fourth field of this
    // row pointed at the first one.
    const table = parseCsv('a,b,c,d\n5"11,x,"q""r",bad\n');
    expect(table.records[0]?.fields).toEqual(['5"11', 'x', 'q"r', 'bad']);
    expect(table.records[0]?.positions).toEqual([
      { line: 2, column: 1 },
      { line: 2, column: 6 },
      { line: 2, column: 8 },
      { line: 2, column: 15 },
    ]);
    expect(table.records[0]?.positionOf(2, 2)).toEqual({ line: 2, column: 12 });
  });

  it('skips blank lines without losing line numbers', () => {
    const table = parseCsv('a,b\n\n1,2\n\n\n3,4\n');
    expect(table.records.map((r) => r.line)).toEqual([3, 6]);
  });

  it('reports a record with the wrong number of fields and keeps the others', () => {
    const table = parseCsv('a,b,c\n1,2\n4,5,6\n7,8,9,10\n');
    expect(table.records.map((r) => r.line)).toEqual([3]);
    expect(table.problems).toMatchObject([
      { line: 2, column: 1, message: expect.stringContaining('expected 3 fields') },
      { line: 4, column: 7, message: expect.stringContaining('found 4') },
    ]);
  });

  it('splits on commas only, even when pipes would give more even rows', () => {
    const table = parseCsv('id,aliases\n1,a|b|c\n2,a|b|c,x,y,z\n3,a|b|c\n');
    expect(table.header).toEqual(['id', 'aliases']);
    expect(table.records.map((r) => r.fields)).toEqual([
      ['1', 'a|b|c'],
      ['3', 'a|b|c'],
    ]);
    expect(table.problems).toMatchObject([{ line: 3, column: 9, message: expect.stringContaining('found 5') }]);
  });

  it('places a surplus field on its own line when a quoted line break comes before it', () => {
    const table = parseCsv('a,b\n1,"x\ny",extra\n');
    expect(table.problems).toMatchObject([{ line: 3, column: 4, message: expect.stringContaining('found 3') }]);
  });

  it('reports an unclosed quote at the quote and resumes on the next line', () => {
    const table = parseCsv('a,b\n1,"oops\n2,3\n4,5\n');
    expect(table.problems).toMatchObject([{ line: 2, column: 3, message: expect.stringContaining('not closed') }]);
    expect(table.records.map((r) => [r.line, r.fields])).toEqual([
      [3, ['2', '3']],
      [4, ['4', '5']],
    ]);
  });

  it('returns no header for an empty file', () => {
    expect(parseCsv('').header).toEqual([]);
  });
});
