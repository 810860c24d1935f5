import { textChunks } from '../parse/byteStream';
import { isGzip } from '../parse/byteStream';
import { UnreadableFile, type InputFile } from '../parse/types';
import { readSummary, SummaryError } from './readSummary';
import { SUMMARY_SCHEMA, type Summary } from './types';

const MAX_SUMMARY_CHARS = 256 * 1024 * 1024;

/**
 * The summary in a file, when the file is a `prefscope.summary/v1` document (JSON, also gzip); null for
 * any other file. A summary that is broken throws `UnreadableFile` naming what is wrong.
 */
export async function loadSummaryFile(file: InputFile): Promise<Summary | null> {
  const gzip = isGzip(new Uint8Array(await file.blob.slice(0, 2).arrayBuffer()));
  let text = '';
  for await (const { text: chunk } of textChunks(file, gzip)) {
    text += chunk;
    if (text.length >= 4096 && !text.slice(0, 4096).includes(SUMMARY_SCHEMA)) return null;
    if (text.length > MAX_SUMMARY_CHARS)
      throw new UnreadableFile(file.name, `${file.name}: a summary file over 256 MB is not a summary prefscope wrote`);
  }
  if (!text.trimStart().startsWith('{') || !text.includes(SUMMARY_SCHEMA)) return null;
  try {
    return readSummary(JSON.parse(text));
  } catch (error) {
    const why = error instanceof SummaryError || error instanceof SyntaxError ? error.message : String(error);
    throw new UnreadableFile(file.name, `${file.name}: not a valid prefscope summary (${why})`);
  }
}
