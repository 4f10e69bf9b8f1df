export type StopReason = 'time' | 'schedules' | 'lower-bound';

export interface Progress {
  readonly schedules: number;
  readonly objective: number;
  readonly elapsedMs: number;
}

/**
 * The budget of a search (schedules generated, wall time) and its best plan so
 * far. Only the schedule count steers the search, so a run is the same on a
 * fast or a slow machine; the clock can only cut it short.
 */
export class SearchState {
  schedules = 0;
  objective = Infinity;
  firstFeasibleMs = 0;
  stoppedBy: StopReason | undefined;
  readonly starts: Int32Array;
  readonly list: Int32Array;

  constructor(
    n: number,
    private readonly maxSchedules: number,
    private readonly timeLimitMs: number,
    readonly lowerBound: number,
    private readonly started: number,
    private readonly onProgress?: (progress: Progress) => void,
  ) {
    this.starts = new Int32Array(n);
    this.list = new Int32Array(n);
  }

  /** Whether `passes` more schedules fit in the budget; records why not. */
  allows(passes = 1): boolean {
    if (this.stoppedBy) return false;
    if (this.schedules + passes > this.maxSchedules) this.stoppedBy = 'schedules';
    else if (performance.now() - this.started >= this.timeLimitMs) this.stoppedBy = 'time';
    return !this.stoppedBy;
  }

  elapsedMs(): number {
    return performance.now() - this.started;
  }

  /** Keeps the schedule if it is the best so far; true if it was. */
  offer(list: Int32Array, starts: Int32Array, objective: number): boolean {
    if (objective >= this.objective) return false;
    if (this.objective === Infinity) this.firstFeasibleMs = this.elapsedMs();
    this.objective = objective;
    this.starts.set(starts);
    this.list.set(list);
    // Equal objectives can differ in the last bits when summed in another order.
    if (objective <= this.lowerBound + 1e-9 * Math.max(1, Math.abs(this.lowerBound))) this.stoppedBy = 'lower-bound';
    this.onProgress?.({ schedules: this.schedules, objective, elapsedMs: this.elapsedMs() });
    return true;
  }
}
