import { isGzip, textChunks } from './byteStream';
import { UnreadableFile, type Format, type InputFile } from './types';

export interface Sniffed {
  format: Format;
  gzip: boolean;
  /** for csv / tsv */
  delimiter: string;
}

const EXTENSIONS: Record<string, Format> = {
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  parquet: 'parquet',
  pq: 'parquet',
};

/** The first `maxChars` characters of the (decompressed) text. */
export async function readHead(file: InputFile, gzip: boolean, maxChars = 65536): Promise<string> {
  let head = '';
  for await (const { text } of textChunks(file, gzip)) {
    head += text;
    if (head.length >= maxChars) break;
  }
  return head.slice(0, maxChars);
}

/**
 * Why the first characters are not text, or null: a NUL in the first 8,000 (git's test for binary files),
 * or a quarter of them undecodable as UTF-8.
 */
export function binaryReason(head: string): string | null {
  const start = head.slice(0, 8000);
  if (start.includes('\u0000'))
    return 'it holds NUL bytes: binary data such as an Excel workbook, an archive or an image, or text saved as UTF-16';
  let bad = 0;
  for (let i = 0; i < start.length; i++) if (start.charCodeAt(i) === 0xfffd) bad++;
  return start.length >= 32 && bad * 4 >= start.length ? 'most of its first bytes are not UTF-8' : null;
}

/**
 * Picks the reader from the magic bytes, then the file name, then the first characters. Throws
 * `UnreadableFile` when the (gunzipped) content is not text and not Parquet.
 */
export async function sniff(file: InputFile): Promise<Sniffed> {
  const magic = new Uint8Array(await file.blob.slice(0, 4).arrayBuffer());
  const gzip = isGzip(magic);
  if (!gzip && magic.length === 4 && String.fromCharCode(...magic) === 'PAR1')
    return { format: 'parquet', gzip, delimiter: ',' };
  const name = file.name.toLowerCase().replace(/\.(gz|gzip)$/, '');
  const byName = EXTENSIONS[name.slice(name.lastIndexOf('.') + 1)];
  const head = await readHead(file, gzip);
  const binary = binaryReason(head);
  if (binary)
    throw new UnreadableFile(
      file.name,
      `${file.name}: not UTF-8 text (${binary}); save the data as CSV, TSV, JSON Lines or Parquet, in UTF-8`,
    );
  const format =
    byName === undefined || (byName === 'csv' && looksLikeJson(head)) || (byName === 'json' && looksLikeJsonLines(head))
      ? byContent(head)
      : byName;
  return { format, gzip, delimiter: format === 'tsv' ? '\t' : format === 'csv' ? guessDelimiter(head) : ',' };
}

function looksLikeJson(head: string): boolean {
  const c = head.trimStart()[0];
  return c === '[' || c === '{';
}

/** One complete JSON object on the first line and another object starting the second: JSON Lines. */
function looksLikeJsonLines(head: string): boolean {
  const lines = head.trimStart().split('\n', 3);
  if (lines.length < 2 || !lines[1].trimStart().startsWith('{')) return false;
  try {
    const first = JSON.parse(lines[0]);
    return first !== null && typeof first === 'object' && !Array.isArray(first);
  } catch {
    return false;
  }
}

function byContent(head: string): Format {
  const text = head.trimStart();
  if (text.startsWith('[')) return 'json';
  if (text.startsWith('{')) {
    const lines = text.split('\n').filter((l) => l.trim() !== '');
    return lines.length > 1 && lines[1].trimStart().startsWith('{') ? 'jsonl' : 'json';
  }
  return guessDelimiter(head) === '\t' ? 'tsv' : 'csv';
}

/**
 * The most frequent of , tab ; | outside quotes on the first line (a comma on a tie); with none of them, a single
 * space when the first lines split on it into the same number (2 or more) of fields, as a header-less matrix of
 * numbers (`2 -1 2 -1 1`) does.
 */
export function guessDelimiter(head: string): string {
  const counts = new Map<string, number>([
    [',', 0],
    ['\t', 0],
    [';', 0],
    ['|', 0],
  ]);
  let inQuotes = false;
  for (const c of head) {
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [c, n] of counts) if (n > counts.get(best)!) best = c;
  if (counts.get(best) === 0 && spaceSeparated(head)) return ' ';
  return best;
}

/** The first (up to 20 complete) lines split on single spaces into one number, 2 or more, of fields, with no quotes. */
function spaceSeparated(head: string): boolean {
  const lines = head
    .split(/\r?\n/)
    .slice(0, 20)
    .filter((l) => l.trim() !== '');
  if (lines.length > 1 && !head.endsWith('\n')) lines.pop(); // the last line may be cut
  if (lines.length === 0 || lines.some((l) => l.includes('"'))) return false;
  const widths = new Set(lines.map((l) => l.trimEnd().split(' ').length));
  return widths.size === 1 && [...widths][0] >= 2;
}
