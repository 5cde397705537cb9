/**
 * Characters a cell must not carry, and characters a message must not print as they are.
 *
 * Control characters (C0, DEL, C1) and the non-characters U+FFFE/U+FFFF are not text: XML forbids most of them,
 * so one in a name would break every SVG and PNG the site draws, and a terminal obeys them as commands
 * (ESC [2J clears the screen). Lone surrogates are half a character. Invisible characters (zero-width,
 * direction marks and overrides) are text, but an error that echoes them must show them, or
 * "110000-jt-2020\u200b" looks exactly like a valid id.
 */

/** C0 controls, DEL, C1 controls, U+FFFE, U+FFFF and lone surrogates; line feed is listed separately. */
const CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const CONTROL_OR_LINE_FEED = new RegExp(`${CONTROL.source}|\\n`);

/** Direction marks, embeddings, overrides and isolates: they reorder what a reader sees. */
export const BIDI_CONTROL = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** Characters a reader cannot see or that change how the text around them is shown. */
const INVISIBLE =
  /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]/;

/**
 * The index of the first character a cell may not hold, or -1. Line feeds are allowed only where a column
 * takes several lines (notes, definitions); CR and CRLF reach cells as line feeds already (csv.ts).
 */
export function forbiddenCharacterAt(text: string, lineBreaks: boolean): number {
  return (lineBreaks ? CONTROL : CONTROL_OR_LINE_FEED).exec(text)?.index ?? -1;
}

/** How a character is named in a message: U+001B, U+200B. */
export function codePointName(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

const SHOWN_ESCAPED = new RegExp(`${CONTROL.source}|${INVISIBLE.source}|\\n|\\r`, 'g');

/**
 * Text as a message may print it: line ends as \n and \r, every control or invisible character as \uXXXX, so a
 * message is one line, cannot drive the terminal, and shows what is really in the cell.
 */
export function showInvisible(text: string): string {
  return text.replace(SHOWN_ESCAPED, (ch) =>
    ch === '\n' ? '\\n' : ch === '\r' ? '\\r' : `\\u${(ch.charCodeAt(0) ?? 0).toString(16).padStart(4, '0')}`,
  );
}
