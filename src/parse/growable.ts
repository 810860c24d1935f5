type TypedArray = Int32Array | Float64Array | Uint8Array;
type Ctor<T extends TypedArray> = { new (n: number): T };

/** A typed array that grows by doubling; `view()` returns the filled part without copying. */
export class Growable<T extends TypedArray> {
  private data: T;
  length = 0;
  constructor(
    private readonly ctor: Ctor<T>,
    private readonly fill: number = 0,
    capacity = 1024,
  ) {
    this.data = new ctor(capacity);
    if (fill !== 0) this.data.fill(fill);
  }
  push(value: number): void {
    if (this.length === this.data.length) this.grow(this.length * 2);
    this.data[this.length++] = value;
  }
  /** sets position i, growing (with the fill value) as needed */
  set(i: number, value: number): void {
    this.ensure(i + 1);
    this.data[i] = value;
  }
  get(i: number): number {
    return i < this.length ? this.data[i] : this.fill;
  }
  ensure(length: number): void {
    if (length > this.data.length) this.grow(Math.max(length, this.data.length * 2));
    if (length > this.length) this.length = length;
  }
  view(): T {
    return this.data.subarray(0, this.length) as T;
  }
  /** a right-sized copy that owns its buffer (to transfer or keep) */
  copy(): T {
    return this.data.slice(0, this.length) as T;
  }
  private grow(capacity: number): void {
    const next = new this.ctor(capacity);
    if (this.fill !== 0) next.fill(this.fill);
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** Strings coded in first-seen order. */
export class Dictionary {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  code(value: string): number {
    let c = this.index.get(value);
    if (c === undefined) {
      c = this.values.length;
      this.index.set(value, c);
      this.values.push(value);
    }
    return c;
  }
  lookup(value: string): number {
    return this.index.get(value) ?? -1;
  }
  get size(): number {
    return this.values.length;
  }
}
