/**
 * "What the card shows may have changed." Versioned, so that a change announced while a card was
 * still being looked up or mounted is not lost: the card compares the version it was built from.
 */
export class RefreshSignal {
  private listeners = new Set<() => void>();
  version = 0;

  bump(): void {
    this.version++;
    for (const l of this.listeners) l();
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
