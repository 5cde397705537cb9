/**
 * Which body a report is from (reference §11): the names the page prints — the title, 现公布/由…编制 phrases,
 * the 来源/发布机构 field, 请与…联系, the subject of the first sentence — each resolved to a place (GB/T 2260
 * division) and a kind of body (sector). A name found in data/agencies.csv gives the dataset id; any other
 * gets a proposed id `<division code>-<sector code>` that a curator must confirm.
 */
import { findDivision, NATIONAL_CODE, placePrefix, placesAt, placesMentioned, type Division } from './divisions.ts';
import { BODY_SUFFIX, GOVERNMENT_SECTOR, isGovernmentName, sectorOf, type SectorMatch } from './sectors.ts';
import { CITED_DOCUMENT, matchAgency, type AgencyRef } from './identity.ts';
import { toSimplified } from './text.ts';

export type AgencyLevel = 'national' | 'province' | 'prefecture' | 'county';

export interface AgencyIdentity {
  /** The name as the page prints it (the candidate the identity rests on), or null when none is printed. */
  printed: string | null;
  /** The agency's full current name as data/agencies.csv would hold it: 温州市瓯海区发展和改革局, 安丘市人民政府. */
  name: string | null;
  id: string | null;
  /** dataset: a row of data/agencies.csv; inferred: a dataset row found from place names only; proposed: a new id. */
  how: 'dataset' | 'inferred' | 'proposed' | null;
  division: Division | null;
  sector: SectorMatch | null;
  level: AgencyLevel | null;
  /** The printed name is the government's general office (办公室/办公厅): its own report. */
  office: boolean;
  /** The printed name is a place with no body (辽阳市2019年度…报告): a whole-jurisdiction report. */
  placeOnly: boolean;
  warnings: string[];
}

type Source = 'title' | 'announced' | 'compiled' | 'metadata' | 'contact' | 'subject' | 'banner' | 'cited' | 'url';

interface Candidate {
  name: string;
  source: Source;
}

const NAME = '[\\u4e00-\\u9fff()]{2,40}?';
const YEAR = '(?:(?:19|20)\\d{2}年度?)';
const REPORT = '(?:政府信息公开|政务公开|信息公开|政府信息|年度报告|工作报告|年报)';

/** Phrases that name the body, each with the source it counts as. Run on the page without whitespace. */
const PHRASES: readonly [RegExp, Source][] = [
  [new RegExp(`(?:现|特|特此|现予|现将|予以)?(?:向社会)?(?:公布|发布|公开)《?${YEAR}?(${NAME})${YEAR}?${REPORT}`, 'g'), 'announced'],
  // The report's first words: 「北京市重大项目建设指挥部办公室依据《条例》…编制本报告」.
  [new RegExp(`(?:^|\\n)(${NAME})(?:依据|根据|按照)《`, 'g'), 'announced'],
  // 「北京市东城区人民政府外事办公室政府信息公开工作领导小组由…」
  [new RegExp(`(?:^|[。\\n])(${NAME})(?:政府信息公开|政务公开)(?:工作)?领导小组`, 'g'), 'subject'],
  [new RegExp(`(?:现将|特编制|编制了?|汇总)《?${YEAR}?(${NAME})${YEAR}?${REPORT}`, 'g'), 'compiled'],
  [new RegExp(`由(${NAME})(?:\\(以下简称[^)]*\\))?(?:按照|根据|依据|在|综合|汇总|结合|负责|编制|编写|制作|的)`, 'g'), 'compiled'],
  [
    new RegExp(
      `(?:信息来源|文章来源|来源|发布机构|发布单位|发文机关|主办单位|标题)[::|]*(${NAME})(?=[\\s|]|发布|时间|日期|作者|浏览|点击|字号|$|${YEAR}|${REPORT})`,
      'g',
    ),
    'metadata',
  ],
  [new RegExp(`请(?:与|联系)(${NAME})联系`, 'g'), 'contact'],
  [
    new RegExp(
      `(?<!\\d)${YEAR}(?:以来)?[,,]?([\\u4e00-\\u9fff()]{2,30}?(?:局|委员会|委|厅|办|中心|分局|人民政府|政府|行政公署)(?:办公室|办公厅)?)(?![\\u4e00-\\u9fff]{0,2}(?:局|委|厅|办|政府))`,
      'g',
    ),
    'subject',
  ],
  // A place as the subject (2021年,番禺区以…): the whole jurisdiction's report.
  [
    new RegExp(
      `(?<!\\d)${YEAR}(?:以来)?[,,]?(${NAME})(?:坚持|认真|严格|深入|全面|按照|以|紧紧|紧密|紧扣|围绕|进一步|不断|持续|积极|立足|高度|始终|贯彻|在|切实|聚焦|扎实|根据|依据|共|主动|全年)`,
      'g',
    ),
    'subject',
  ],
];

