/**
 * Loaded with `node --import` by the benchmark when GNU time is not installed: on exit, appends this process's
 * peak resident set size (KiB) and CPU time (µs) to the file named by BENCH_RSS_FILE.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}\n`);
  });
}
