import { describe, expect, it } from 'vitest';
import { stableJsonChunks, stableStringify } from '../../src/lib/core/json.ts';

describe('stableJsonChunks', () => {
  it.each([
    [{ b: [3, { z: 1, a: 2 }], a: 'x', c: { y: [1], x: null } }, 'nested objects and arrays'],
    [{ list: [], empty: {}, skipped: undefined }, 'empty containers and undefined keys'],
    [[{ b: 1, a: 2 }, 'x', null], 'a top-level array'],
    ['plain', 'a scalar'],
  ] as [unknown, string][])('gives the same bytes as stableStringify: %j (%s)', (value) => {
    expect([...stableJsonChunks(value)].join('')).toBe(stableStringify(value));
  });
});
