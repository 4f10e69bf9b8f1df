import { parentPort, workerData } from 'node:worker_threads';
import { InvalidProblemError, planPortfolio, type PortfolioSnapshot } from '@capstan/sequencing-engine';
import type { SolverOptions, SolverOutcome } from './solver-thread';

/** One search, on a thread of its own (see `SolverThread`): the plan, or why the inputs cannot be planned. */
const { snapshot, options } = workerData as { snapshot: PortfolioSnapshot; options: SolverOptions };
let outcome: SolverOutcome;
try {
  outcome = { ok: true, plan: planPortfolio(snapshot, options) };
} catch (error) {
  outcome = error instanceof InvalidProblemError ? { ok: false, issues: error.issues } : { ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) };
}
parentPort?.postMessage(outcome);
