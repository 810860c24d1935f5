import { UnreadableFile, type InputFile } from './types';

/** True when the bytes start with the gzip magic number. */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b;
}

/**
 * The file's bytes chunk by chunk (gunzipped first when `gzip`), with the number of compressed bytes read
 * so far. No whole-file buffer is ever built.
 */
export async function* byteChunks(
  file: InputFile,
  gzip: boolean,
): AsyncGenerator<{ bytes: Uint8Array; bytesRead: number }, void, void> {
  let bytesRead = 0;
  const counted = file.blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        bytesRead += chunk.byteLength;
        controller.enqueue(chunk);
      },
    }),
  );
  const bytes = gzip
    ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    : counted;
  const reader = bytes.getReader();
  let done = false;
  try {
    for (;;) {
      const next = await reader.read();
      if (next.done) {
        done = true;
        break;
      }
      if (next.value.length > 0) yield { bytes: next.value, bytesRead };
    }
  } catch (error) {
    if (gzip)
      throw new UnreadableFile(
        file.name,
        `${file.name}: the gzip data is truncated or corrupt (${(error as Error).message})`,
      );
    throw error;
  } finally {
    // a consumer that stops early (reading only the head of a file) releases the stream
    if (!done) await reader.cancel().catch(() => {});
  }
}

/**
 * The file's text, decoded as UTF-8 chunk by chunk (gunzipped first when `gzip`), with the number of
 * compressed bytes read so far. A leading BOM is removed. No whole-file string is ever built.
 */
export async function* textChunks(
  file: InputFile,
  gzip: boolean,
): AsyncGenerator<{ text: string; bytesRead: number }, void, void> {
  const decoder = new TextDecoder('utf-8');
  let first = true;
  let bytesRead = 0;
  for await (const chunk of byteChunks(file, gzip)) {
    bytesRead = chunk.bytesRead;
    let text = decoder.decode(chunk.bytes, { stream: true });
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    if (text.length > 0) yield { text, bytesRead };
  }
  const tail = decoder.decode();
  if (tail.length > 0) yield { text: tail, bytesRead };
}
