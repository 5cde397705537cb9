/**
 * A chart that stands on its own outside the page (chart.svg, chart.png, og:image): the build-time chart SVG
 * framed with a title line above and the source line below, so a copy used in print still names its source.
 */
import { FONT_FAMILY } from './options.ts';
import type { RenderSize } from './echarts.ts';

const PAD = 16;
const TITLE_SIZE = 16;
const SOURCE_SIZE = 11;
const LINE = 1.45;

const escapeXml = (s: string) =>
  s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c] ?? c);

/** Rough text width: CJK and full-width characters take 1 em, others about 0.56 em. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.56;
  return em * fontSize;
}

/** Break text into lines that fit `width`, at spaces where possible and between CJK characters otherwise. */
export function wrapText(text: string, fontSize: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const token of text.match(/[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]|[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|\s+/g) ?? []) {
    const next = line + token;
    if (line.trim() !== '' && textWidth(next.trimEnd(), fontSize) > width) {
      lines.push(line.trimEnd());
      line = token.trimStart();
    } else {
      line = next;
    }
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

export interface PrintChart {
  svg: string;
  size: RenderSize;
}

interface PrintLayout {
  titleLines: string[];
  sourceLines: string[];
  chartTop: number;
  sourceTop: number;
  size: RenderSize;
}

function layout(size: RenderSize, title: string, source: string): PrintLayout {
  const inner = size.width - 2 * PAD;
  const titleLines = wrapText(title, TITLE_SIZE, inner);
  const sourceLines = wrapText(source, SOURCE_SIZE, inner);
  const titleHeight = titleLines.length * TITLE_SIZE * LINE;
  const chartTop = PAD + titleHeight + 8;
  const sourceTop = chartTop + size.height + 8;
  const height = Math.ceil(sourceTop + sourceLines.length * SOURCE_SIZE * LINE + PAD);
  return { titleLines, sourceLines, chartTop, sourceTop, size: { width: size.width, height } };
}

/** The size of the framed chart, without drawing it (oEmbed and og:image give the PNG's size). */
export const printSize = (size: RenderSize, title: string, source: string): RenderSize => layout(size, title, source).size;

/** Frame `chartSvg` (an SVG string from renderSvg, `size` big) with a title and a source line. */
export function printChart(chartSvg: string, size: RenderSize, title: string, source: string): PrintChart {
  const { titleLines, sourceLines, chartTop, sourceTop, size: framed } = layout(size, title, source);
  const height = framed.height;
  const text = (lines: string[], top: number, fontSize: number, extra: string) =>
    lines
      .map(
        (l, i) =>
          `<text x="${PAD}" y="${(top + (i + 1) * fontSize * LINE - fontSize * (LINE - 1)).toFixed(1)}" font-size="${fontSize}"${extra}>${escapeXml(l)}</text>`,
      )
      .join('');
  const nested = chartSvg.replace(/^<svg /, `<svg x="0" y="${chartTop.toFixed(1)}" `);
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${height}" viewBox="0 0 ${size.width} ${height}" font-family="${escapeXml(FONT_FAMILY)}">` +
    `<title>${escapeXml(title)}</title>` +
    `<rect width="100%" height="100%" fill="#ffffff"/>` +
    text(titleLines, PAD, TITLE_SIZE, ' font-weight="600" fill="#1a1a1a"') +
    nested +
    text(sourceLines, sourceTop, SOURCE_SIZE, ' fill="#4d4d4d"') +
    `</svg>`;
  return { svg, size: framed };
}
