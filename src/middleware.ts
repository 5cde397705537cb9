/**
 * Cache headers for what the server renders on demand (server mode, src/integrations/on-demand.ts): a CDN may
 * keep an agency page for a day and serve it stale while it fetches a new one; browsers recheck after five
 * minutes, so a data update shows within a day at most. Pages rendered at build time are plain files, cached by
 * the host's own rules.
 */
import { defineMiddleware } from 'astro:middleware';

export const ON_DEMAND_CACHE = 'public, max-age=300, s-maxage=86400, stale-while-revalidate=604800';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!context.isPrerendered && response.status === 200 && !response.headers.has('Cache-Control')) {
    response.headers.set('Cache-Control', ON_DEMAND_CACHE);
  }
  return response;
});
