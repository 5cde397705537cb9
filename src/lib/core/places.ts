/**
 * Place names in both languages, derived once from the GB/T 2260 division code that starts every agency id
 * (README, "Data format"), never typed per row: the Chinese names from the division table (divisions.ts), the
 * English ones romanised from them with `pinyin-pro` (唐山市 → Tangshan, 丰润区 → Fengrun District,
 * 蠡县 → Li County, 西安 → Xi'an). Provinces keep their customary English names (provinces.ts).
 */
import { pinyin } from 'pinyin-pro';
import { divisionPath, MUNICIPALITIES } from './divisions.ts';
import { PROVINCES } from './provinces.ts';

/** Generic suffixes, longest first, with their English forms; a prefecture-level 市 reads as the bare name. */
const SUFFIXES: [zh: string, county: string, prefecture: string][] = [
  ['自治旗', 'Autonomous Banner', 'Autonomous Banner'],
  ['自治县', 'Autonomous County', 'Autonomous County'],
  ['自治州', 'Autonomous Prefecture', 'Autonomous Prefecture'],
  ['林区', 'Forestry District', 'Forestry District'],
  ['特区', 'Special District', 'Special District'],
  ['地区', 'Prefecture', 'Prefecture'],
  ['市', 'City', ''],
  ['区', 'District', 'District'],
  ['县', 'County', 'County'],
  ['旗', 'Banner', 'Banner'],
  ['盟', 'League', 'League'],
];

/** Pinyin of a proper name, one word, capitalised, with an apostrophe where a syllable starting with a vowel would run into the one before (Xi'an). */
export function romanise(name: string): string {
  const syllables = pinyin(name, { toneType: 'none', type: 'array' }).map((s) => s.toLowerCase());
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The ethnic groups named in autonomous divisions (阜新蒙古族自治县, 湘西土家族苗族自治州). */
const ETHNIC_GROUPS =
  '蒙古|回|藏|维吾尔|苗|彝|壮|布依|朝鲜|满|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺';
const ETHNIC = new RegExp(`(?:(?:${ETHNIC_GROUPS})族)+(?=自治)`, 'g');

/** The English name of a prefecture- or county-level division from its Chinese name: 丰润区 → Fengrun District. */
export function englishPlace(nameZh: string, level: 'prefecture' | 'county'): string {
  // Ethnic groups in autonomous names are left out: 阜新蒙古族自治县 → Fuxin Autonomous County.
  const name = nameZh.replace(ETHNIC, '');
  const suffix = SUFFIXES.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (!suffix) return romanise(name);
  const english = level === 'county' ? suffix[1] : suffix[2];
  const base = romanise(name.slice(0, -suffix[0].length));
  return english ? `${base} ${english}` : base;
}

export interface Place {
  zh: string;
  en: string;
}

/**
 * The province, prefecture and county of a six-digit division code, each in both languages (the table is
 * divisions.ts); a level the code does not have (a province's own code, a county-level unit directly under its
 * province) is left out. A district of 北京/天津/上海/重庆 has the municipality as its prefecture.
 */
export function placesOf(code: string): { province?: Place; prefecture?: Place; county?: Place } {
  const path = divisionPath(code);
  const at = (level: string) => path.find((d) => d.level === level);
  const provinceRow = PROVINCES.find((p) => p.code === code.slice(0, 2));
  const province = at('province') && provinceRow ? { zh: provinceRow.zh, en: provinceRow.en } : undefined;
  const prefectureDivision = at('prefecture');
  const county = at('county');
  const prefecture = prefectureDivision
    ? { zh: prefectureDivision.name, en: englishPlace(prefectureDivision.name, 'prefecture') }
    : county && province && MUNICIPALITIES.has(code.slice(0, 2))
      ? province
      : undefined;
  return {
    ...(province ? { province } : {}),
    ...(prefecture ? { prefecture } : {}),
    ...(county ? { county: { zh: county.name, en: englishPlace(county.name, 'county') } } : {}),
  };
}

/** The division code an agency id starts with ("130208-jt" → "130208"). */
export const divisionCode = (agencyId: string): string => agencyId.slice(0, 6);
