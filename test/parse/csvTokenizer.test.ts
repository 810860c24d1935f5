// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvTokenizer } from '../../src/parse/csvTokenizer';

type Rec = { fields: string[]; line: number };

/** Feeds the chunks to a fresh tokenizer and collects every record with its line. */
function tokenize(chunks: string[], delimiter = ','): { records: Rec[]; open: number | null } {
  const tokenizer = new CsvTokenizer(delimiter);
  const records: Rec[] = [];
  const emit = (fields: string[], line: number) => records.push({ fields, line });
  for (const chunk of chunks) tokenizer.push(chunk, emit);
  const open = tokenizer.openRecordLine;
  tokenizer.end(emit);
  return { records, open };
}

// Every construct the tokenizer must survive: quoted delimiters, doubled quotes, LF / CRLF / lone CR inside
// and outside quotes, blank lines, an empty quoted field, a quote right before a line break, no final newline.
const TRICKY =
  'id,text,n\r\n' + // line 1
  'a,"x, y",1\r\n' + // line 2
  'b,"say ""hi""",2\n' + // line 3
  '\n' + // line 4: blank
  'c,"two\r\nlines",3\n' + // lines 5-6
  'd,"lf\nand\rcr",4\r' + // lines 7-9, lone CR ends the record
  'e,"",5\r\n' + // line 10
  '\r\n' + // line 11: blank
  'f,"""",6\n' + // line 12
  'g,"end ""quoted""\r\n",7'; // lines 13-14, no trailing newline

const TRICKY_RECORDS: Rec[] = [
  { fields: ['id', 'text', 'n'], line: 1 },
  { fields: ['a', 'x, y', '1'], line: 2 },
  { fields: ['b', 'say "hi"', '2'], line: 3 },
  { fields: ['c', 'two\r\nlines', '3'], line: 5 },
  { fields: ['d', 'lf\nand\rcr', '4'], line: 7 },
  { fields: ['e', '', '5'], line: 10 },
  { fields: ['f', '"', '6'], line: 12 },
  { fields: ['g', 'end "quoted"\r\n', '7'], line: 13 },
];

