import { describe, expect, it } from 'vitest';
import { formatChange, formatDate, formatValue } from '../../src/lib/core/format.ts';
import { stableStringify } from '../../src/lib/core/json.ts';

describe('formatValue', () => {
  it.each([
    [260, 'at_least', 'zh', '260余'],
    [260, 'at_least', 'en', '260+'],
    [1964000, 'about', 'en', '≈1,964,000'],
    [1964000, 'about', 'zh', '约1,964,000'],
    [50, 'nearly', 'zh', '近50'],
    [50, 'nearly', 'en', 'nearly 50'],
    [0, 'exact', 'en', '0'],
    [38.441094, 'exact', 'en', '38.441094'],
  ] as const)('%d %s %s → %s', (value, qualifier, lang, expected) => {
    expect(formatValue(value, qualifier, lang)).toBe(expected);
  });
});

describe('formatChange', () => {
  it('signs the change', () => {
    expect(formatChange(20, 'en')).toBe('+20');
    expect(formatChange(-3, 'en')).toBe('−3');
    expect(formatChange(0, 'en')).toBe('±0');
  });
});

describe('stableStringify', () => {
  it('sorts object keys at every level', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: 3 } })).toBe('{"a":{"c":3,"d":[{"y":2,"z":1}]},"b":1}\n');
  });
});

describe('formatDate', () => {
  it.each([
    ['2023-01-20', 'zh', '2023年1月20日'],
    ['2023-01-20', 'en', '20 January 2023'],
    ['not a date', 'en', 'not a date'],
  ] as const)('%s (%s) → %s', (iso, lang, expected) => {
    expect(formatDate(iso, lang)).toBe(expected);
  });
});
