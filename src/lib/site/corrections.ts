/** Text and anchors shared by the corrections log, the sources list and the timeliness view. */
import { fill, messages } from '../../i18n/index.ts';
import { formatDate, formatNumber, type Lang } from '../core/format.ts';
import type { ReportOut } from '../core/schema.ts';

/** The id of a figure's entry on /corrections/ (a report and metric may be corrected more than once: the first entry). */
export const correctionAnchor = (reportId: string, metric: string) => `fix-${reportId}-${metric.replaceAll('.', '-')}`;

/** "On time", "N days late" or "unknown", with the deadline. */
export function timelinessText(r: Pick<ReportOut, 'deadline' | 'days_late'>, lang: Lang): string {
  const t = messages(lang);
  const deadline = formatDate(r.deadline, lang);
  if (r.days_late === null) return fill(t.timelinessUnknown, { deadline });
  if (r.days_late > 0) return fill(t.timelinessLate, { days: formatNumber(r.days_late, lang), deadline });
  return fill(t.timelinessOnTime, { deadline });
}
