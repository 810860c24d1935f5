import { CsvTokenizer } from '../../src/parse/csvTokenizer';

/** The records of a comma-separated text, read by prefscope's own RFC 4180 tokenizer. */
export function csvRecords(text: string): string[][] {
  const out: string[][] = [];
  const tokenizer = new CsvTokenizer(',');
  tokenizer.push(text, (fields) => out.push(fields));
  tokenizer.end((fields) => out.push(fields));
  return out;
}
