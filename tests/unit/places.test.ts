import { readFile } from 'node:fs/promises';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { englishPlace, placesOf, romanise } from '../../src/lib/core/places.ts';
import { prefectureName } from '../../src/lib/site/labels.ts';

describe('places from division codes', () => {
  it.each([
    ['130208', { province: 'Hebei', prefecture: 'Tangshan', county: 'Fengrun District' }],
    ['130635', { province: 'Hebei', prefecture: 'Baoding', county: 'Li County' }],
    ['310113', { province: 'Shanghai', prefecture: 'Shanghai', county: 'Baoshan District' }],
    ['210921', { province: 'Liaoning', prefecture: 'Fuxin', county: 'Fuxin Autonomous County' }],
    ['152900', { province: 'Inner Mongolia', prefecture: 'Alashan League' }],
    ['110000', { province: 'Beijing' }],
  ])('%s', (code, expected) => {
    const places = placesOf(code);
    expect({ province: places.province?.en, prefecture: places.prefecture?.en, county: places.county?.en }).toEqual({
      prefecture: undefined,
      county: undefined,
      ...expected,
    });
  });

  it('romanises with apostrophes where syllables would run together', () => {
    expect(romanise('西安')).toBe("Xi'an");
    expect(romanise('六安')).toBe("Lu'an");
    expect(englishPlace('鄂尔多斯市', 'prefecture')).toBe("E'erduosi");
    expect(englishPlace('高平市', 'county')).toBe('Gaoping City');
  });

  it('gives every agency of data/ an English prefecture name with no Chinese in it', async () => {
    const rows = Papa.parse<{ id: string; level: 'province' | 'prefecture' | 'county'; prefecture: string }>(
      await readFile('data/agencies.csv', 'utf8'),
      { header: true, skipEmptyLines: true },
    ).data;
    const names = rows.map((a) => prefectureName(a, 'en'));
    expect(names.filter((n) => /[\u4e00-\u9fff]/.test(n))).toEqual([]);
    expect(rows.filter((a, i) => a.level !== 'province' && a.prefecture !== '' && names[i] === '').map((a) => a.id)).toEqual([]);
  });
});
