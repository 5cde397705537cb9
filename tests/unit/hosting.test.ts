import { describe, expect, it } from 'vitest';
import { readHosting } from '../../src/lib/core/hosting.ts';

describe('readHosting', () => {
  it('defaults to the local preview server at the root', () => {
    expect(readHosting({})).toEqual({ siteUrl: 'http://localhost:4321', basePath: '/' });
  });
  it.each([
    [
      { SITE_URL: 'https://data.example.org/', BASE_PATH: '/dash' },
      { siteUrl: 'https://data.example.org', basePath: '/dash/' },
    ],
    [
      { SITE_URL: 'https://data.example.org', BASE_PATH: '/a/b/' },
      { siteUrl: 'https://data.example.org', basePath: '/a/b/' },
    ],
  ])('normalises %j', (env, expected) => {
    expect(readHosting(env)).toEqual(expected);
  });
  it.each([
    [{ SITE_URL: 'data.example.org' }, 'is not a URL'],
    [{ SITE_URL: 'ftp://data.example.org' }, 'must start with https:// or http://'],
    [{ SITE_URL: 'https://data.example.org/dash/' }, 'put the path in BASE_PATH'],
    [{ BASE_PATH: 'dash' }, 'must be a path such as /dashboard/'],
    [{ BASE_PATH: '/a b/' }, 'must be a path such as /dashboard/'],
  ])('rejects %j with a message saying what to do', (env, message) => {
    expect(() => readHosting(env)).toThrow(message);
  });
});
