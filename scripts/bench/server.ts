/**
 * Server mode under load (docs/scale.md): start the server build (RENDER_MODE=server, Astro's Node adapter) on
 * loopback and ask it for agency pages with autocannon, each request a different agency (round robin over all
 * of them, both languages), so every answer is rendered, none served from a cache. Reports requests per
 * second, latency percentiles and the Cache-Control header a CDN in front would follow.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import autocannon from 'autocannon';

export interface ServerLoad {
  requests: number;
  perSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cacheControl: string | null;
  pageBytes: number;
}

export async function loadServer(
  serverDir: string,
  generated: string,
  options: { seconds: number; connections: number },
): Promise<ServerLoad> {
  const port = 4400 + (process.pid % 500);
  const server = spawn(process.execPath, [join(serverDir, 'server', 'entry.mjs')], {
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), GENERATED_DIR: generated },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    // The adapter logs its address once it listens.
    await new Promise<void>((resolve, reject) => {
      server.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes(String(port))) resolve();
      });
      server.on('exit', (code) => reject(new Error(`server exited (${code}) before listening`)));
    });
    const index = JSON.parse(await readFile(join(generated, 'site.json'), 'utf8')) as { agencies: { id: string }[] };
    const paths = index.agencies.flatMap((a) => [`/agencies/${a.id}/`, `/en/agencies/${a.id}/`]);
    const base = `http://127.0.0.1:${port}`;
    const first = await fetch(`${base}${paths[0] ?? '/'}`);
    const pageBytes = (await first.arrayBuffer()).byteLength;
    let next = 0;
    const result = await autocannon({
      url: base,
      connections: options.connections,
      duration: options.seconds,
      requests: [{ setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] ?? '/' }) }],
    });
    return {
      requests: result.requests.total,
      perSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
      cacheControl: first.headers.get('cache-control'),
      pageBytes,
    };
  } finally {
    server.kill();
    await once(server, 'exit').catch(() => {});
  }
}
