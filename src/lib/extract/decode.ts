/**
 * Decoding a saved report page (reference §10 step 1). Chinese government sites still serve GBK/GB2312, and
 * saved copies lose the HTTP header, so the order is: byte-order mark, then a charset the page declares, then
 * strict UTF-8, then GB18030 (a superset of GBK and GB2312).
 */

export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; reason: string };

const GB_LABELS = /^(?:gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i;

function declaredCharset(bytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const match = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return match?.[1]?.toLowerCase() ?? null;
}

function strict(encoding: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function decodeBytes(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'the file is empty' };
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(strict('utf-8', bytes.subarray(3)), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(strict('utf-16le', bytes.subarray(2)), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(strict('utf-16be', bytes.subarray(2)), 'utf-16be');

  const declared = declaredCharset(bytes);
  const order = declared !== null && GB_LABELS.test(declared) ? ['gb18030', 'utf-8'] : ['utf-8', 'gb18030'];
  for (const encoding of order) {
    const text = strict(encoding, bytes);
    if (text !== null) return finish(text, encoding);
  }
  return { ok: false, reason: 'the bytes are neither valid UTF-8 nor valid GBK/GB18030' };
}

function finish(text: string | null, encoding: string): Decoded {
  if (text === null) return { ok: false, reason: `the byte-order mark says ${encoding} but the bytes are not valid ${encoding}` };
  // NUL characters mean a binary file (PDF, image, Word) that happened to decode.
  if (text.includes('\u0000'))
    return { ok: false, reason: 'the file is binary (PDF, image or office document?), not an HTML or text page' };
  return { ok: true, text, encoding };
}
