/**
 * Ready-to-copy citations in GB/T 7714-2015 ([EB/OL]) and APA 7 form: one for the dashboard page or chart,
 * and one per original report, which is the real source of every number. The access date is left as the
 * standard's placeholder in the HTML (pages are byte-identical from build to build); a small script fills in
 * the reader's date when it runs.
 */
import { messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { AgencySummary, ReportOut } from '../core/schema.ts';

/** Placeholder the page script replaces with the reader's date (ISO in GB/T 7714, long form in APA). */
export const ACCESS_DATE = { gbt: '[引用日期]', apa: '[access date]' } as const;

export interface CitationTexts {
  gbt: string;
  apa: string;
}

/** "2019—2023" (GB/T uses the em dash for ranges), "2019–2023" in English, or the single year. */
function yearSpan(years: readonly number[], dash: string): string {
  if (years.length === 0) return '';
  const first = Math.min(...years);
  const last = Math.max(...years);
  return first === last ? String(first) : `${first}${dash}${last}`;
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
    const subject = c.subject.zh ? `:${c.subject.zh}` : '';
    const title = `${c.agency.name_zh}政府信息公开年度报告数据${subject}(${yearSpan(c.years, '—')})`;
    return {
      gbt: `${siteName}. ${title}[EB/OL]. ${ACCESS_DATE.gbt}. ${c.url}.`,
      apa: `${siteName}. (n.d.). ${title} [Data set]. Retrieved ${ACCESS_DATE.apa}, from ${c.url}`,
    };
  }
  const subject = c.subject.en ? `: ${c.subject.en}` : '';
  const title = `${c.agency.name_en}, government information disclosure figures${subject} (${yearSpan(c.years, '–')})`;
  return {
    gbt: `${siteName}. ${title}[EB/OL]. ${ACCESS_DATE.gbt}. ${c.url}.`,
    apa: `${siteName}. (n.d.). ${title} [Data set]. Retrieved ${ACCESS_DATE.apa}, from ${c.url}`,
  };
}

/** Citation of one original report. The publication date is the report's own when known. */
export function citeReport(agency: AgencySummary, report: ReportOut): CitationTexts | null {
  if (!report.source_url) return null;
  const title = reportTitle(agency.name_zh, report.year);
  const published = report.published ? `(${report.published})` : '';
  return {
    gbt: `${agency.name_zh}. ${title}[EB/OL]. ${published}${ACCESS_DATE.gbt}. ${report.source_url}.`,
    apa: `${agency.name_en}. (${report.published ? report.published.slice(0, 4) : 'n.d.'}). ${title} [Annual report on government information disclosure, ${report.year}]. ${report.source_url}`,
  };
}
