/**
 * Runs tasks concurrently up to a limit while tasks that share a key run one
 * after another, in the order they were scheduled (events about one
 * initiative stay in order; events about different ones overlap).
 */
export class KeyedConcurrency {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly limit: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves once the task is scheduled (waiting while the limit is reached), not when it finishes. */
  async schedule(key: string | undefined, task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const previous = key === undefined ? undefined : this.tails.get(key);
    const run = (previous ?? Promise.resolve()).then(task).catch(this.onError);
    const tracked = run.finally(() => {
      this.running.delete(tracked);
      if (key !== undefined && this.tails.get(key) === tracked) this.tails.delete(key);
    });
    this.running.add(tracked);
    if (key !== undefined) this.tails.set(key, tracked);
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
  }
}
