import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normaliseText, parseNumber } from '../../src/lib/core/normalise.ts';

describe('parseNumber', () => {
  it.each([
    ['1234', 1234, 'plain digits'],
    ['  42 ', 42, 'surrounding spaces'],
    ['\u300042\u3000', 42, 'ideographic spaces'],
    ['１２３４', 1234, 'full-width digits'],
    ['1,234', 1234, 'thousands separator'],
    ['1,234,567.5', 1234567.5, 'thousands separators with decimals'],
    ['１，２３４', 1234, 'full-width comma as thousands separator'],
    ['38.441094', 38.441094, '万元 with six decimals'],
    ['+4', 4, 'signed change'],
    ['-3', -3, 'negative change (the unit decides whether that is allowed)'],
    ['-0', 0, 'negative zero becomes zero'],
    ['9007199254740991', Number.MAX_SAFE_INTEGER, 'the largest exactly stored integer'],
  ])('%j → %d (%s)', (raw, expected) => {
    expect(parseNumber(raw)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['', 'empty'],
    ['abc', 'not a number'],
    ['12条', 'unit left in'],
    ['260余', 'qualifier left in'],
    ['1,23', 'malformed grouping'],
    ['1e3', 'exponent notation'],
    ['NaN', 'NaN'],
    ['Infinity', 'infinity'],
    ['-inf', 'negative infinity'],
    ['1.2.3', 'two decimal points'],
    ['9007199254740992', 'above the largest exactly stored integer'],
    ['-9007199254740992', 'below minus the largest exactly stored integer'],
    ['9'.repeat(308), 'finite but overflows when summed'],
  ])('%j is refused (%s)', (raw) => {
    const result = parseNumber(raw);
    expect(result.ok).toBe(false);
  });

  it('names non-finite values as such', () => {
    expect(parseNumber('Infinity')).toEqual({ ok: false, reason: '"Infinity" is not a finite number' });
  });
});

describe('normaliseText', () => {
  it('trims and folds full-width forms', () => {
    expect(normaliseText('  ｇｏｖ２０２１ ')).toBe('gov2021');
  });

  it('gives what NFKC and trim give, for any text (its fast path skips only text NFKC leaves alone)', () => {
    const text = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('a', ' ', '1', '表', '三', '\u3000', '１', 'ｇ', '\u0301', '㈠', '⑴', '\uFEFF', '＂') }),
    );
    fc.assert(fc.property(text, (s) => normaliseText(s) === s.normalize('NFKC').trim()));
  });
});
