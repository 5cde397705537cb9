import { describe, expect, it } from 'vitest';
import { downloadFiles } from '../../src/lib/pipeline/downloads.ts';
import { appendLine, build, FIGURES } from './fixtures.ts';

const text = (content: string | Iterable<string>) => (typeof content === 'string' ? content : [...content].join(''));

describe('CSV downloads', () => {
  it('defuse spreadsheet formulas in text cells, and leave negative numbers alone', () => {
    const figures = appendLine(
      appendLine(FIGURES, '511100-jt-2022,requests.handled,4,exact,=1+2,@SUM(A1)'),
      '511100-jt-2022,proactive2019.art20_5.licensing.items_change,-3,exact,+x,-y',
    );
    const files = new Map(downloadFiles(build({ figures }).dataset));
    const csv = text(files.get('figures.csv') ?? '');
    expect(csv).toContain(`,4,exact,no,"'=1+2","'@SUM(A1)",`);
    expect(csv).toContain(`,-3,exact,no,"'+x","'-y",`);
  });
});
