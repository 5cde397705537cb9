/**
 * Places in agency names, resolved to GB/T 2260 divisions (the table of src/lib/core/divisions.ts), so that an
 * agency not yet in data/agencies.csv gets a proposed id `<code>-<sector>`: the names, short names and
 * mentions of places the extractor reads, on top of core's table.
 */
import { allDivisions, findDivision, type Division } from '../core/divisions.ts';

export { findDivision, NATIONAL_CODE, type Division } from '../core/divisions.ts';

/** County names too generic to start an agency name on their own (城区, 郊区 …): only read after their city. */
const CHILD_ONLY = new Set(['城区', '矿区', '郊区', '东区', '西区', '新区']);

const SUFFIX = /(维吾尔自治区|壮族自治区|回族自治区|自治区|特别行政区|省|市|自治州|地区|盟|(?<=.{2})(?:自治县|自治旗|县|区|旗))$/;

/** A place's usual short form: 广西壮族自治区 → 广西, 杭州市 → 杭州, 余杭区 → 余杭; null when too short to be safe. */
export function shortName(name: string): string | null {
  const short = name.replace(/(蒙古族|回族|藏族|[^族]{1,6}族)+(自治县|自治旗|自治州)$/, '').replace(SUFFIX, '');
  return short.length >= 2 && short !== name ? short : null;
}

interface Table {
  byName: Map<string, Division[]>;
  byShort: Map<string, Division[]>;
  longest: number;
}

function buildTable(): Table {
  // The country is not a place an agency name starts with; national bodies are read apart.
  const places = allDivisions().filter((d) => d.level !== 'national');
  const byName = new Map<string, Division[]>();
  const byShort = new Map<string, Division[]>();
  const push = (map: Map<string, Division[]>, key: string, d: Division) => map.set(key, [...(map.get(key) ?? []), d]);
  for (const d of places) {
    push(byName, d.name, d);
    // 岳阳市屈原管理区 is also written without its city.
    const parent = d.parent ? findDivision(d.parent) : undefined;
    if (parent && d.name.startsWith(parent.name) && d.name.length - parent.name.length >= 3)
      push(byName, d.name.slice(parent.name.length), d);
    const short = shortName(d.name);
    if (short) push(byShort, short, d);
  }
  const longest = Math.max(...[...byName.keys()].map((k) => k.length));
  return { byName, byShort, longest };
}

let table: Table | undefined;
const tables = () => (table ??= buildTable());

export function divisionsNamed(name: string): Division[] {
  return tables().byName.get(name) ?? [];
}

/** True when `d` is `ancestor` or lies inside it. */
export function isWithin(d: Division, ancestor: Division): boolean {
  for (let at: Division | undefined = d; at; at = at.parent ? findDivision(at.parent) : undefined)
    if (at.code === ancestor.code) return true;
  return false;
}

/** How the place would be written at the start of an agency's full name: 杭州市余杭区, 重庆市梁平区, 安丘市, 广州市. */
export function placePrefix(d: Division): string {
  if (d.level !== 'county') return d.name;
  const parent = d.parent ? findDivision(d.parent) : undefined;
  // Districts carry their city (杭州市余杭区, 北京市通州区); counties and county-level cities stand alone.
  return /区$/.test(d.name) && parent && parent.level !== 'county' ? `${parent.name}${d.name}` : d.name;
}

export interface PlaceMatch {
  /** The most specific place named, or null when the name is ambiguous and the context does not decide. */
  division: Division | null;
  /** All places it could be (more than one when ambiguous). */
  candidates: Division[];
  /** Characters of the name the places take up. */
  length: number;
}

/**
 * The places an agency name starts with, most specific last: 杭州市余杭区商务局 → 余杭区 (330110). A place the
 * name does not pin down (鼓楼区: four cities have one) is decided by `context`, the page text: the candidate
 * whose city or province the page names. With `short`, a leading short form is read too (辽宁2015年… → 辽宁省).
 */
export function placesAt(name: string, context = '', options: { short?: boolean } = {}): PlaceMatch {
  const { byName, byShort, longest } = tables();
  let at = 0;
  let current: Division[] = [];
  for (;;) {
    let found: Division[] = [];
    let size = 0;
    for (let n = Math.min(longest, name.length - at); n >= 2; n--) {
      const piece = name.slice(at, at + n);
      if (current.length === 0 && CHILD_ONLY.has(piece)) continue;
      const named = byName.get(piece) ?? (options.short && at === 0 ? (byShort.get(piece) ?? []) : []);
      const inside = current.length === 0 ? named : named.filter((d) => current.some((c) => isWithin(d, c) && d.code !== c.code));
      if (inside.length > 0) {
        found = inside;
        size = n;
        break;
      }
    }
    if (found.length === 0) break;
    current = found;
    at += size;
  }
  if (current.length <= 1) return { division: current[0] ?? null, candidates: current, length: at };
  const mentioned = current.filter((d) => {
    const parent = d.parent ? findDivision(d.parent) : undefined;
    if (!parent) return false;
    const short = shortName(parent.name);
    return context.includes(parent.name) || (short !== null && context.includes(short));
  });
  return { division: mentioned.length === 1 ? (mentioned[0] ?? null) : null, candidates: current, length: at };
}

/**
 * Places the page names anywhere, most mentioned first: used when the agency's own name has no place
 * (「县乡村振兴局」 on a page about 青川县). One pass over the text, looking up the names that start at each
 * character, so the cost grows with the page, not with the 3,000 places.
 */
export function placesMentioned(text: string): { division: Division; count: number }[] {
  const { byName, byShort, longest } = tables();
  const counts = new Map<Division, number>();
  for (let at = 0; at < text.length; at++) {
    for (let n = Math.min(longest, text.length - at); n >= 2; n--) {
      const piece = text.slice(at, at + n);
      // Full names of three characters or more; short forms (十堰 for 十堰市) only for cities and provinces,
      // whose short forms are distinctive enough.
      const named =
        (n >= 3 ? byName.get(piece) : undefined) ?? byShort.get(piece)?.filter((d) => d.level === 'prefecture' || d.level === 'province');
      if (!named || named.length === 0) continue;
      for (const d of named) counts.set(d, (counts.get(d) ?? 0) + 1);
      at += n - 1;
      break;
    }
  }
  return [...counts]
    .map(([division, count]) => ({ division, count }))
    .sort((a, b) => b.count - a.count || a.division.code.localeCompare(b.division.code));
}
