/**
 * The sites global-setup.ts builds in the background, one after another, each marked done in the `buildsDone`
 * folder when written. An end-to-end file waits, at its top, only for the sites it reads, so it can run while
 * the builds it does not need are still going (the fixture and hostile sites are built first, then the one from
 * data/, which takes minutes; sites.ts has the order, sequencer.ts runs the files in it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import type { Site } from './sites.ts';

/** Waits until these sites are built; throws with the build's error if one failed. */
export async function sitesReady(...sites: Site[]): Promise<void> {
  const folder = inject('buildsDone');
  for (const site of sites) {
    const marker = join(folder, site);
    while (!existsSync(marker)) await sleep(500);
    const outcome = readFileSync(marker, 'utf8');
    if (outcome !== 'ok') throw new Error(outcome);
  }
}
