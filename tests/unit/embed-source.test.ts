import { describe, expect, it } from 'vitest';
import { embedSourceLine, type SourcePart } from '../../src/lib/site/embeds.ts';

const text = (parts: SourcePart[]) => parts.map((p) => p.text).join('');
const links = (parts: SourcePart[]) => parts.flatMap((p) => ('href' in p ? [p.text] : []));
const known = { year: 2023, source_url: 'https://example.gov.cn/2023.html' };
const unknown = { year: 2014, source_url: null };

describe('the source line of an embed', () => {
  it.each([
    ['zh', [unknown], '来源：淄博市交通运输局2014年政府信息公开工作年度报告（来源页面未知）', []],
    ['en', [unknown], 'Source: Zibo, annual report on government information disclosure for 2014 (source page unknown)', []],
    ['zh', [unknown, known], '来源：淄博市交通运输局2014、2023年政府信息公开工作年度报告（其中2014年来源页面未知）', ['2023']],
    [
      'en',
      [unknown, known],
      'Source: Zibo, annual reports on government information disclosure for 2014, 2023 (source page unknown for 2014)',
      ['2023'],
    ],
    ['en', [known], 'Source: Zibo, annual report on government information disclosure for 2023', ['2023']],
  ] as const)('%s %j', (lang, reports, expected, linked) => {
    const parts = embedSourceLine(lang === 'zh' ? '淄博市交通运输局' : 'Zibo', reports, lang);
    expect(text(parts)).toBe(expected);
    expect(links(parts)).toEqual(linked);
  });
});
