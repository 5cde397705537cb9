/**
 * Publishes the download files the data build wrote (generated/downloads/) at /downloads/…: copied byte for
 * byte into the built site, and served from disk by the dev server. They are not pages, so they stay out of
 * Astro's render pipeline (the national figures.csv is larger than a string or a response body should be).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { generatedDir } from '../lib/core/paths.ts';

const TYPES: Record<string, string> = { csv: 'text/csv; charset=utf-8', json: 'application/json; charset=utf-8', gz: 'application/gzip' };

export function downloads(): AstroIntegration {
  const source = () => join(generatedDir(), 'downloads');
  let base = '/';
  return {
    name: 'disclosure-downloads',
    hooks: {
      'astro:config:done': ({ config }) => {
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
      },
      'astro:server:setup': ({ server }) => {
        const prefix = `${base}downloads/`;
        server.middlewares.use((req, res, next) => {
          const path = decodeURIComponent((req.url ?? '').split('?')[0] ?? '');
          if (!path.startsWith(prefix)) return next();
          const root = normalize(source());
          const file = normalize(join(root, path.slice(prefix.length)));
          if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) return next();
          res.setHeader('Content-Type', TYPES[file.split('.').pop() ?? ''] ?? 'application/octet-stream');
          createReadStream(file).pipe(res);
        });
      },
      'astro:build:done': async ({ dir, logger }) => {
        if (!existsSync(source())) throw new Error(`${source()} not found: run the data build first (npm run data)`);
        await cp(source(), join(fileURLToPath(dir), 'downloads'), { recursive: true });
        logger.info(`copied ${source()} to downloads/`);
      },
    },
  };
}
