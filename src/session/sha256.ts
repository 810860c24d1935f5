const MAX_DIGEST_BYTES = 512 * 1024 * 1024;

/** Hex SHA-256 of a file's bytes (null above 512 MB, where holding the bytes twice costs too much). */
export async function sha256(blob: Blob): Promise<string | null> {
  if (blob.size > MAX_DIGEST_BYTES) return null;
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
