/**
 * Run before each end-to-end test file (setupFiles): waits until global-setup.ts has finished building the sites,
 * so the file's tests, and the describe blocks that list a build's pages while collecting, see complete builds.
 */
import { existsSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';

const done = inject('buildsDone');
while (!existsSync(done)) await sleep(500);
const outcome = readFileSync(done, 'utf8');
if (outcome !== 'ok') throw new Error(outcome);
