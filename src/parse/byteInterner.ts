/**
 * Numbers byte strings in first-seen order without making a JS string of them: an open-addressing hash
 * table (FNV-1a over the raw bytes, linear probing) whose keys live in one growing byte arena. A reader
 * asks `id(bytes, start, end)` for every cell of a column; `size` tells whether the answer is new, and only
 * then does the cell need decoding. Two byte strings are one id only when their bytes are equal.
 *
 * Each slot holds the key's hash, arena offset and length beside its id, so a lookup in a table of a
 * million ids touches two cache lines: the slot's and the key's bytes.
 */
export class ByteInterner {
  private arena = new Uint8Array(1 << 16);
  private used = 0;
  /** per slot: id + 1 (0 = empty), hash, arena offset, length */
  private slots = new Int32Array(4 << 12);
  private mask = (1 << 12) - 1;
  size = 0;

  id(bytes: Uint8Array, start: number, end: number): number {
    let h = 0x811c9dc5 | 0;
    for (let i = start; i < end; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
    // FNV-1a's low bits vary little between ids that differ in their last digits: mix them (murmur3's finalizer)
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    const length = end - start;
    const slots = this.slots;
    const mask = this.mask;
    for (let p = h & mask; ; p = (p + 1) & mask) {
      const at = 4 * p;
      const s = slots[at];
      if (s === 0) return this.add(bytes, start, length, h, at);
      if (slots[at + 1] === h && slots[at + 3] === length && this.same(slots[at + 2], bytes, start, length))
        return s - 1;
    }
  }

  private same(offset: number, bytes: Uint8Array, start: number, length: number): boolean {
    const arena = this.arena;
    for (let k = 0; k < length; k++) if (arena[offset + k] !== bytes[start + k]) return false;
    return true;
  }

  private add(bytes: Uint8Array, start: number, length: number, hash: number, at: number): number {
    const id = this.size++;
    if (this.used + length > this.arena.length) {
      const next = new Uint8Array(Math.max(this.arena.length * 2, this.used + length));
      next.set(this.arena.subarray(0, this.used));
      this.arena = next;
    }
    this.arena.set(bytes.subarray(start, start + length), this.used);
    const slots = this.slots;
    slots[at] = id + 1;
    slots[at + 1] = hash;
    slots[at + 2] = this.used;
    slots[at + 3] = length;
    this.used += length;
    if (this.size * 10 > this.mask * 7) this.rehash(); // at most 70% full
    return id;
  }

  private rehash(): void {
    const capacity = (this.mask + 1) * 2;
    const slots = new Int32Array(4 * capacity);
    const mask = capacity - 1;
    const old = this.slots;
    for (let p = 0; p < old.length; p += 4) {
      if (old[p] === 0) continue;
      let q = old[p + 1] & mask;
      while (slots[4 * q] !== 0) q = (q + 1) & mask;
      for (let k = 0; k < 4; k++) slots[4 * q + k] = old[p + k];
    }
    this.slots = slots;
    this.mask = mask;
  }
}