/** Words that precede a name inside a phrase and are not part of it. */
const LEAD = /^(?:现将|现予|现|特此|特|将|关于|发布|公布|印发|编制|本报告由|本年度报告由|由|我|根据|按照|向社会|的|对|并|以)+/;
/**
 * The office inside a body that a contact phrase names after it (请与XX局办公室联系, 请与XX人民政府办公厅政府信息
 * 公开处联系): its general office, or a unit whose name says it handles disclosure or paperwork. 外事办公室 is a
 * body of its own and is not one of these.
 */
const SUB_UNIT =
  /^(?:办公室|办公厅|[\u4e00-\u9fff]{0,10}?(?:公开|政务|信息|综合|法规|秘书|宣传|电子)[\u4e00-\u9fff]{0,10}?(?:处|科|股|室|中心|小组|组|办))$/;

/** 请与XX局办公室联系 → XX局: the shortest leading part that is a body and is followed by one of its offices. */
function withoutSubUnit(name: string): string {
  for (let at = 2; at < name.length; at++) {
    if (BODY_SUFFIX.test(name.slice(0, at)) && SUB_UNIT.test(name.slice(at))) return name.slice(0, at);
  }
  return name;
}

function clean(raw: string, source: Source): string {
  const name = toSimplified(raw)
    .replace(/\([^)]*\)/g, '')
    .replace(/[^\u4e00-\u9fff]/g, '')
    .replace(LEAD, '')
    // 「洪山区人民政府信息公开工作年度报告」: the report words took the 政府 of 人民政府.
    .replace(/人民$/, '人民政府');
  return source === 'contact' || source === 'metadata' ? withoutSubUnit(name) : name;
}

/** The title's agency name, and names in the phrases of the first part of the page. */
function candidates(titleName: string | null, text: string, url: string | null): Candidate[] {
  const found: Candidate[] = [];
  if (titleName) found.push({ name: clean(titleName, 'title'), source: 'title' });
  // Documents the page cites (《国务院办公厅…关于…的通知》) name other bodies; only a report's own title counts.
  const head = text
    .slice(0, 4000)
    .replace(/[ \t\u3000]+/g, '')
    .replace(CITED_DOCUMENT, '《》');
  for (const [pattern, source] of PHRASES) {
    for (const m of head.matchAll(pattern)) {
      const name = clean(m[1] ?? '', source);
      if (name.length >= 2) found.push({ name, source });
    }
  }
  // A department that only says 我局 still cites its own rules: 《广州市人力资源和社会保障局政府信息公开申请办理…》.
  // Counted only when the same body is cited twice, since pages also cite their superiors.
  const cited = new Map<string, number>();
  for (const m of text.slice(0, 4000).matchAll(new RegExp(`《(${NAME})(?:办公室)?(?:关于|政府信息公开|政务公开)`, 'g'))) {
    const name = clean(m[1] ?? '', 'cited');
    if (BODY_SUFFIX.test(name) && !/^(国务院|中华人民共和国)/.test(name)) cited.set(name, (cited.get(name) ?? 0) + 1);
  }
  for (const [name, n] of cited) if (n >= 2) found.push({ name, source: 'cited' });
  // A line near the top that is only a name: the site's banner or a title printed on two lines.
  for (const line of text.split('\n').slice(0, 12)) {
    const name = line.replace(/\s+/g, '');
    if (/^[\u4e00-\u9fff()]{4,30}$/.test(name) && BODY_SUFFIX.test(name)) found.push({ name: clean(name, 'banner'), source: 'banner' });
  }
  if (url) {
    // Wiki-style copies keep the report's title in the address (newton.com.tw/wiki/<title>/…).
    let path = '';
    try {
      path = decodeURIComponent(new URL(url).pathname);
    } catch {
      path = '';
    }
    const m = new RegExp(`(${NAME})${YEAR}${REPORT}`).exec(path.replace(/[^\u4e00-\u9fff\d]/g, ''));
    if (m?.[1]) found.push({ name: clean(m[1], 'url'), source: 'url' });
  }
  return found;
}

