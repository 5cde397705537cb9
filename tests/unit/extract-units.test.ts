/** The extractor's building blocks: decoding, normalisation, HTML lines, table cells, title, year, template. */
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/lib/extract/decode.ts';
import { htmlToText, looksLikeHtml } from '../../src/lib/extract/html.ts';
import { detectTemplate, detectYear, findTitle, matchAgency } from '../../src/lib/extract/identity.ts';
import { cellsOf } from '../../src/lib/extract/tables.ts';
import { cellNumber, labelKey, normaliseReportText, stripNumbering } from '../../src/lib/extract/text.ts';
import { TEST_AGENCIES } from './extract-helpers.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
// 「交通」 in GBK, written out so the test needs no encoder.
const GBK_JIAOTONG = Uint8Array.from([0xbd, 0xbb, 0xcd, 0xa8]);

describe('decodeBytes', () => {
  it.each([
    ['UTF-8 with a byte-order mark', Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('交通')]), '交通', 'utf-8'],
    ['plain UTF-8', utf8('交通'), '交通', 'utf-8'],
    ['GBK without declaration', GBK_JIAOTONG, '交通', 'gb18030'],
    [
      'GBK declared in a meta tag',
      Uint8Array.from([...utf8('<meta charset="gb2312">'), ...GBK_JIAOTONG]),
      '<meta charset="gb2312">交通',
      'gb18030',
    ],
  ])('%s', (_why, bytes, text, encoding) => {
    expect(decodeBytes(bytes)).toEqual({ ok: true, text, encoding });
  });

  it.each([
    ['empty file', new Uint8Array(), 'empty'],
    ['binary file', Uint8Array.from([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]), 'binary'],
    ['bytes valid in no supported encoding', Uint8Array.from([0xff, 0xff, 0xff]), 'neither'],
  ])('refuses a %s', (_why, bytes, reason) => {
    const result = decodeBytes(bytes);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});

describe('normaliseReportText', () => {
  it.each([
    ['政(zhèng)府信息公(gōng)开', '政府信息公开', 'tone-marked pinyin glosses'],
    ['公(gong)开', '公开', 'plain pinyin gloss'],
    ['看开平(APP)', '看开平(APP)', 'upper-case Latin in brackets is not a gloss'],
    ['信息公開工作年度報告', '信息公开工作年度报告', 'traditional to simplified'],
    ['１２３条，（一）', '123条,(一)', 'full-width digits and punctuation'],
  ])('%j → %j (%s)', (raw, expected) => {
    expect(normaliseReportText(raw).text).toBe(expected);
  });
});

describe('table labels and cells', () => {
  it.each([
    ['规 章', '规章'],
    ['(三)不予公开', '不予公开'],
    ['1.属于国家秘密', '属于国家秘密'],
    ['三、本年度办理结果', '本年度办理结果'],
    ['3.危及“三安全一稳定”', '危及三安全一稳定'],
  ])('stripNumbering(%j) = %j', (label, expected) => {
    expect(stripNumbering(label)).toBe(expected);
    expect(labelKey(label)).not.toMatch(/\s/);
  });

  it.each([
    ['12', 12],
    ['+4', 4],
    ['-3', -3],
    ['38.441094', 38.441094],
    ['1,234', 1234],
    ['', null],
    ['—', null],
    ['12条', null],
  ])('cellNumber(%j) = %j', (cell, expected) => {
    expect(cellNumber(cell)).toBe(expected);
  });

  it('keeps blank cells inside a |-row, drops layout cells at its ends', () => {
    const cells = cellsOf(['行政强制 | 9 | | 3 | ||', '', '规章']);
    expect(cells.map((c) => [c.text, c.inRow])).toEqual([
      ['行政强制', true],
      ['9', true],
      ['', true],
      ['3', true],
      ['规章', false],
    ]);
  });
});

