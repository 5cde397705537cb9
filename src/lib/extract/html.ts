/**
 * HTML → plain lines. Table rows become one line of `|`-separated cells, the same shape as the flattened
 * tables found on re-hosted copies, so the table reader has one format to handle besides cell-per-line.
 */
import { HTMLElement, NodeType, parse, type Node } from 'node-html-parser';

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'select', 'option', 'iframe', 'svg']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'ul',
]);

export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype|html|body|div|p|table|tr|td|span|br)\b/i.test(text.slice(0, 20000));
}

const squash = (s: string) => s.replace(/[\s\u00a0]+/g, ' ').trim();

export function htmlToText(html: string): string {
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  const out: string[] = [];
  const title = root.querySelector('title');
  if (title) out.push(squash(title.text), '\n');
  walk(root, out);
  return out
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((line, i, lines) => line !== '' || lines[i - 1] !== '')
    .join('\n');
}

function walk(node: Node, out: string[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.push(node.text.replace(/[\s\u00a0]+/g, ' '));
    return;
  }
  if (!(node instanceof HTMLElement)) return;
  const tag = node.rawTagName?.toLowerCase() ?? '';
  if (SKIP.has(tag)) return;
  if (tag === 'tr') {
    const cells = node.childNodes.filter(
      (c): c is HTMLElement => c instanceof HTMLElement && ['td', 'th'].includes(c.rawTagName.toLowerCase()),
    );
    out.push('\n', cells.map((c) => squash(c.text)).join(' | '), '\n');
    return;
  }
  const block = BLOCK.has(tag);
  if (block) out.push('\n');
  for (const child of node.childNodes) walk(child, out);
  if (block) out.push('\n');
}
