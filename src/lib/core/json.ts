/** JSON with object keys sorted at every level, so the same data always gives the same bytes. */
export function stableStringify(value: unknown, indent = 0): string {
  return JSON.stringify(sortKeys(value), null, indent) + '\n';
}

/**
 * The bytes of stableStringify(value) (no indent) as a sequence of chunks: the top-level object and the arrays
 * directly inside it are streamed element by element. A national dataset's figure list is longer than the
 * longest string V8 can hold, so large files must never exist as one string.
 */
export function* stableJsonChunks(value: unknown): Generator<string> {
  yield* containerChunks(value, 0);
  yield '\n';
}

function* containerChunks(value: unknown, depth: number): Generator<string> {
  if (depth < 2 && Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ',';
      // JSON.stringify writes null for undefined array elements; keep that.
      yield JSON.stringify(sortKeys(value[i])) ?? 'null';
    }
    yield ']';
  } else if (depth < 1 && value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .sort()
      .filter((k) => record[k] !== undefined);
    yield '{';
    for (const [i, k] of keys.entries()) {
      yield `${i > 0 ? ',' : ''}${JSON.stringify(k)}:`;
      yield* containerChunks(record[k], depth + 1);
    }
    yield '}';
  } else {
    yield JSON.stringify(sortKeys(value));
  }
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
