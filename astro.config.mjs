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
  build: { format: 'directory' },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  integrations: [downloads()],
});
