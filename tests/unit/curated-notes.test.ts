import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';

/**
 * The repository holds numbers, URLs and locators from the reports, never their text (design, "Figures only, not
 * prose"). A curator's note says in their own words what a number counts; a Chinese phrase with the number in it
 * ("…发布各类政府信息86条", "受理0件") is the report's sentence copied. Names of bodies, accounts and documents stay
 * allowed (short runs of Chinese without a number beside them).
 */
const QUOTED_COUNT = /[\u4e00-\u9fff]{2,}[0-9０-９]|[0-9０-９][余多]?[条件篇项个起次期份则例部万元%宗][\u4e00-\u9fff]|[\u4e00-\u9fff]{8,}/u;
/** Report notes name bodies and titles at length; only a count quoted with its counter word is refused there. */
const QUOTED_COUNT_IN_REPORT_NOTE = /[\u4e00-\u9fff]{3,}[0-9０-９][0-9.,万]*[余多]?[条件篇项个起次期份则宗]/u;

async function rows(file: string): Promise<Record<string, string>[]> {
  return Papa.parse<Record<string, string>>(await readFile(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('curators’ notes are their own words', () => {
  it('recognises a quoted sentence and lets a name through', () => {
    expect(QUOTED_COUNT.test('通过县政府门户网站发布各类政府信息86条')).toBe(true);
    expect(QUOTED_COUNT.test('受理0件')).toBe(true);
    expect(QUOTED_COUNT.test('同比增长103%')).toBe(true);
    expect(QUOTED_COUNT.test('posts on the 中国绥宁 WeChat account')).toBe(false);
    expect(QUOTED_COUNT.test('the Guangzhou 12345 account; 1 repealed and 22 in force')).toBe(false);
    expect(QUOTED_COUNT_IN_REPORT_NOTE.test('body names 国家文物局 and 2009; cites 国办公开办函〔2019〕60号')).toBe(false);
    expect(QUOTED_COUNT_IN_REPORT_NOTE.test('the excerpt says 全年主动公开政府信息46条')).toBe(true);
  });

  it('no figure note in data/ quotes the report', async () => {
    const quoted = (await rows('data/figures.csv')).filter((r) => QUOTED_COUNT.test(r.note ?? ''));
    expect(quoted.map((r) => `${r.report_id} ${r.metric}: ${r.note}`)).toEqual([]);
  });

  it('no report note in data/ quotes a count from the report', async () => {
    const quoted = (await rows('data/reports.csv')).filter((r) => QUOTED_COUNT_IN_REPORT_NOTE.test(r.notes ?? ''));
    expect(quoted.map((r) => `${r.id}: ${r.notes}`)).toEqual([]);
  });
});
