// @ts-check
import { defineConfig } from 'astro/config';

// Static site: every page is rendered at build time from the generated dataset (see src/lib/site-data.ts).
export default defineConfig({
  output: 'static',
  site: process.env.SITE_URL ?? 'http://localhost:4321',
  trailingSlash: 'always',
  build: { format: 'directory' },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
});
