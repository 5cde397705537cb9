import { describe, expect, it } from 'vitest';
import { readCorrectionsUrl } from '../../src/lib/core/project.ts';

describe('readCorrectionsUrl', () => {
  it('is unset unless the deployment sets it', () => {
    expect(readCorrectionsUrl({})).toBeNull();
  });
  it.each(['https://example.org/issues', 'mailto:corrections@example.org'])('accepts %s', (url) => {
    expect(readCorrectionsUrl({ CORRECTIONS_URL: url })).toBe(url);
  });
  it.each([
    ['example.org', 'is not a URL'],
    ['javascript:alert(1)', 'must start with'],
  ])('rejects %s', (url, message) => {
    expect(() => readCorrectionsUrl({ CORRECTIONS_URL: url })).toThrow(message);
  });
});
