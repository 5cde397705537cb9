// @ts-check
import { defineConfig } from 'astro/config';
import { downloads } from './src/integrations/downloads.ts';
import { BASE_PATH, SITE_URL } from './src/lib/hosting.ts';

// Static site: every page is rendered at build time from the generated data (see src/lib/site-data.ts).
// SITE_URL and BASE_PATH (README, "Hosting") decide where it is published.
export default defineConfig({
  output: 'static',
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  // Two pages at a time: chart PNGs rasterise on libuv's thread pool, so a second core is not left idle.
  build: { format: 'directory', concurrency: 2 },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  integrations: [downloads()],
});
