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
  /** Makes room for `capacity` values without changing the length. */
  reserve(capacity: number): void {
    if (capacity > this.data.length) this.grow(capacity);
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

/**
 * Strings coded in first-seen order. The index from string to code is built only when a lookup needs it:
 * a reader that knows a value is new (`append`) adds it without one, so a file's million ids cost no map
 * unless a second file or a joined one looks them up.
 */
export class Dictionary {
  readonly values: string[] = [];
  private index: Map<string, number> | null = new Map();
  /** who may append without the index: the one source of every value so far, while there is no index */
  private appender: object | null = null;

  code(value: string): number {
    const index = this.indexed();
    let c = index.get(value);
    if (c === undefined) {
      c = this.values.length;
      index.set(value, c);
      this.values.push(value);
    }
    return c;
  }

  /**
   * Codes a value that `source` knows it has not given before. Without an index, and with every value so far
   * from `source`, the value is new and is added as it is; otherwise it is coded as usual.
   */
  append(value: string, source: object): number {
    if (this.values.length === 0 && this.appender === null) {
      this.index = null;
      this.appender = source;
    }
    if (this.index === null && this.appender === source) return this.values.push(value) - 1;
    return this.code(value);
  }

  lookup(value: string): number {
    return this.indexed().get(value) ?? -1;
  }

  get size(): number {
    return this.values.length;
  }

  private indexed(): Map<string, number> {
    if (this.index === null) {
      this.index = new Map();
      for (let c = 0; c < this.values.length; c++) this.index.set(this.values[c], c);
      this.appender = null;
    }
    return this.index;
  }
}
