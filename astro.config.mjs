// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import { downloads } from './src/integrations/downloads.ts';
import { onDemand } from './src/integrations/on-demand.ts';
import { BASE_PATH, RENDER_MODE, SITE_URL } from './src/lib/core/hosting.ts';

// Static site by default: every page is rendered at build time from the generated data (see
// src/lib/site/site-data.ts). RENDER_MODE=server builds a Node server (Astro's official adapter) that renders the
// per-agency pages on demand and serves the rest as files (docs/scale.md). SITE_URL and BASE_PATH (README,
// "Hosting") decide where it is published.
const server = RENDER_MODE === 'server';
export default defineConfig({
  output: server ? 'server' : 'static',
  ...(server ? { adapter: node({ mode: 'standalone' }) } : {}),
  site: SITE_URL,
  base: BASE_PATH,
  trailingSlash: 'always',
  // Four pages at a time: chart PNGs rasterise on libuv's thread pool, so a second core is not left idle. The site
  // from data/ (1,636 agencies, cold caches, 2 cores) builds in 268 s at 4 and 291 s at 2, byte for byte the same.
  build: { format: 'directory', concurrency: 4 },
  server: { port: 4321, host: true },
  devToolbar: { enabled: false },
  // No Markdown pages; turning Shiki off also silences its warning about inline styles under CSP.
  markdown: { syntaxHighlight: false },
  integrations: [downloads(), ...(server ? [onDemand()] : [])],
  // Scripts over 600 bytes (the chart tooltips, the copy buttons) are files the browser caches once for every
  // page, not text repeated in each page's HTML: inlined, they were a tenth of an agency page (issue 12). The
  // embed page's few-line height reporter stays inline. Other assets keep Vite's default.
  vite: { build: { assetsInlineLimit: (file, content) => (file.endsWith('.js') ? content.length < 600 : undefined) } },
  // Content-Security-Policy as a <meta> element on every page (README, "Hosting and security"). Astro hashes
  // the scripts and styles it emits itself, so script-src is 'self' plus those hashes: an injected inline
  // script, or one from another origin, does not run. frame-ancestors cannot be set by a <meta> element (the
  // browser ignores it there); the host sets it as a header, and the embed pages must stay frameable anyway.
  security: {
    csp: {
      directives: [
        "default-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
      ],
      scriptDirective: { resources: ["'self'"] },
      styleDirective: {
        resources: [
          { resource: "'self'", kind: 'element' },
          // ECharts writes presentation as style="…" attributes, in the build-time SVG and in the compare
          // page's live chart and tooltip; attributes cannot run script, and <style> elements stay hashed.
          { resource: "'unsafe-inline'", kind: 'attribute' },
        ],
      },
    },
  },
});
