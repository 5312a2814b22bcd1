/** How far this node's read models have got; what mutations wait on to read their own writes. */
export interface ReadModelProgress {
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  position(): bigint;
  /**
   * Called whenever the read models advance, with the types of the events applied since the
   * last call when they are known (a listener that cares about a few types can skip the
   * rest); returns the unsubscribe function.
   */
  onAdvance(listener: (position: bigint, eventTypes?: ReadonlySet<string>) => void): () => void;
}
