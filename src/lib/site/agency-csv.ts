/**
 * An agency's figures as tidy CSV (the columns of the whole-dataset figures.csv.gz), made from its JSON
 * download when the site is built or the page is asked for: the data build stores each agency's figures once.
 */
import { fromFigureCells } from '../core/schema.ts';
import { TIDY_HEADER, tidyLines } from '../pipeline/downloads.ts';
import type { SiteData } from './site-data.ts';

export function agencyCsv(site: SiteData, id: string): string {
  const download = site.figures(id);
  const metrics = new Map(site.index.metrics.map((m) => [m.key, m]));
  const figures = download.reports.flatMap((r) => r.figures.map((cells) => fromFigureCells(r.id, cells)));
  return TIDY_HEADER + tidyLines({ agency: download.agency, reports: download.reports, figures }, metrics);
}
