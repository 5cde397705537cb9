/**
 * Source links: the address a page shows beside the 政府网站 badge must be the one the link goes to, as the
 * browser's (WHATWG) URL parser reads it. Deceptive URLs are refused with the real reason; what is accepted
 * shows the parser's host.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BIDI_CONTROL, forbiddenCharacterAt } from '../../src/lib/core/characters.ts';
import { isGovernmentHost, shownUrl, sourceHost, urlProblem } from '../../src/lib/core/urls.ts';
import { urlCandidate } from './url-arbitraries.ts';

const refused: [url: string, reason: RegExp][] = [
  ['https://www.beijing.gov.cn:443@evil.example/r.html', /user name or password before @/],
  ['https://evil.example\\.gov.cn/', /backslash/],
  ['http://127.0.0.1/x', /IP address as its host \("127\.0\.0\.1" is 127\.0\.0\.1\)/],
  ['http://0x7f.1/x', /IP address as its host \("0x7f\.1" is 127\.0\.0\.1\)/],
  ['http://2130706433/x', /IP address as its host \("2130706433" is 127\.0\.0\.1\)/],
  ['http://[::1]/x', /IP address as its host/],
  ['http://localhost/', /single name without a dot/],
  ['http://intranet/x', /single name without a dot/],
  ['https://www.bеijing.gov.cn/x', /non-ASCII characters .*\(punycode/],
  ['https://例子.gov.cn/', /non-ASCII characters/],
  ['https://a..gov.cn/', /empty part in its host/],
  ['https://example.gov.cn./', /empty part in its host/],
  ['https://www.beijing.gov.cn/\u202elmth.exe', /invisible direction control U\+202E/],
  ['https://www.beijing.gov.cn/a b.html', /contains a space or line break at character 29/],
  ['https://%65vil.example/', /'%' \(U\+0025\) in its host/],
  ['https://a-.gov.cn/', /"a-" in its host/],
  ['https://example.gov.cn:8o/', /port that is not a number/],
  ['ftp://example.gov.cn/', /must start with http:\/\/ or https:\/\//],
];

describe('urlProblem', () => {
  it.each(refused)('refuses %s', (url, reason) => {
    expect(urlProblem('source_url', url)).toMatch(reason);
  });

  it.each(['https://www.beijing.gov.cn/2021.html', 'http://XXGK.shbsq.gov.cn:8080/a?b=1#c', 'https://xn--fiqs8s.gov.cn/公开/2021.html'])(
    'accepts %s',
    (url) => {
      expect(urlProblem('source_url', url)).toBeNull();
    },
  );
});

describe('source URLs as shown', () => {
  it('show percent-encoded Chinese as characters, and lead to the same address', () => {
    const url = 'https://newton.com.tw/wiki/%E4%B8%89%E4%BA%9A%E5%B8%82%E4%BA%BA%E6%B0%91%E6%94%BF%E5%BA%9C';
    expect(shownUrl(url)).toBe('https://newton.com.tw/wiki/三亚市人民政府');
    expect(new URL(shownUrl(url)).href).toBe(new URL(url).href);
  });

  it('keep ASCII escapes, lower-case hex and broken sequences as written', () => {
    for (const url of [
      'https://example.gov.cn/a%20b%2Fc%25d',
      'https://example.gov.cn/wiki/%e4%b8%89',
      'https://example.gov.cn/wiki/%E4%B8',
      'https://example.gov.cn/x/%E2%80%AE',
    ]) {
      expect(shownUrl(url)).toBe(url);
    }
  });
});

describe('accepted source URLs (property)', () => {
  it('show the host the WHATWG parser resolves, and lead where they read', () => {
    fc.assert(
      fc.property(urlCandidate, (url) => {
        if (urlProblem('source_url', url) !== null) return;
        const parsed = new URL(url);
        expect(sourceHost(url)).toBe(parsed.host);
        const shown = shownUrl(url);
        expect(shown.startsWith(`${parsed.protocol}//${parsed.host}`)).toBe(true);
        expect(new URL(shown).href).toBe(parsed.href);
        expect(parsed.username + parsed.password).toBe('');
        expect(parsed.hostname).toMatch(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/);
        expect(parsed.hostname).not.toMatch(/^[\d.]+$/);
        expect(url).not.toMatch(BIDI_CONTROL);
        expect(url).not.toContain('\\');
        expect(forbiddenCharacterAt(url, false)).toBe(-1);
        expect(isGovernmentHost(url)).toBe(/(^|\.)gov\.cn$/.test(parsed.hostname));
      }),
      { numRuns: 2000 },
    );
  });

  it('every refusal names a reason, never a crash', () => {
    fc.assert(
      fc.property(urlCandidate, (url) => {
        expect(() => urlProblem('website', url)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
