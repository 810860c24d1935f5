import { CsvByteTokenizer, recordFields, type ByteRecords } from '../../src/parse/csvBytes';

/** The records of a comma-separated text, read by prefscope's own RFC 4180 tokenizer. */
export function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  const take = (batch: ByteRecords | null) => {
    for (let k = 0; batch && k < batch.count; k++) out.push(recordFields(batch, k));
  };
  const tokenizer = new CsvByteTokenizer(',');
  take(tokenizer.push(new TextEncoder().encode(text)));
  take(tokenizer.end());
  return out;
}
