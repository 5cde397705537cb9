/** Small helpers shared by the unit and end-to-end tests. */
import { gunzipSync } from 'node:zlib';
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Qualifier, SeriesPoint } from '../src/lib/core/schema.ts';

/**
 * A value made inside each test that reads it, once per test. Building the fixture dataset at the top of a file
 * would run the data build while the file loads, outside every test: mutation testing (npm run mutation) then
 * cannot tell which tests reach a line and runs the whole suite for each of its mutants, several times slower.
 */
export function perTest<T>(make: () => T): () => T {
  let made: { test: string | undefined; value: T } | undefined;
  return () => {
    const test = expect.getState().currentTestName;
    if (made === undefined || made.test !== test || test === undefined) made = { test, value: make() };
    return made.value;
  };
}

/** One point of a year series, from report `r<year>`. */
export function point(year: number, value: number, qualifier: Qualifier = 'exact'): SeriesPoint {
  return { year, value, qualifier, report_id: `r${year}`, derived: false };
}

/** Every file below `dir` (path relative to it → text), in sorted order, to compare build outputs. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
  // A gzipped file is read as what a reader gets after unpacking it.
  const read = async (f: string) => (f.endsWith('.gz') ? gunzipSync(await readFile(f)).toString('utf8') : readFile(f, 'utf8'));
  return Object.fromEntries(await Promise.all(files.sort().map(async (f) => [f.slice(dir.length), await read(f)] as const)));
}
