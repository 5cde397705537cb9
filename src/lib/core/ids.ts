/**
 * Agency and report ids, and what they must agree with. An agency id is `<division code>-<sector code>` with
 * an optional `-<n>` for a second body of the same kind in one place (e.g. 370300-jt, 100000-cz, 310000-xf-2);
 * a report id is `<agency id>-<year>`, or `<agency id>-<year>-system` for a whole-jurisdiction report. Ids
 * become URLs and never change, so the build checks them against the row they name.
 */
import { findDivision, NATIONAL_CODE } from './divisions.ts';
import { OTHER_CODE, SECTOR_CODES, sectorInfo, type Sector } from './sectors.ts';

/**
 * Long enough for `<6 digits>-<6 letters>-<2 digits>`; anything longer is a typo or pasted text. An id names
 * files (agencies/<id>.json, downloads/agencies/<id>.csv, …), and this keeps every such name far below the file
 * system's limit (MAX_NAME_BYTES), so no id can fail half-way through writing the output.
 */
export const MAX_AGENCY_ID = 16;
export const AGENCY_ID = /^(\d{6})-([a-z]{2,6})(?:-([1-9]\d?))?$/;

export interface AgencyIdParts {
  division: string;
  code: string;
  /** The `-<n>` suffix, when there is one. */
  n: number | null;
}

export function parseAgencyId(id: string): AgencyIdParts | null {
  const m = AGENCY_ID.exec(id);
  if (!m || id.length > MAX_AGENCY_ID) return null;
  return { division: m[1] ?? '', code: m[2] ?? '', n: m[3] ? Number(m[3]) : null };
}

/** The division code an agency id starts with. */
export const divisionOf = (agencyId: string): string => agencyId.slice(0, 6);

export interface AgencyIdentity {
  id: string;
  level: string;
  sector: Sector;
  province: string;
  prefecture: string;
}

/** What is wrong with an agency row's id, level, province and prefecture, as (column, message) pairs. */
export function agencyIdentityProblems(a: AgencyIdentity): { column: string; message: string }[] {
  const parts = parseAgencyId(a.id);
  if (!parts) {
    return [
      {
        column: 'id',
        message: `id "${a.id}" must be <6-digit division code>-<sector code>, optionally -<n> (e.g. 370300-jt, 100000-cz, 310000-xf-2), at most ${MAX_AGENCY_ID} characters`,
      },
    ];
  }
  const problems: { column: string; message: string }[] = [];
  const sector = sectorInfo(a.sector);
  if (sector.code !== null && parts.code !== sector.code) {
    problems.push({ column: 'id', message: `a ${a.sector} agency's id ends in -${sector.code}, not -${parts.code}` });
  }
  if (sector.code === null && (SECTOR_CODES.has(parts.code) || !OTHER_CODE.test(parts.code))) {
    problems.push({
      column: 'id',
      message: `-${parts.code} is the code of a listed sector; give an "other" body its own code of 2–6 letters, or use that sector`,
    });
  }
  const division = findDivision(parts.division);
  if (!division) {
    problems.push({
      column: 'id',
      message: `${parts.division} is not a current GB/T 2260 division code (a province XX0000, prefecture XXXX00 or county; national bodies use ${NATIONAL_CODE})`,
    });
    return problems;
  }
  if (division.level !== a.level) {
    problems.push({
      column: 'level',
      message: `level must be ${division.level}: ${parts.division} is ${division.name}, a ${division.level}-level division`,
    });
  }
  if (a.province !== division.province) {
    problems.push({
      column: 'province',
      message:
        division.level === 'national'
          ? 'province must be empty for a national body'
          : `province must be ${division.province} (the province of ${parts.division} ${division.name})`,
    });
  }
  if (a.prefecture !== division.prefecture) {
    problems.push({
      column: 'prefecture',
      message:
        division.prefecture === ''
          ? `prefecture must be empty for ${parts.division} ${division.name}`
          : `prefecture must be ${division.prefecture} for ${parts.division} ${division.name}`,
    });
  }
  return problems;
}

/** The id a report of this agency, year and scope must have. */
export function reportIdFor(agencyId: string, year: number, scope: string): string {
  return `${agencyId}-${year}${scope === 'system' ? '-system' : ''}`;
}