interface Resolved {
  candidate: Candidate;
  division: Division | null;
  national: boolean;
  sector: SectorMatch | null;
  /** The body part of the name, after its places. */
  rest: string;
  /** The name starts with 市/区/县… but no place: 市信访办, 区卫生健康委. */
  placeless: boolean;
  ambiguous: boolean;
}

const NATIONAL = /^(?:中华人民共和国|国务院|国家)|^[\u4e00-\u9fff]{2,8}(?:部|总署|审计署)$/;
const LOCAL_LEAD = /^(?:省|市|区|县|州|盟|旗|自治区|自治州|本)/;

function resolve(candidate: Candidate, text: string): Resolved {
  const name = candidate.name;
  const places = placesAt(name, text, { short: true });
  const rest = name.slice(places.length);
  const national = places.length === 0 && NATIONAL.test(name) && !LOCAL_LEAD.test(name);
  const sector = sectorOf(national ? name.replace(/^(中华人民共和国|国务院)/, '') : rest);
  return {
    candidate,
    division: national ? (findDivision(NATIONAL_CODE) ?? null) : places.division,
    national,
    sector: places.length === 0 && !national && rest === name && isGovernmentName(rest) ? null : sector,
    rest,
    placeless: places.length === 0 && !national,
    ambiguous: places.candidates.length > 1 && places.division === null,
  };
}

const PRIORITY: Record<Source, number> = {
  title: 8,
  announced: 7,
  compiled: 7,
  metadata: 6,
  contact: 5,
  subject: 4,
  url: 3,
  banner: 2,
  cited: 1,
};

function quality(r: Resolved): number {
  const body = BODY_SUFFIX.test(r.candidate.name) || r.rest === '';
  return (r.division ? 20 : 0) + (r.sector ? 10 : 0) + (body ? 5 : 0) + PRIORITY[r.candidate.source];
}

const NATIONAL_DIVISION: Division = {
  code: NATIONAL_CODE,
  name: '中华人民共和国',
  level: 'national',
  province: '',
  prefecture: '',
  parent: null,
};

/** The full name as data/agencies.csv holds it; a government's office files under the government. */
function fullName(r: Resolved, division: Division): string {
  if (r.national) {
    const bare = r.candidate.name.replace(/^中华人民共和国/, '');
    return /部$/.test(bare) ? `中华人民共和国${bare}` : bare;
  }
  const body = r.sector?.key === 'government' ? (/行政公署/.test(r.rest) ? '行政公署' : '人民政府') : r.rest;
  return `${placePrefix(division)}${body}`;
}

export interface IdentifyInput {
  titleName: string | null;
  text: string;
  url: string | null;
  agencies: readonly AgencyRef[];
}

