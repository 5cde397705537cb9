import { getViteConfig } from 'astro/config';

// Page templates (.astro) rendered in tests through Astro's container API, which needs Astro's Vite plugins:
// a project of its own so that the unit tests keep starting without them (see vitest.config.ts).
export default getViteConfig({
  test: { name: 'pages', include: ['tests/pages/**/*.test.ts'] },
});
