/**
 * Server mode renders the per-agency pages on demand, reading the agency, language and chart from the URL
 * (src/lib/site/route-params.ts): a URL that names no agency, chart or language is a 404, not a page.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceOutputFolder } from '../../src/lib/pipeline/output-folder.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { agencyRoute, embedRoute, notFound } from '../../src/lib/site/route-params.ts';
import { build } from './fixtures.ts';

describe('per-agency routes read from the URL', () => {
  const before = process.env.GENERATED_DIR;
  beforeAll(async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'routes-')), 'generated');
    await replaceOutputFolder(dir, generatedFiles(build().dataset));
    process.env.GENERATED_DIR = dir;
  });
  afterAll(() => {
    process.env.GENERATED_DIR = before;
  });

  it('uses the props a static build gives', () => {
    expect(agencyRoute({ lang: 'en', id: 'anything' }, {})).toEqual({ lang: 'en', id: 'anything' });
  });

  it.each([
    [{ id: '511100-jt' }, { lang: 'zh', id: '511100-jt' }],
    [
      { lang: 'en', id: '511100-jt' },
      { lang: 'en', id: '511100-jt' },
    ],
    [{ id: 'no-such-agency' }, null],
    [{ lang: 'fr', id: '511100-jt' }, null],
    [{ lang: 'zh', id: '511100-jt' }, null],
  ])('agency page %o', (params, expected) => {
    expect(agencyRoute({}, params)).toEqual(expected);
  });

  it.each([
    [
      { agency: '511100-jt', chart: 'proactive' },
      { lang: 'zh', agencyId: '511100-jt', chart: 'proactive' },
    ],
    [{ lang: 'en', agency: '511100-jt', chart: 'no-such-chart' }, null],
    [{ agency: 'no-such-agency', chart: 'proactive' }, null],
  ])('embed %o', (params, expected) => {
    expect(embedRoute({}, params)).toEqual(expected);
  });

  it('answers 404 when there is no such page', async () => {
    const response = notFound();
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not found');
  });
});
