import { Unzip, UnzipInflate, UnzipPassThrough } from 'fflate';
import { UnreadableFile, type InputFile } from './types';

/** True when the bytes start with a zip archive's local file header (`PK\x03\x04`). */
export function isZip(head: Uint8Array): boolean {
  return head.length >= 4 && head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04;
}

/** Members that are not data: folders, macOS resource forks, hidden files. */
function skipped(name: string): boolean {
  return name.endsWith('/') || name.startsWith('__MACOSX/') || /(^|\/)\./.test(name);
}

/**
 * The files inside a zip archive, each as a file of its own named `archive.zip/member` (folders, macOS
 * `__MACOSX` entries and hidden files left out). The archive is streamed through fflate (MIT), which
 * inflates stored and deflated members; each member's bytes are kept as a Blob. Throws `UnreadableFile`
 * for a damaged archive, one with no member, or a member in another compression method.
 */
export async function zipMembers(file: InputFile): Promise<InputFile[]> {
  const parts = new Map<string, Uint8Array[]>();
  const order: string[] = [];
  let failure: string | null = null;
  const unzip = new Unzip((member) => {
    if (skipped(member.name)) return;
    if (member.compression !== 0 && member.compression !== 8) {
      failure = `${member.name} is compressed with method ${member.compression}; only stored and deflated members are read (re-save the archive with standard zip compression)`;
      return;
    }
    const chunks: Uint8Array[] = [];
    parts.set(member.name, chunks);
    order.push(member.name);
    member.ondata = (error, data) => {
      if (error) failure = `${member.name}: ${error.message}`;
      else if (data.length) chunks.push(data);
    };
    member.start();
  });
  unzip.register(UnzipPassThrough);
  unzip.register(UnzipInflate);
  const reader = file.blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      unzip.push(value);
      if (failure) break;
    }
    if (!failure) unzip.push(new Uint8Array(0), true);
  } catch (error) {
    failure = (error as Error).message;
  } finally {
    await reader.cancel().catch(() => {});
  }
  if (failure) throw new UnreadableFile(file.name, `${file.name}: the zip archive could not be read (${failure})`);
  if (order.length === 0) throw new UnreadableFile(file.name, `${file.name}: the zip archive holds no data file`);
  return order.map((name) => ({ name: `${file.name}/${name}`, blob: new Blob(parts.get(name)! as BlobPart[]) }));
}
