/**
 * Ready-to-copy citations in GB/T 7714-2015 ([EB/OL]) and APA 7 form: one for the dashboard page or chart,
 * and one per original report, which is the real source of every number. The access date is left as the
 * standard's placeholder in the HTML (pages are byte-identical from build to build); a small script fills in
 * the reader's date when it runs.
 */
import { messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { AgencySummary, ReportOut } from '../core/schema.ts';

/**
 * Placeholders the page script replaces with the reader's date (ISO in GB/T 7714, long form in APA), in the
 * page's language, so an English page without JavaScript never shows the Chinese one.
 */
export const ACCESS_DATE = { gbt: { zh: '[引用日期]', en: '[date accessed]' }, apa: '[access date]' } as const;

export interface CitationTexts {
  gbt: string;
  apa: string;
}

/**
 * The years a citation covers, as they are: runs of consecutive years as a range (GB/T uses the em dash,
 * English the en dash), other years listed: "2014、2025", "2019—2021、2023" / "2014, 2025", "2019–2021, 2023".
 */
export function yearList(years: readonly number[], lang: Lang): string {
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const y of sorted) {
    const last = runs.at(-1);
    if (last && y === last[1] + 1) last[1] = y;
    else runs.push([y, y]);
  }
  const dash = lang === 'zh' ? '—' : '–';
  return runs.map(([a, b]) => (a === b ? String(a) : `${a}${dash}${b}`)).join(lang === 'zh' ? '、' : ', ');
}

/** The name an agency's report carries, built from the agency name and year (the standard title form). */
export function reportTitle(agencyNameZh: string, year: number): string {
  return `${agencyNameZh}${year}年政府信息公开工作年度报告`;
}

export interface PageCitation {
  agency: AgencySummary;
  /** Chart or page subject, e.g. 依申请公开情况 / Disclosure requests and outcomes; empty for the whole page. */
  subject: { zh: string; en: string };
  years: readonly number[];
  url: string;
  lang: Lang;
}

/** Citation of a dashboard page or chart; the text follows the page language. */
export function citePage(c: PageCitation): CitationTexts {
  const siteName = messages(c.lang).siteName;
  if (c.lang === 'zh') {
    const subject = c.subject.zh ? `：${c.subject.zh}` : '';
    const title = `${c.agency.name_zh}政府信息公开年度报告数据${subject}（${yearList(c.years, 'zh')}）`;
    return {
      gbt: `${siteName}. ${title}[EB/OL]. ${ACCESS_DATE.gbt.zh}. ${c.url}.`,
      apa: `${siteName}. (n.d.). ${title} [Data set]. Retrieved ${ACCESS_DATE.apa}, from ${c.url}`,
    };
  }
  const subject = c.subject.en ? `: ${c.subject.en}` : '';
  const title = `${c.agency.name_en}, government information disclosure figures${subject} (${yearList(c.years, 'en')})`;
  return {
    gbt: `${siteName}. ${title}[EB/OL]. ${ACCESS_DATE.gbt.en}. ${c.url}.`,
    apa: `${siteName}. (n.d.). ${title} [Data set]. Retrieved ${ACCESS_DATE.apa}, from ${c.url}`,
  };
}

/** Citation of one original report, for a page in `lang`. The publication date is the report's own when known. */
export function citeReport(agency: AgencySummary, report: ReportOut, lang: Lang): CitationTexts | null {
  if (!report.source_url) return null;
  const title = reportTitle(agency.name_zh, report.year);
  const published = report.published ? `(${report.published})` : '';
  return {
    gbt: `${agency.name_zh}. ${title}[EB/OL]. ${published}${ACCESS_DATE.gbt[lang]}. ${report.source_url}.`,
    apa: `${agency.name_en}. (${report.published ? report.published.slice(0, 4) : 'n.d.'}). ${title} [Annual report on government information disclosure, ${report.year}]. ${report.source_url}`,
  };
}
