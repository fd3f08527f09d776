/** Default capacity of the live page's event log. */
export const DEFAULT_EVENT_LOG_CAPACITY = 2_000;

/**
 * Fixed-capacity FIFO for the event log: push is O(1) and allocation-free,
 * the oldest entry is dropped when full, and drops are counted so the UI can
 * say "1,234 older events dropped". `version` changes on every mutation, for
 * cheap change detection (e.g. useSyncExternalStore snapshots).
 */
export class RingBuffer<T> {
  private readonly slots: (T | undefined)[];
  private head = 0; // index of the oldest entry
  private length = 0;
  private droppedCount = 0;
  private versionCount = 0;

  constructor(readonly capacity: number = DEFAULT_EVENT_LOG_CAPACITY) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`RingBuffer capacity must be a positive integer, got ${capacity}`);
    this.slots = new Array<T | undefined>(capacity);
  }

  get size(): number {
    return this.length;
  }

  /** Entries dropped (oldest first) since creation or the last clear(). */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Total entries ever pushed since the last clear() (kept + dropped). */
  get total(): number {
    return this.length + this.droppedCount;
  }

  get version(): number {
    return this.versionCount;
  }

  push(value: T): void {
    if (this.length < this.capacity) {
      this.slots[(this.head + this.length) % this.capacity] = value;
      this.length++;
    } else {
      this.slots[this.head] = value;
      this.head = (this.head + 1) % this.capacity;
      this.droppedCount++;
    }
    this.versionCount++;
  }

  /** i-th entry, 0 = oldest kept; negative counts from the newest (-1 = newest). */
  at(i: number): T | undefined {
    const index = i < 0 ? this.length + i : i;
    if (index < 0 || index >= this.length) return undefined;
    return this.slots[(this.head + index) % this.capacity];
  }

  /** Kept entries, oldest first (O(size)). */
  toArray(): T[] {
    const out: T[] = [];
    for (let i = 0; i < this.length; i++) out.push(this.slots[(this.head + i) % this.capacity] as T);
    return out;
  }

  /** The newest `n` entries, oldest first. */
  latest(n: number): T[] {
    const count = Math.max(0, Math.min(n, this.length));
    const out: T[] = [];
    for (let i = this.length - count; i < this.length; i++) out.push(this.slots[(this.head + i) % this.capacity] as T);
    return out;
  }

  clear(): void {
    this.slots.fill(undefined);
    this.head = 0;
    this.length = 0;
    this.droppedCount = 0;
    this.versionCount++;
  }
}
