/**
 * Runs tasks concurrently up to a limit while tasks that share a key run one
 * after another, in the order they were scheduled (events about one
 * initiative stay in order; events about different ones overlap). A task may
 * carry several keys (a batch of events): it waits for every earlier task
 * holding any of them.
 */
export class KeyedConcurrency {
  private readonly tails = new Map<string, Promise<void>>();
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly limit: number,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Resolves once the task is scheduled (waiting while the limit is reached), not when it finishes. */
  async schedule(keys: string | readonly string[] | undefined, task: () => Promise<void>): Promise<void> {
    while (this.running.size >= this.limit) await Promise.race(this.running);
    const own = [...new Set(keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys)];
    const previous = own.flatMap((key) => this.tails.get(key) ?? []);
    // Earlier tasks never reject (their errors are reported), so waiting on all of them is safe.
    const run = Promise.all(previous).then(task).catch(this.onError);
    const tracked = run.finally(() => {
      this.running.delete(tracked);
      for (const key of own) if (this.tails.get(key) === tracked) this.tails.delete(key);
    });
    this.running.add(tracked);
    for (const key of own) this.tails.set(key, tracked);
  }

  async drain(): Promise<void> {
    while (this.running.size) await Promise.race(this.running);
  }
}
