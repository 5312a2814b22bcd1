/** How far this node's read models have got; what mutations wait on to read their own writes. */
export interface ReadModelProgress {
  waitFor(position: bigint, timeoutMs?: number): Promise<void>;
  position(): bigint;
  /** Called whenever the read models advance; returns the unsubscribe function. */
  onAdvance(listener: (position: bigint) => void): () => void;
}
