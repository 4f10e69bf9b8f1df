import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { InvalidProblemError, type PortfolioPlan, type PortfolioSnapshot } from '@capstan/sequencing-engine';

export type SolverOptions = { seed?: number; maxSchedules?: number; timeLimitMs?: number };
export type SolverOutcome = { ok: true; plan: PortfolioPlan } | { ok: false; issues: string[] } | { ok: false; message: string };

/** Searches at once, at most: two cores serve the requests, the events and these. */
const MAX_RUNNING = 2;

/**
 * Runs the plan search on a worker thread (`solver-worker.js`, built beside `main.js`): a search may take a minute,
 * and on the event loop it would hold up every request, event and lease check of the process meanwhile. Searches
 * beyond `MAX_RUNNING` wait their turn.
 */
export class SolverThread {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  async plan(snapshot: PortfolioSnapshot, options: SolverOptions): Promise<PortfolioPlan> {
    return this.withSlot((search) => search(snapshot, options));
  }

  /**
   * Holds a search slot for `work`, which may search once it has it (`search`, not queued again): for work that must
   * not wait for a slot while it holds something else, as the draft refresher holds its lock and transaction.
   */
  async withSlot<T>(work: (search: Search) => Promise<T>): Promise<T> {
    // A slot freed goes straight to the first waiting, so no newcomer slips in between.
    if (this.running >= MAX_RUNNING) await new Promise<void>((turn) => this.waiting.push(turn));
    else this.running++;
    try {
      return await work(searchOnce);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }
}

/** One search on a worker thread of its own. */
export type Search = (snapshot: PortfolioSnapshot, options: SolverOptions) => Promise<PortfolioPlan>;

function searchOnce(snapshot: PortfolioSnapshot, options: SolverOptions): Promise<PortfolioPlan> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(join(__dirname, 'solver-worker.js'), { workerData: { snapshot, options } });
    let settled = false;
    worker.once('message', (outcome: SolverOutcome) => {
      settled = true;
      if (outcome.ok) resolve(outcome.plan);
      else reject('issues' in outcome ? new InvalidProblemError(outcome.issues) : new Error(`The plan search failed: ${outcome.message}`));
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`The plan search stopped without an answer (exit code ${code})`));
    });
  });
}
