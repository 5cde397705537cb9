/**
 * Serves the download files written by the data build (generated/downloads/) at /downloads/…, so the data
 * build stays their only author and the site build copies them byte for byte.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { APIRoute } from 'astro';
import { generatedDir } from '../../lib/paths.ts';

const root = () => join(generatedDir(), 'downloads');

export function getStaticPaths() {
  const files = readdirSync(root(), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
  return files.map((d) => ({ params: { file: relative(root(), join(d.parentPath, d.name)).split('\\').join('/') } }));
}

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8' };

export const GET: APIRoute = ({ params }) => {
  const file = params.file ?? '';
  return new Response(readFileSync(join(root(), file)), {
    headers: { 'Content-Type': TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream' },
  });
};
