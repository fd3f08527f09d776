/** A set of listeners: `add` returns the unsubscribe, `emit` calls each (a throwing listener does not stop the others). */
export class Listeners<T> {
  readonly #set = new Set<(value: T) => void>();

  add(listener: (value: T) => void): () => void {
    this.#set.add(listener);
    return () => this.#set.delete(listener);
  }

  emit(value: T): void {
    for (const listener of this.#set) {
      try {
        listener(value);
      } catch (error) {
        console.error('[realtime] listener failed', error);
      }
    }
  }
}
