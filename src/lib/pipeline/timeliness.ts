/**
 * When a report was due and how late it was published. The 2007 Regulations gave every agency until
 * 31 March; the 2019 Regulations (art. 49, in force 2019-05-15, first applied to the 2019 reports) give
 * departments until 31 January and governments until 31 March of the following year. An unknown publication
 * date stays unknown: it is never counted as on time.
 */
import { GOVERNMENT, type Sector } from '../core/sectors.ts';

/** The due date (YYYY-MM-DD) of the report covering `year` by an agency of `sector`. */
export function deadline(year: number, sector: Sector): string {
  const next = year + 1;
  if (year < 2019 || sector === GOVERNMENT) return `${next}-03-31`;
  return `${next}-01-31`;
}

const DAY = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

/** Days from the deadline to publication: ≤ 0 on time, > 0 late; null when the date is unknown. */
export function daysLate(published: string | null, due: string): number | null {
  if (published === null) return null;
  return Math.round((utc(published) - utc(due)) / DAY);
}
