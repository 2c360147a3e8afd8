/**
 * Collects, by key, what one event-loop turn produces (counters, latest values) and hands all of it
 * over once at the end of the turn: for fire-and-forget writes that would otherwise cost one command
 * per call. Whoever flushes owns the map it is given; the next turn starts a new one.
 */
export class PerTurnBuffer<K, V> {
  private pending = new Map<K, V>();

  constructor(
    private readonly initial: () => V,
    private readonly flush: (pending: ReadonlyMap<K, V>) => void,
  ) {}

  /** The key's entry of this turn, to update in place; the first one of a turn schedules the flush. */
  entry(key: K): V {
    if (this.pending.size === 0) setImmediate(() => this.flushNow());
    let value = this.pending.get(key);
    if (value === undefined) {
      value = this.initial();
      this.pending.set(key, value);
    }
    return value;
  }

  private flushNow(): void {
    const pending = this.pending;
    this.pending = new Map();
    this.flush(pending);
  }
}