export function identifyAgency({ titleName, text, url, agencies }: IdentifyInput): AgencyIdentity {
  const warnings: string[] = [];
  // A candidate counts when it names a place, a national body, or a body with a leading 市/区/县 whose place the
  // page may give elsewhere; words like 工作 or 政府 that a phrase happened to catch are dropped.
  const found = candidates(titleName, text, url);
  const resolved = found
    .map((c) => resolve(c, text))
    .filter(
      (r) =>
        ((r.division !== null || r.ambiguous) && (r.sector !== null || r.rest === '' || BODY_SUFFIX.test(r.rest))) ||
        r.national ||
        (r.placeless && r.sector !== null && LOCAL_LEAD.test(r.candidate.name) && BODY_SUFFIX.test(r.candidate.name)),
    );
  const ranked = [...resolved].sort((a, b) => quality(b) - quality(a));
  const best = ranked[0] ?? null;

  // A name without its place (市信访办, 县乡村振兴局): the place the page names most often, of the level the
  // name's first character gives.
  let division = best?.division ?? null;
  if (best && !division && best.placeless && best.sector) {
    // 市 is a prefecture or a county-level city (义乌市商务局 prints 市商务局).
    const lead = best.candidate.name;
    const fits = (d: Division) =>
      /^(省|自治区)/.test(lead)
        ? d.level === 'province'
        : /^市/.test(lead)
          ? d.level === 'prefecture' || (d.level === 'county' && /市$/.test(d.name))
          : /^(州|盟)/.test(lead)
            ? d.level === 'prefecture'
            : d.level === 'county';
    const top = placesMentioned(text.slice(0, 6000)).find((p) => fits(p.division));
    const level = top?.division.level ?? '';
    if (top) {
      division = top.division;
      warnings.push(
        `the page prints "${best.candidate.name}" without its place; ${top.division.name} (${top.division.code}) is the ${level} it names most often — confirm`,
      );
    }
  }
  if (best?.ambiguous)
    warnings.push(`"${best.candidate.name}" names a place that exists in several cities; the page does not say which — confirm the agency`);

  const printed = best?.candidate.name ?? null;
  const sector = best?.sector ?? null;
  const placeOnly = best !== null && best.rest === '' && !best.national && division !== null;
  // The office as the report's author (title, 现公布…, 由…编制, the subject), not merely as its contact.
  const office = resolved.some(
    (r) =>
      /(办公室|办公厅)$/.test(r.rest) &&
      r.sector?.key === 'government' &&
      ['title', 'announced', 'compiled', 'subject'].includes(r.candidate.source),
  );
  const division_ = best?.national ? NATIONAL_DIVISION : division;

  // The dataset first: a printed name or alias, or a proposed id that already exists there.
  const proposedId = division_ && sector ? `${division_.code}-${sector.code}` : null;
  // Every name the page prints, resolved or not: a dataset agency may sit in a place the division table lacks.
  const names = [...new Set(found.map((c) => c.name))];
  const known = proposedId ? agencies.find((a) => a.id === proposedId) : undefined;
  // 区交通运输局 is an alias of many bureaus: only names with their place identify one.
  const byName = agencies.find((a) => names.some((n) => !LOCAL_LEAD.test(n) && (a.name_zh === n || a.aliases.includes(n))));
  const dataset = known ?? byName;
  if (dataset) {
    return {
      printed,
      name: dataset.name_zh,
      id: dataset.id,
      how: 'dataset',
      division: division_ ?? findDivision(dataset.id.slice(0, 6)) ?? null,
      sector: sector ?? sectorOf(dataset.name_zh.slice(placesAt(dataset.name_zh).length)),
      level: division_?.level ?? null,
      office,
      placeOnly,
      warnings,
    };
  }
  if (proposedId && division_ && best) {
    const name = fullName(best, division_);
    warnings.push(
      `agency not in data/agencies.csv: proposed id ${proposedId} for ${name} (division ${division_.code} ${division_.name}, sector ${sector?.key ?? ''}) — proposed, confirm`,
    );
    return {
      printed,
      name,
      id: proposedId,
      how: 'proposed',
      division: division_,
      sector,
      level: division_.level,
      office,
      placeOnly,
      warnings,
    };
  }
  // No name resolves: the older rules for transport bureaus named by place only (T20).
  const inferred = matchAgency(names, text, agencies);
  if (inferred) {
    const ref = agencies.find((a) => a.id === inferred.id);
    warnings.push(
      inferred.how === 'inferred'
        ? `agency ${inferred.id} inferred from place names in the page, not from a printed full name — confirm`
        : `agency ${inferred.id} matched by its printed short name`,
    );
    return {
      printed,
      name: ref?.name_zh ?? null,
      id: inferred.id,
      how: inferred.how === 'inferred' ? 'inferred' : 'dataset',
      division: findDivision(inferred.id.slice(0, 6)) ?? null,
      sector: { key: 'transport', code: 'jt', en: 'Transport Bureau' },
      level: findDivision(inferred.id.slice(0, 6))?.level ?? null,
      office: false,
      placeOnly: false,
      warnings,
    };
  }
  if (best && division_ && !sector) {
    const name = fullName(best, division_);
    warnings.push(
      `"${name}" is a kind of body the sector table does not know: choose its sector and id code, and add it to data/agencies.csv`,
    );
    return { printed, name, id: null, how: null, division: division_, sector: null, level: division_.level, office, placeOnly, warnings };
  }
  // Nothing resolves: report the best name the page prints, so the curator knows what to look up.
  const unresolved = printed ?? found.map((c) => c.name).find((n) => BODY_SUFFIX.test(n)) ?? null;
  warnings.push(
    unresolved === null
      ? 'no agency name found in the title, the 来源/发布机构 field or the body (现公布…, 由…编制, 请与…联系)'
      : `agency "${unresolved}" not found in data/agencies.csv, and no GB/T 2260 place and sector could be read from its name`,
  );
  return {
    printed: unresolved,
    name: unresolved,
    id: null,
    how: null,
    division: division_,
    sector,
    level: division_?.level ?? null,
    office,
    placeOnly,
    warnings,
  };
}

export { GOVERNMENT_SECTOR };
