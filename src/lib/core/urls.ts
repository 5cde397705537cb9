/**
 * Source links. The site shows a report's address beside a 政府网站 (government site) badge, so the address a
 * reader sees must be where the link goes. Browsers read a URL with the WHATWG URL parser, which reads things
 * a person does not: `https://www.beijing.gov.cn:443@evil.example/` goes to evil.example, a backslash is a
 * slash, `0x7f.1` is 127.0.0.1, a Cyrillic е looks like a Latin e. Such URLs are refused with the reason;
 * what is accepted has a plain ASCII domain name as host, and pages show that host as the parser reads it.
 */
import { BIDI_CONTROL, codePointName } from './characters.ts';

/** Split an http(s) URL as written into scheme, authority (between // and the first / ? or #) and the rest. */
const PARTS = /^(https?:)\/\/([^/?#]*)(.*)$/is;

/** A label of a domain name: letters, digits and inner hyphens, at most 63 characters. */
const LABEL = /^(?=.{1,63}$)[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
/** Top-level domains are letters (or punycode, xn--…); an all-digit last label makes the parser read an IPv4 address. */
const TOP_LABEL = /^(?:[a-z]{2,63}|xn--[a-z0-9-]{1,59})$/;

/**
 * Why `url` cannot be a source link, or null. `what` names the column in the message. The checks run in the
 * order a curator would fix them, and each names the real problem.
 */
export function urlProblem(what: string, url: string): string | null {
  const space = /\s/.exec(url);
  if (space) return `${what} contains a space or line break at character ${space.index + 1}; write a space as %20, or remove it`;
  const parts = PARTS.exec(url);
  if (!parts) return `${what} must start with http:// or https:// (leave it empty when the page is unknown)`;
  if (url.includes('\\')) {
    return `${what} contains a backslash (\\); browsers read it as /, so the link would not go where it reads. Write / (or %5C)`;
  }
  const bidi = BIDI_CONTROL.exec(url);
  if (bidi) {
    return `${what} contains the invisible direction control ${codePointName(bidi[0])}, which makes an address read differently from where it goes; remove it`;
  }
  const authority = parts[2] ?? '';
  if (authority.includes('@')) {
    return `${what} has a user name or password before @ ("${authority}"): the link goes to the host after @, not to the one it starts with. Remove everything up to @`;
  }
  const [, host = '', port] = /^(.*?)(?::([^:\]]*))?$/s.exec(authority) ?? [];
  if (host === '') return `${what} has no host; write the site's domain name after //`;
  if (/[^\x20-\x7e]/.test(host)) {
    return `${what} has a host with non-ASCII characters ("${host}"), which can imitate another site's name; write the host in ASCII (punycode, xn--…)`;
  }
  if (port !== undefined && !/^\d{1,5}$/.test(port)) return `${what} has a port that is not a number ("${authority}")`;
  const parsed = URL.canParse(url) ? new URL(url) : null;
  if (parsed && (/^\d+\.\d+\.\d+\.\d+$/.test(parsed.hostname) || parsed.hostname.startsWith('['))) {
    return `${what} has an IP address as its host ("${host}" is ${parsed.hostname}); use the site's domain name, e.g. https://www.example.gov.cn/…`;
  }
  const odd = /[^a-z0-9.-]/i.exec(host);
  if (odd) {
    return `${what} has '${odd[0]}' (${codePointName(odd[0])}) in its host "${host}"; a domain name has only letters, digits, hyphens and dots`;
  }
  const labels = host.toLowerCase().split('.');
  if (labels.length < 2) {
    return `${what} has the host "${host}", a single name without a dot (a machine on a local network); use the public domain name, e.g. www.example.gov.cn`;
  }
  if (labels.includes('')) return `${what} has an empty part in its host "${host}" (two dots in a row, or a dot at the start or end)`;
  const bad = labels.find((l, i) => !LABEL.test(l) || (i === labels.length - 1 && !TOP_LABEL.test(l)));
  if (bad !== undefined)
    return `${what} has "${bad}" in its host "${host}", which is not a valid part of a domain name (letters, digits, inner hyphens)`;
  if (!parsed) return `${what} is not a valid address; check the part after the host`;
  const hostname = parsed.hostname;
  if (hostname !== host.toLowerCase()) return `${what} has the host "${host}", which a browser reads as "${hostname}"`;
  return null;
}

/** The host a link goes to, as the browser reads it (lower case, the port only when it is not the default). */
export function sourceHost(url: string): string {
  return new URL(url).host;
}

/**
 * A source URL as the page shows it: scheme and host as the browser reads them, then the rest as written, with
 * percent-encoded Chinese (and other non-ASCII letters, digits, punctuation and symbols) shown as characters, so
 * a path like /wiki/%E4%B8%89%E4%BA%9A reads /wiki/三亚 instead of a line of hex on a phone. Only sequences
 * that the browser writes back exactly as they were are decoded, so an accepted URL still leads to the same
 * address; ASCII escapes (%20, %2F, %25) stay as written.
 */
export function shownUrl(url: string): string {
  const parsed = new URL(url);
  const rest = (PARTS.exec(url)?.[3] ?? '').replace(/(?:%[89A-F][0-9A-F])+/g, readableEscape);
  return `${parsed.protocol}//${parsed.host}${rest === '' ? '/' : rest}`;
}

const READABLE = /^[\p{L}\p{N}\p{P}\p{S}]+$/u;

function readableEscape(escaped: string): string {
  let text: string;
  try {
    text = decodeURIComponent(escaped);
  } catch {
    return escaped;
  }
  return READABLE.test(text) && !BIDI_CONTROL.test(text) && encodeURIComponent(text) === escaped ? text : escaped;
}

/** Government sites of the mainland are under gov.cn. */
export function isGovernmentHost(url: string): boolean {
  const hostname = new URL(url).hostname;
  return hostname === 'gov.cn' || hostname.endsWith('.gov.cn');
}

/**
 * What makes two source URLs the same page: the host as the browser reads it without a leading "www.", the path
 * without a trailing slash, and the query. Scheme, default port and fragment do not change the page
 * (http://www.x.gov.cn/a/ and https://x.gov.cn/a#top are one page). Only for URLs urlProblem accepted.
 */
export function samePageKey(url: string): string {
  const parsed = new URL(url);
  const host = parsed.host.replace(/^www\./, '');
  const path = parsed.pathname.replace(/\/+$/, '');
  return `${host}${path}${parsed.search}`;
}
