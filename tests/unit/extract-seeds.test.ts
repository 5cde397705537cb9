/**
 * The seed documents (real reports, ../shared/seeds copied into the fixtures): the figures each states,
 * decided by reading them, against the real agency list. 001 is a generic half-year summary that states
 * none; 000 (redacted city and year) is not a report of the dataset and is not among them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agencyRefs } from '../../src/lib/extract/index.ts';
import { expectedSet, extractFixture, figureSet, type Expected } from './extract-helpers.ts';

const agencies = agencyRefs(readFileSync(new URL('../../data/agencies.csv', import.meta.url), 'utf8'));

const SEEDS: { file: string; reportId: string; figures: Expected[]; why: string }[] = [
  {
    file: 'seeds/001_c7b89b922b9160b0.txt',
    reportId: 'UNMATCHED-year',
    figures: [],
    why: 'a half-year work summary: no figures, no year, no identifiable agency',
  },
  {
    file: 'seeds/002_bf0308bc7f56019c.txt',
    reportId: '370300-jt-2014',
    why: 'title says only 市交通运输局; the body names 淄博; bureau site, city portal and Weibo counts without a total',
    figures: [
      ['proactive.website', 98],
      ['proactive.portal', 111],
      ['proactive.weibo', 47],
      ['requests.new.total', 0],
      ['appeals.review.total', 0],
      ['appeals.litigation.total', 0],
      ['appeals.complaint.total', 0],
    ],
  },
  {
    file: 'seeds/003_c81dd79e7f9e0623.txt',
    reportId: '341200-jt-2018',
    why: 'traditional script with pinyin glosses; 1009 of 2915 posts are disclosure items; summary row of requests and fees',
    figures: [
      ['proactive.total', 1009],
      ['proactive.interpretations', 33],
      ['requests.new.total', 1],
      ['fees.legacy.amount_yuan', 0],
      ['appeals.review.total', 0],
      ['appeals.litigation.total', 0],
      ['appeals.complaint.total', 0],
    ],
  },
  {
    file: 'seeds/004_2ee645bf636e4c0a.txt',
    reportId: '511112-jt-2022',
    why: '2021-format outline with empty tables; district portal count in 篇; no requests, no processing fee',
    figures: [
      ['proactive.website', 33],
      ['requests.new.total', 0],
      ['fees.info_processing.collected_yuan', 0],
    ],
  },
];

describe('extractor on the seed reports', () => {
  it.each(SEEDS)('$file: $why', ({ file, reportId, figures }) => {
    const result = extractFixture(file, agencies);
    expect(result.report_id).toBe(reportId);
    expect(figureSet(result.figures)).toEqual(expectedSet(figures));
  });

  it('warns about the empty tables of seed 004 instead of reading them as zeros', () => {
    expect(extractFixture('seeds/004_2ee645bf636e4c0a.txt', agencies).warnings.join('\n')).toContain('printed without numbers');
  });
});
