import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { chineseNumber, locatorText, parseLocator } from '../../src/lib/core/locator.ts';

describe('locatorText', () => {
  it.each([
    ['一(二) narrative', '正文第一部分（二）', 'Text, part 1 (2)'],
    ['一(一)', '第一部分（一）', 'Part 1 (1)'],
    ['一 narrative', '正文第一部分', 'Text, part 1'],
    ['一 2. narrative', '正文第一部分第2点', 'Text, part 1, point 2'],
    ['一(一)1 narrative', '正文第一部分（一）第1点', 'Text, part 1 (1), point 1'],
    ['一(一)1(1) narrative', '正文第一部分（一）第1点（1）', 'Text, part 1 (1), point 1 (1)'],
    ['一(十一) narrative and table', '正文及表格第一部分（十一）', 'Text and table, part 1 (11)'],
    ['一 概况 narrative', '正文第一部分“概况”', 'Text, part 1, overview'],
    // A part named by its heading alone (a news summary of a report quotes its parts without their numbers).
    ['行政复议 narrative', '正文“行政复议”', 'Text, administrative review'],
    ['一 item 二 narrative', '正文第一部分第2点', 'Text, part 1, point 2'],
    ['统计表 一(二)2', '“统计表”第一项（二）第2点', 'Table “statistics”, row 1 (2), point 2'],
    ['一 narrative item 二', '正文第一部分第2点', 'Text, part 1, point 2'],
    ['行政诉讼 narrative', '正文“行政诉讼”', 'Text, litigation'],
    ['一(十一) table 收费及减免情况', '第一部分（十一）“收费及减免情况”表', 'Part 1 (11), table “fees and waivers”'],
    ['表三 row 一 col 总计', '表三第一行“总计”列', 'Table 3, row 1, column “total”'],
    ['表三 row 三(二) col org_research', '表三第三（二）行“科研机构”列', 'Table 3, row 3(2), column “research institutions”'],
    ['表二 20(1) 规章', '表二第二十条第（一）项“规章”', 'Table 2, Art. 20(1), rules'],
    ['表二 20(1)', '表二第二十条第（一）项', 'Table 2, Art. 20(1)'],
    ['表二 20(1) 规章 col 2', '表二第二十条第（一）项“规章”，第2列', 'Table 2, Art. 20(1), rules, column 2'],
    [
      '表二 20(5) 行政许可 处理决定',
      '表二第二十条第（五）项“行政许可”，“处理决定数量”列',
      'Table 2, Art. 20(5), administrative licensing, decisions',
    ],
  ])('%s', (raw, zh, en) => {
    expect(locatorText(raw, 'zh')).toBe(zh);
    expect(locatorText(raw, 'en')).toBe(en);
  });

  it('shows a locator it does not understand as written', () => {
    expect(parseLocator('page 4, second table')).toEqual({ kind: 'unknown', raw: 'page 4, second table' });
    expect(locatorText('page 4, second table', 'en')).toBe('page 4, second table');
  });

  it('understands every locator in data/figures.csv, and puts no English word on a Chinese page', async () => {
    const rows = Papa.parse<{ locator: string }>(await readFile('data/figures.csv', 'utf8'), { header: true, skipEmptyLines: true }).data;
    const locators = [...new Set(rows.map((r) => r.locator).filter(Boolean))];
    expect(locators.length).toBeGreaterThan(50);
    expect(locators.filter((l) => parseLocator(l).kind === 'unknown')).toEqual([]);
    expect(locators.map((l) => locatorText(l, 'zh')).filter((t) => /[A-Za-z]{2,}/.test(t))).toEqual([]);
    expect(locators.map((l) => locatorText(l, 'en')).filter((t) => /[\u4e00-\u9fff]/.test(t))).toEqual([]);
  });
});

describe('chineseNumber', () => {
  it.each([
    ['一', 1],
    ['十', 10],
    ['十一', 11],
    ['二十', 20],
    ['二十三', 23],
    ['4', 4],
    ['甲', null],
  ] as const)('%s → %s', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });
});
