/**
 * Text normalisation for report pages (reference §10, step 2–3). Everything downstream matches on the output,
 * so the order is fixed: fold full-width forms (NFKC), drop pinyin glosses, convert traditional script.
 */
import { Converter } from 'opencc-js/t2cn';

/** Traditional → simplified script (OpenCC). */
export const toSimplified = Converter({ from: 't', to: 'cn' });

// A gloss is lower-case pinyin, possibly tone-marked, in brackets right after a Han character: 公(gōng)开.
// Requiring the Han character keeps ordinary bracketed Latin text such as "(APP)" or "(http…)" intact.
const PINYIN_GLOSS = /(?<=\p{Script=Han})\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)/gu;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff]/g;

export interface NormalisedText {
  text: string;
  /** Number of pinyin glosses removed. */
  glosses: number;
  /** Characters changed by the traditional → simplified conversion. */
  converted: number;
}

export function normaliseReportText(raw: string): NormalisedText {
  const folded = raw.normalize('NFKC').replace(INVISIBLE, '').replace(/\r\n?/g, '\n');
  let glosses = 0;
  const plain = folded.replace(PINYIN_GLOSS, () => {
    glosses++;
    return '';
  });
  const text = toSimplified(plain);
  let converted = 0;
  for (let i = 0; i < text.length; i++) if (text[i] !== plain[i]) converted++;
  return { text, glosses, converted };
}

/** A table label reduced for matching: no whitespace, no quotes (labels wrap and quote inconsistently). */
export function labelKey(cell: string): string {
  return cell.replace(/[\s"'“”‘’「」『』]/g, '');
}

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[、.])/;

/** A label without its leading outline number: 「(三)不予公开」 → 「不予公开」, 「1.重复申请」 → 「重复申请」. */
export function stripNumbering(label: string): string {
  let s = labelKey(label);
  while (NUMBERING.test(s)) s = s.replace(NUMBERING, '');
  return s;
}

/** A table cell that holds one number (signed for the 2019 本年增/减 column: +4, -3, 增15, 减4), else null. */
export function cellNumber(cell: string): number | null {
  const s = cell
    .replace(/\s/g, '')
    .replace(/(\d),(?=\d{3}(?!\d))/g, '$1')
    .replace(/^增(?=\d)/, '+')
    .replace(/^减(?=\d)/, '-');
  return /^[+-]?\d+(?:\.\d+)?$/.test(s) ? Number(s) : null;
}

/** Cells printed empty or as a dash: no value, never zero (trap T10 d). */
export function isBlankCell(cell: string): boolean {
  return /^[\s\-—–/\\]*$/.test(cell);
}
