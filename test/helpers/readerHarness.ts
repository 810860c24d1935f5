import type { InputFile, Issue, TableBatch, TableReader } from '../../src/parse/types';

/** An InputFile holding `text`. */
export function textFileNamed(text: string, name: string): InputFile {
  return { name, blob: new Blob([text]) };
}

/** A file whose stream yields exactly these byte chunks, to force odd chunk boundaries. */
export function chunkedFile(parts: Uint8Array[], name: string): InputFile {
  const size = parts.reduce((sum, part) => sum + part.byteLength, 0);
  const stream = () =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (const part of parts) controller.enqueue(part);
        controller.close();
      },
    });
  return { name, blob: { size, stream } as unknown as Blob };
}

/** Every batch a reader yields, with its issues, the final header, the rows and their numbers. */
export async function readAllWith(read: (onIssue: (issue: Issue) => void) => TableReader) {
  const issues: Issue[] = [];
  const batches: TableBatch[] = [];
  for await (const batch of read((issue) => issues.push(issue))) batches.push(batch);
  return {
    batches,
    issues,
    header: batches.at(-1)?.header ?? [],
    rows: batches.flatMap((b) => b.rows),
    rowNumbers: batches.flatMap((b) => b.rowNumbers),
  };
}
