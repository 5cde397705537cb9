/**
 * The curation log (data/CURATION.md: how each report was found and checked, what was left out), published as
 * plain text so /about/ can link it. A data folder without a log says so instead of failing the build.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { APIRoute } from 'astro';

export const GET: APIRoute = async () => {
  const file = join(process.env.DATA_DIR ?? 'data', 'CURATION.md');
  const text = await readFile(file, 'utf8').catch(() => `No curation log in this data folder (${file}).\n`);
  return new Response(text, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