describe('htmlToText', () => {
  it('turns table rows into |-rows and skips scripts', () => {
    const html =
      '<html><head><title>T</title><script>x=1</script></head><body><p>甲</p><table><tr><td>规章</td><td>0</td><td></td></tr></table></body></html>';
    expect(looksLikeHtml(html)).toBe(true);
    expect(htmlToText(html).split('\n')).toEqual(['T', '', '甲', '', '规章 | 0 |', '']);
  });
});

describe('identity', () => {
  it.each([
    [['测试市交通运输局2023年政府信息公开工作年度报告'], { name: '测试市交通运输局', year: 2023 }],
    [['首页 > 信息公开年报', '2024年度政府信息公开年报'], { name: null, year: 2024 }],
    [['样本市交通运输局', '2022年政府信息公开工作年度报告'], { name: '样本市交通运输局', year: 2022 }],
    [['根据《条例》规定,现公布2021年测试市交通运输局信息公开工作年度报告。'], { name: '测试市交通运输局', year: 2021 }],
  ])('findTitle(%j)', (lines, expected) => {
    expect(findTitle(lines)).toEqual(expected);
  });

  it.each([
    ['本报告所列数据的统计期限自2020年1月1日起至2020年12月31日止。', null, 2020, 'statistics period'],
    ['本年报中所列数据的统计期限自202011日起至20201231日止。', null, 2020, 'period with stripped 年/月 (T7)'],
    ['统计期限自2021年1月1日起至2021年12月31日止。', 2022, 2022, 'title wins over the period'],
  ])('detectYear: %s', (text, titleYear, expected, _why) => {
    expect(detectYear(text, titleYear === null ? null : { name: null, year: titleYear }).year).toBe(expected);
  });

  it.each([
    ['本年制发件数 | 本年废止件数', 2022, 'gov2021'],
    ['本年新制作数量 | 本年新公开数量', 2020, 'gov2019'],
    ['收费及减免情况', 2016, 'pre2019'],
    ['一、总体情况 三、收到和处理政府信息公开申请情况', 2023, 'gov2021'],
    ['一、总体情况', 2023, 'unknown'],
  ])('detectTemplate(%j, %d) = %s', (text, year, expected) => {
    expect(detectTemplate(text, year).template).toBe(expected);
  });

  it.each([
    [['测试市交通运输局'], '', '990100-jt', 'exact name'],
    [['湖北省测试市交通运输局'], '', '990100-jt', 'name with a province prefix'],
    [['市交通运输局'], '样本市交通运输局网站', '990200-jt', 'short name resolved by the place in the body'],
    [['市交通运输局'], '', null, 'short name and no place: not guessed'],
    [['某县交通运输局'], '', null, 'agency not in the list'],
  ])('matchAgency(%j) (%s)', (names, text, expected, _why) => {
    expect(matchAgency(names, text, TEST_AGENCIES)?.id ?? null).toBe(expected);
  });

  // An alias without a place (市政府办公厅) names the general office of every city: another city's report that
  // mentions its own 市政府办公厅 is not that agency's (a real data/ alias matched a Chongqing district's page).
  it('does not match an alias without a place to a page that names no place of the agency', () => {
    const agencies = [{ id: '990100-zf', name_zh: '测试市人民政府', aliases: ['市政府办公厅'] }];
    expect(matchAgency(['市政府办公厅'], '在市政府办公厅的大力指导下,样本区…', agencies)).toBeNull();
    expect(matchAgency(['市政府办公厅'], '测试市人民政府门户网站', agencies)?.id).toBe('990100-zf');
  });

  // data/ holds names with brackets (苏州高新区(虎丘区)…): the place is text to find, not a pattern.
  it('reads agency names with brackets', () => {
    const agencies = [{ id: '990100-jw', name_zh: '测试高新区(样本区)经济发展委员会', aliases: [] }];
    expect(() => matchAgency([], '样本区交通运输局2023年报告', agencies)).not.toThrow();
  });
});
