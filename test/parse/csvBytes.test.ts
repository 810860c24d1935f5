// @vitest-environment node
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CsvByteTokenizer, recordFields, type ByteRecords } from '../../src/parse/csvBytes';

type Rec = { fields: string[]; line: number };

const utf8 = new TextEncoder();

/** The records of a batch as text. */
function recordsOf(batch: ByteRecords | null): Rec[] {
  if (!batch) return [];
  const out: Rec[] = [];
  for (let k = 0; k < batch.count; k++) out.push({ fields: recordFields(batch, k), line: batch.line[k] });
  return out;
}

/** Feeds the chunks (text, or bytes cut anywhere) to a tokenizer that reads at every chunk, and collects every record. */
function tokenize(chunks: (string | Uint8Array)[], delimiter = ','): { records: Rec[]; open: number | null } {
  const tokenizer = new CsvByteTokenizer(delimiter, 1);
  const records: Rec[] = [];
  for (const chunk of chunks)
    records.push(...recordsOf(tokenizer.push(typeof chunk === 'string' ? utf8.encode(chunk) : chunk)));
  records.push(...recordsOf(tokenizer.end()));
  return { records, open: tokenizer.openRecordLine };
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

describe('CsvByteTokenizer', () => {
  it('CsvByteTokenizer.push(bytes) reads quoted delimiters, doubled quotes and embedded LF / CRLF / CR with physical line numbers', () => {
    expect(tokenize([TRICKY]).records).toEqual(TRICKY_RECORDS);
  });

  it('CsvByteTokenizer.push(bytes) gives the same records for every split of the input into two chunks', () => {
    for (let i = 1; i < TRICKY.length; i++) {
      const { records } = tokenize([TRICKY.slice(0, i), TRICKY.slice(i)]);
      expect(records, `split at ${i}: ${JSON.stringify(TRICKY.slice(Math.max(0, i - 3), i + 3))}`).toEqual(
        TRICKY_RECORDS,
      );
    }
  });

  it('CsvByteTokenizer.push(bytes) gives the same records for every split into three chunks', () => {
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

  it('CsvByteTokenizer.push(bytes) fed one character at a time, with empty chunks between, gives the same records', () => {
    const chunks = [...TRICKY].flatMap((c) => [c, '']);
    expect(tokenize(chunks).records).toEqual(TRICKY_RECORDS);
  });

  it('CsvByteTokenizer.push(bytes) ends records on CRLF, LF and lone CR alike', () => {
    const expected = [
      { fields: ['a', 'b'], line: 1 },
      { fields: ['c', 'd'], line: 2 },
    ];
    expect(tokenize(['a,b\r\nc,d\r\n']).records).toEqual(expected);
    expect(tokenize(['a,b\nc,d\n']).records).toEqual(expected);
    expect(tokenize(['a,b\rc,d\r']).records).toEqual(expected);
  });

  it('CsvByteTokenizer.end() flushes a last record without a trailing newline', () => {
    expect(tokenize(['a,b\nc,d']).records.at(-1)).toEqual({ fields: ['c', 'd'], line: 2 });
    expect(tokenize(['a,b\nc,"d"']).records.at(-1)).toEqual({ fields: ['c', 'd'], line: 2 });
    expect(tokenize(['a,b\nc,']).records.at(-1)).toEqual({ fields: ['c', ''], line: 2 });
  });

  it('CsvByteTokenizer.push(bytes) skips blank lines but keeps their line numbers counted', () => {
    expect(tokenize(['\n\na\r\n\r\n\rb\n\n']).records).toEqual([
      { fields: ['a'], line: 3 },
      { fields: ['b'], line: 6 },
    ]);
  });

  it('CsvByteTokenizer.push(bytes) keeps a record whose only field is an empty quoted string', () => {
    expect(tokenize(['a\n""\nb\n']).records).toEqual([
      { fields: ['a'], line: 1 },
      { fields: [''], line: 2 },
      { fields: ['b'], line: 3 },
    ]);
  });

  it('CsvByteTokenizer.openRecordLine reports where an unterminated quote started and end() drops that record', () => {
    const { records, open } = tokenize(['id,text\n1,ok\n2,"never\nclosed\n']);
    expect(open).toBe(3);
    expect(records).toEqual([
      { fields: ['id', 'text'], line: 1 },
      { fields: ['1', 'ok'], line: 2 },
    ]);
    expect(tokenize(['a,b\n']).open).toBeNull();
  });

  it('CsvByteTokenizer(";") and CsvByteTokenizer("\\t") split on their delimiter only', () => {
    expect(tokenize(['a;"b;c";d,e\n'], ';').records[0].fields).toEqual(['a', 'b;c', 'd,e']);
    expect(tokenize(['a\t"b\tc"\td,e\n'], '\t').records[0].fields).toEqual(['a', 'b\tc', 'd,e']);
  });

  it('CsvByteTokenizer.push(bytes) keeps quotes inside an unquoted field as text', () => {
    expect(tokenize(['a,b"c"d,"e"f\n']).records[0].fields).toEqual(['a', 'b"c"d', 'ef']);
  });

  it('CsvByteTokenizer.push(bytes) leaves surrounding spaces alone (trimming is the reader’s business)', () => {
    expect(tokenize([' a , b \n']).records[0].fields).toEqual([' a ', ' b ']);
  });

  it('CsvByteTokenizer.push(bytes) reads back any written table, with any line endings and any chunking (property)', () => {
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
        // cut the bytes anywhere, inside a character's UTF-8 sequence too
        const bytes = utf8.encode(text);
        const positions = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
        const chunks = [0, ...positions].map((p, i, all) => bytes.subarray(p, all[i + 1] ?? bytes.length));
        expect(tokenize(chunks).records).toEqual(expected);
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

describe('CsvByteTokenizer batches', () => {
  it('CsvByteTokenizer.push gathers a megabyte before reading, and a record longer than that is read whole', () => {
    const tokenizer = new CsvByteTokenizer(',');
    expect(tokenizer.push(utf8.encode('id,text\n1,short\n'))).toBeNull();
    const long = 'x'.repeat(3 << 20);
    const chunks = [
      utf8.encode(`2,"${long.slice(0, 1 << 20)}`),
      utf8.encode(long.slice(1 << 20)),
      utf8.encode('"\n3,end\n'),
    ];
    const records = chunks.flatMap((c) => recordsOf(tokenizer.push(c)));
    records.push(...recordsOf(tokenizer.end()));
    expect(records.map((r) => [r.fields[0], r.fields[1].length, r.line])).toEqual([
      ['id', 4, 1],
      ['1', 5, 2],
      ['2', 3 << 20, 3],
      ['3', 3, 4],
    ]);
  });

  it('CsvByteTokenizer drops a byte-order mark before the first record only', () => {
    const bom = [0xef, 0xbb, 0xbf];
    const bytes = new Uint8Array([...bom, ...utf8.encode('id\n'), ...bom, ...utf8.encode('x\n')]);
    expect(tokenize([bytes]).records.map((r) => r.fields[0])).toEqual(['id', '\ufeffx']);
  });
});

describe('CsvByteTokenizer records', () => {
  it('CsvByteTokenizer keeps the line of every record of a batch that grows its arrays several times', () => {
    // regression: the line array grew out of step with the field index and lost lines past its second growth
    const text = Array.from({ length: 5000 }, (_, i) => `r${i},x`).join('\n');
    const { records } = tokenize([text]);
    expect(records.map((r) => r.line)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(records.at(-1)!.fields).toEqual(['r4999', 'x']);
  });
});
