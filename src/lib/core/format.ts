/**
 * Number display. Approximate figures always show their qualifier, in the reader's language: 260+ / 260余,
 * ≈196.4万 / ≈1,964,000, nearly 50 / 近50. Missing figures are never formatted as 0; callers show a dash.
 */
import type { Qualifier, Unit } from './schema.ts';

export type Lang = 'zh' | 'en';

const numberFormats = {
  zh: new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 6 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 }),
};

export function formatNumber(value: number, lang: Lang): string {
  return numberFormats[lang].format(value);
}

export function formatValue(value: number, qualifier: Qualifier, lang: Lang): string {
  const n = formatNumber(value, lang);
  if (lang === 'zh') {
    return { exact: n, at_least: `${n}余`, about: `约${n}`, nearly: `近${n}` }[qualifier];
  }
  return { exact: n, at_least: `${n}+`, about: `≈${n}`, nearly: `nearly ${n}` }[qualifier];
}

/** Short unit suffix for tables and cards. */
export function unitLabel(unit: Unit, lang: Lang): string {
  const labels: Record<Unit, { zh: string; en: string }> = {
    count: { zh: '', en: '' },
    count_change: { zh: '', en: '' },
    percent: { zh: '%', en: '%' },
    yuan: { zh: '元', en: 'yuan' },
    wan_yuan: { zh: '万元', en: '×10,000 yuan' },
    amount_unknown_unit: { zh: '（单位未注明）', en: '(unit not stated)' },
  };
  return labels[unit][lang];
}

export function formatChange(change: number, lang: Lang): string {
  const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
  return `${sign}${formatNumber(Math.abs(change), lang)}`;
}

export function formatPercent(ratio: number, lang: Lang): string {
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { style: 'percent', maximumFractionDigits: 0 }).format(ratio);
}

/** A YYYY-MM-DD date in the reader's language: 2023年1月20日 / 20 January 2023 (UTC, so the day never shifts). */
export function formatDate(isoDate: string, lang: Lang): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}
