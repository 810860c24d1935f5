// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { tableCsv } from '../../src/render/tableCsv';
import { csvRecords as records } from '../helpers/csvRecords';

describe('tableCsv', () => {
  it('tableCsv guards formula starts (=, +, -, @) so spreadsheets do not run them', () => {
    const csv = tableCsv(
      ['cell'],
      [['=1+1'], ['+x'], ['-x'], ['@x'], ['=HYPERLINK("http://evil","x")'], ['-1+1'], ['safe']],
    );
    expect(csv).toBe(`cell\n'=1+1\n'+x\n'-x\n'@x\n"'=HYPERLINK(""http://evil"",""x"")"\n'-1+1\nsafe\n`);
    expect(
      records(csv)
        .slice(1)
        .every(([c]) => !/^[=+\-@]/.test(c)),
    ).toBe(true);
  });

  it('tableCsv quotes commas, quotes and line breaks, so every cell reads back whole', () => {
    const rows = [
      ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'],
      [null, undefined, Number.NaN, 'A>>'],
    ];
    const csv = tableCsv(['x', 'y', 'z', 'w'], rows);
    expect(csv.split('\n')[1]).toBe('"a,b","say ""hi""","two');
    expect(records(csv)).toEqual([
      ['x', 'y', 'z', 'w'],
      ['a,b', 'say "hi"', 'two\nlines', 'cr\r\nlf'],
      ['', '', '', 'A>>'],
    ]);
  });

  it('tableCsv keeps numbers, and numbers written as text, as numbers (a negative kappa keeps its sign)', () => {
    expect(
      tableCsv(
        ['k', 'n', 's'],
        [
          ['-0.050', 1234, '+3'],
          ['1e-4', -2, '.5'],
          ['-', '-0.05x', '40.0%'],
        ],
      ),
    ).toBe("k,n,s\n-0.050,1234,+3\n1e-4,-2,.5\n'-,'-0.05x,40.0%\n");
  });

  it('tableCsv guards the header too and writes a header alone for no rows', () => {
    expect(tableCsv(['=cmd', 'ok'], [])).toBe("'=cmd,ok\n");
  });
});
