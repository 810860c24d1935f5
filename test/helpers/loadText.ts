import { Blob as NodeBlob } from 'node:buffer';
import { openAsBlob } from 'node:fs';
import { basename } from 'node:path';
import type { InputFile } from '../../src/parse/types';

/** An InputFile from text, using node's Blob (jsdom's Blob has no stream()). */
export function textFile(name: string, text: string | Uint8Array): InputFile {
  return { name, blob: new NodeBlob([text]) as unknown as Blob };
}

/** An InputFile from a path on disk. */
export async function diskFile(path: string): Promise<InputFile> {
  return { name: basename(path), blob: (await openAsBlob(path)) as unknown as Blob };
}
