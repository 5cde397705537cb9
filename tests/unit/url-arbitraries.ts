/**
 * Candidate source URLs for property tests: well-formed links mixed with every trick that makes an address
 * read differently from where it goes (user info, backslashes, IP hosts in other notations, look-alike and
 * internationalised hosts, empty labels, direction controls, odd ports and cases).
 */
import fc from 'fast-check';

const label = fc.stringMatching(/^[a-z0-9](?:[a-z0-9-]{0,8}[a-z0-9])?$/);
const topLevel = fc.constantFrom('cn', 'com', 'org', 'gov.cn', 'example', 'xn--fiqs8s', 'gov.cn.', 'cn.', '123', 'Gov.CN');

const TRICKY_HOSTS = [
  '127.0.0.1',
  '0x7f.1',
  '0177.0.0.1',
  '2130706433',
  '1.2.3',
  '[::1]',
  '[::ffff:127.0.0.1]',
  'localhost',
  'intranet',
  'a..gov.cn',
  '.gov.cn',
  'www.bеijing.gov.cn',
  '例子.gov.cn',
  'ｅｘａｍｐｌｅ.gov.cn',
  'WWW.EXAMPLE.GOV.CN',
  'xn--fiqs8s.gov.cn',
  'xn--80ak6aa92e.com',
  'evil.example\\.gov.cn',
  '%65vil.example',
  'a-.gov.cn',
  '-a.gov.cn',
  'a_b.gov.cn',
  'example.gov.cn:443',
  'example.gov.cn:8080',
  'example.gov.cn:',
  'example.gov.cn:99999',
  'example.gov.cn:0x50',
  'example.gov.cn\u200b',
  'gov.cn',
];

const host = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.array(label, { minLength: 1, maxLength: 3 }), topLevel).map(([ls, top]) => [...ls, top].join('.')) },
  { weight: 3, arbitrary: fc.constantFrom(...TRICKY_HOSTS) },
  {
    weight: 1,
    arbitrary: fc.string({
      maxLength: 16,
      unit: fc.constantFrom('a', 'b', '1', '.', '-', '@', ':', '%', '[', ']', '\\', '/', 'е', '\u202e'),
    }),
  },
);

const PATHS = [
  '',
  '/',
  '/2021.html',
  '/a b',
  '/\u202elmth.exe',
  '/公开/2021.html',
  '/%2e%2e/x',
  `?q='"><script>`,
  '#frag',
  '\\evil',
  '/a\tb',
  '/./../x',
];
const path = fc.oneof(
  fc.constantFrom(...PATHS),
  fc.webPath(),
  fc.webSegment().map((s) => `/${s}?${s}#${s}`),
);

/** Text a curator or an attacker might put in a source_url or website cell. */
export const urlCandidate: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: fc.webUrl({ withQueryParameters: true, withFragments: true }) },
  {
    weight: 5,
    arbitrary: fc
      .tuple(
        fc.constantFrom('http://', 'https://', 'HTTPS://', 'hTtP://', '//', 'ftp://', 'javascript:', 'https:', 'http:\\\\', 'https:/'),
        fc.constantFrom('', '', '', 'user@', 'www.beijing.gov.cn:443@', 'a:b@', '@'),
        host,
        path,
      )
      .map((parts) => parts.join('')),
  },
);
