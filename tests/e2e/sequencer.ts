/**
 * End-to-end files run one at a time (a browser each, fileParallelism off), so a file waiting for the site from
 * data/ would hold back the files behind it that read only the fixture sites, which are built minutes earlier.
 * This orders the end-to-end files by the last site each waits for (sites.ts), so the files that can run while
 * data/ builds do; files waiting for the same site keep vitest's own order. Other projects are left as vitest
 * sorts them.
 */
import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';
import { SITES, sitesWaitedFor } from './sites.ts';

/** The position in the build order of the last site a file waits for; -1 for a file that waits for none. */
export function lastSiteRank(source: string): number {
  return Math.max(-1, ...sitesWaitedFor(source).map((site) => SITES.indexOf(site)));
}

export class SitesBuiltFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const isE2e = (spec: TestSpecification) => spec.project.name === 'e2e';
    const rank = new Map(sorted.filter(isE2e).map((spec) => [spec, lastSiteRank(readFileSync(spec.moduleId, 'utf8'))]));
    // Array.prototype.sort is stable: files of one rank keep vitest's order.
    const e2e = sorted.filter(isE2e).sort((a, b) => (rank.get(a) ?? 0) - (rank.get(b) ?? 0));
    let next = 0;
    return sorted.map((spec) => (isE2e(spec) ? (e2e[next++] ?? spec) : spec));
  }
}