describe('CsvTokenizer', () => {
  it('CsvTokenizer.push(text) reads quoted delimiters, doubled quotes and embedded LF / CRLF / CR with physical line numbers', () => {
    expect(tokenize([TRICKY]).records).toEqual(TRICKY_RECORDS);
  });

  it('CsvTokenizer.push(text) gives the same records for every split of the input into two chunks', () => {
    for (let i = 1; i < TRICKY.length; i++) {
      const { records } = tokenize([TRICKY.slice(0, i), TRICKY.slice(i)]);
      expect(records, `split at ${i}: ${JSON.stringify(TRICKY.slice(Math.max(0, i - 3), i + 3))}`).toEqual(
        TRICKY_RECORDS,
      );
    }
  });

  it('CsvTokenizer.push(text) gives the same records for every split into three chunks', () => {
    const text = TRICKY.slice(0, 60);
    const expected = tokenize([text]).records;
    for (let i = 1; i < text.length; i++) {
      for (let j = i + 1; j < text.length; j++) {
        expect(tokenize([text.slice(0, i), text.slice(i, j), text.slice(j)]).records, `splits at ${i}, ${j}`).toEqual(
          expected,
        );
      }
    }
  });

  it('CsvTokenizer.push(text) fed one character at a time, with empty chunks between, gives the same records', () => {
    const chunks = [...TRICKY].flatMap((c) => [c, '']);
    expect(tokenize(chunks).records).toEqual(TRICKY_RECORDS);
  });

  it('CsvTokenizer.push(text) ends records on CRLF, LF and lone CR alike', () => {
    const expected = [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 2 },
    ];
    expect(tokenize(['a,b\r\nc,d\r\n']).records).toEqual(expected);
    expect(tokenize(['a,b\nc,d\n']).records).toEqual(expected);
    expect(tokenize(['a,b\rc,d\r']).records).toEqual(expected);
  });

  it('CsvTokenizer.end() flushes a last record without a trailing newline', () => {
    expect(tokenize(['a,b\nc,d']).records.at(-1)).toEqual({ fields: ['c', 'd'], line: 2 });
    expect(tokenize(['a,b\nc,"d"']).records.at(-1)).toEqual({ fields: ['c', 'd'], line: 2 });
    expect(tokenize(['a,b\nc,']).records.at(-1)).toEqual({ fields: ['c', ''], line: 2 });
  });

  it('CsvTokenizer.push(text) skips blank lines but keeps their line numbers counted', () => {
    expect(tokenize(['\n\na\r\n\r\n\rb\n\n']).records).toEqual([
      { fields: ['a'], line: 3 },
      { fields: ['b'], line: 6 },
    ]);
  });

  it('CsvTokenizer.push(text) keeps a record whose only field is an empty quoted string', () => {
    expect(tokenize(['a\n""\nb\n']).records).toEqual([
      { fields: ['a'], line: 1 },
      { fields: [''], line: 2 },
      { fields: ['b'], line: 3 },
    ]);
  });

  it('CsvTokenizer.openRecordLine reports where an unterminated quote started and end() drops that record', () => {
    const { records, open } = tokenize(['id,text\n1,ok\n2,"never\nclosed\n']);
    expect(open).toBe(3);
    expect(records).toEqual([
      { fields: ['id', 'text'], line: 1 },
      { fields: ['1', 'ok'], line: 2 },
    ]);
    expect(tokenize(['a,b\n']).open).toBeNull();
  });

  it('CsvTokenizer(";") and CsvTokenizer("\\t") split on their delimiter only', () => {
    expect(tokenize(['a;"b;c";d,e\n'], ';').records[0].fields).toEqual(['a', 'b;c', 'd,e']);
    expect(tokenize(['a\t"b\tc"\td,e\n'], '\t').records[0].fields).toEqual(['a', 'b\tc', 'd,e']);
  });

  it('CsvTokenizer.push(text) keeps quotes inside an unquoted field as text', () => {
    expect(tokenize(['a,b"c"d,"e"f\n']).records[0].fields).toEqual(['a', 'b"c"d', 'ef']);
  });

  it('CsvTokenizer.push(text) leaves surrounding spaces alone (trimming is the reader’s business)', () => {
    expect(tokenize([' a , b \n']).records[0].fields).toEqual([' a ', ' b ']);
  });

  it('CsvTokenizer.push(text) reads back any written table, with any line endings and any chunking (property)', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', 'é'), maxLength: 6 });
    const table = fc
      .integer({ min: 1, max: 4 })
      .chain((width) =>
        fc.array(fc.array(field, { minLength: width, maxLength: width }), { minLength: 1, maxLength: 6 }),
      );
    const input = fc.record({
      table,
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      cuts: fc.array(fc.nat(), { maxLength: 5 }),
      finalEol: fc.boolean(),
    });
    fc.assert(
      fc.property(input, ({ table, eol, cuts, finalEol }) => {
        const quote = (f: string) => (f === '' || /[",\r\n]/.test(f) ? `"${f.replaceAll('"', '""')}"` : f);
        const lines = table.map((r) => r.map(quote).join(','));
        const text = lines.join(eol) + (finalEol ? eol : '');
        // the physical line where each record starts: 1 + line breaks before it (CRLF counts once)
        const expected: Rec[] = [];
        let line = 1;
        for (let r = 0; r < table.length; r++) {
          expected.push({ fields: table[r], line });
          line += (lines[r].match(/\r\n|\r|\n/g) ?? []).length + 1;
        }
        const positions = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...positions].map((p, i, all) => text.slice(p, all[i + 1] ?? text.length));
        expect(tokenize(chunks).records).toEqual(expected);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});
