import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lastSiteRank } from '../e2e/sequencer.ts';
import { sitesWaitedFor, type Site } from '../e2e/sites.ts';

const E2E = 'tests/e2e';
const files = readdirSync(E2E)
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => ({ name: f, source: readFileSync(join(E2E, f), 'utf8') }));

/** The site each value global-setup.ts provides belongs to. */
const SITE_OF: Record<string, Site> = {
  fixtureUrl: 'fixture',
  fixtureDist: 'fixture',
  fixtureDistAgain: 'fixture-again',
  hostileUrl: 'hostile',
  hostileDist: 'hostile',
  realUrl: 'real',
  realDist: 'real',
  hostedDist: 'hosted',
};

describe('end-to-end files and the sites they wait for', () => {
  it.each(files)('$name waits for every site it reads, and for no other', ({ source }) => {
    // A provided key named anywhere in the file (inject('realUrl'), or a table of keys a describe.each injects).
    const read = new Set(
      Object.keys(SITE_OF)
        .filter((key) => source.includes(`'${key}'`))
        .map((key) => SITE_OF[key]),
    );
    expect(new Set(sitesWaitedFor(source))).toEqual(read);
  });

  it('run the files that read only the fixture sites before those that read the site from data/', () => {
    const rank = (name: string) => lastSiteRank(files.find((f) => f.name === name)?.source ?? '');
    expect(rank('pages.test.ts')).toBeLessThan(rank('real-pages.test.ts'));
    expect(rank('phone.test.ts')).toBeLessThan(rank('real-phone.test.ts'));
    expect(rank('site.test.ts')).toBeGreaterThan(rank('real-data.test.ts'));
  });
});
