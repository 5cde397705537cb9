import { describe, expect, it } from 'vitest';
import { citePage, citeReport, reportTitle, yearList } from '../../src/lib/site/citation.ts';
import type { AgencySummary, ReportOut } from '../../src/lib/core/schema.ts';

const agency = { id: '511100-jt', name_zh: '测试市交通运输局', name_en: 'Ceshi Transport Bureau' } as AgencySummary;
const report = (published: string | null, url: string | null = 'https://example.gov.cn/2022.html') =>
  ({ id: '511100-jt-2022', year: 2022, source_url: url, published }) as ReportOut;

describe('citePage', () => {
  it('writes GB/T 7714 [EB/OL] and APA in Chinese', () => {
    const c = citePage({
      agency,
      subject: { zh: '依申请公开', en: 'Requests' },
      years: [2023, 2019],
      url: 'https://x.org/a/',
      lang: 'zh',
    });
    expect(c.gbt).toBe(
      '政府信息公开年报数据台. 测试市交通运输局政府信息公开年度报告数据：依申请公开（2019、2023）[EB/OL]. [引用日期]. https://x.org/a/.',
    );
    expect(c.apa).toBe(
      '政府信息公开年报数据台. (n.d.). 测试市交通运输局政府信息公开年度报告数据：依申请公开（2019、2023） [Data set]. Retrieved [access date], from https://x.org/a/',
    );
  });
  it('writes English titles on English pages, with a single year when there is one', () => {
    const c = citePage({ agency, subject: { zh: '', en: '' }, years: [2022], url: 'https://x.org/en/a/', lang: 'en' });
    expect(c.gbt).toBe(
      'Disclosure Report Dashboard. Ceshi Transport Bureau, government information disclosure figures (2022)[EB/OL]. [date accessed]. https://x.org/en/a/.',
    );
  });
});

describe('yearList', () => {
  it.each([
    [[2014, 2025], '2014、2025', '2014, 2025'],
    [[2021, 2019, 2020, 2023], '2019—2021、2023', '2019–2021, 2023'],
    [[2022], '2022', '2022'],
  ])('%j', (years, zh, en) => {
    expect(yearList(years, 'zh')).toBe(zh);
    expect(yearList(years, 'en')).toBe(en);
  });
});

describe('citeReport', () => {
  it('uses the access-date placeholder of the page language', () => {
    expect(citeReport(agency, report(null), 'en')?.gbt).toContain('[date accessed]');
    expect(citeReport(agency, report(null), 'en')?.gbt).not.toContain('引用日期');
  });
  it('names the original report with its publication date when known', () => {
    expect(citeReport(agency, report('2023-01-20'), 'zh')?.gbt).toBe(
      `测试市交通运输局. ${reportTitle('测试市交通运输局', 2022)}[EB/OL]. (2023-01-20)[引用日期]. https://example.gov.cn/2022.html.`,
    );
    expect(citeReport(agency, report(null), 'en')?.apa).toContain(
      'Ceshi Transport Bureau. (n.d.). 测试市交通运输局2022年政府信息公开工作年度报告',
    );
  });
  it('gives nothing to cite when the source page is unknown', () => {
    expect(citeReport(agency, report(null, null), 'en')).toBeNull();
  });
});
