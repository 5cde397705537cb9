/**
 * Server mode (RENDER_MODE=server, docs/scale.md): the pages there is one of per agency, and the agency's chart
 * files, are rendered when first asked for; every other page (home, directory, rankings, places…) is still
 * rendered at build time, as in the static build. A CDN in front caches what the server renders (the
 * Cache-Control header is set in src/middleware.ts).
 */
import type { AstroIntegration } from 'astro';

/** The routes rendered on demand: one page or file per agency (and chart). */
export const ON_DEMAND_ROUTES = new Set([
  'src/pages/[...lang]/agencies/[id].astro',
  'src/pages/[...lang]/agencies/[id]/figures.astro',
  'src/pages/[...lang]/embed/[agency]/[chart]/index.astro',
  'src/pages/[...lang]/embed/[agency]/[chart]/chart.svg.ts',
  'src/pages/[...lang]/embed/[agency]/[chart]/chart.png.ts',
  'src/pages/[...lang]/embed/[agency]/[chart]/data.csv.ts',
  'src/pages/[...lang]/embed/[agency]/[chart]/oembed.json.ts',
  'src/pages/downloads/agencies/[id].csv.ts',
]);

export function onDemand(): AstroIntegration {
  return {
    name: 'disclosure-on-demand',
    hooks: {
      'astro:route:setup': ({ route }) => {
        route.prerender = !ON_DEMAND_ROUTES.has(route.component);
      },
    },
  };
}
