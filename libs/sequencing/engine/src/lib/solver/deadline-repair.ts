import type { ActivityLists } from './activity-list';
import type { CompiledProblem } from './compiled';
import type { Evaluator } from './evaluator';
import { latestFinishes } from './time-windows';

/**
 * Makes a value-ordered plan meet its deadlines with the least disruption:
 * order by the rule's start times, but no later than each activity's latest
 * start for its deadline (through its successors); then, repeatedly, pull
 * whatever is still late earlier by its lateness, with its predecessors. A
 * plain urgency rule meets deadlines too, but by putting every deadline first.
 * Returns the best list found, or undefined if the budget ran out first.
 */
export function repairDeadlines(p: CompiledProblem, lists: ActivityLists, evaluator: Evaluator, ruleList: Int32Array, rounds: number): Int32Array | undefined {
  const due = latestFinishes(p, (j) => p.deadline[j]);
  const list = ruleList.slice();
  if (Number.isNaN(evaluator.evaluate(list, false))) return undefined;
  const keys = new Float64Array(p.n);
  for (let k = 0; k < p.n; k++) {
    const j = list[k];
    // Start time as the key, list position to keep the rule's order among equal starts.
    keys[j] = Math.min(evaluator.starts[j] + k / p.n, due[j] - p.duration[j]);
  }
  let best: Int32Array | undefined;
  let bestObjective = Infinity;
  const stack: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const objective = evaluator.evaluate(lists.fromKeys(keys, list), false);
    if (Number.isNaN(objective)) break;
    if (objective < bestObjective) {
      bestObjective = objective;
      best = list.slice();
    }
    let late = false;
    for (let j = 0; j < p.n; j++) {
      const lateness = evaluator.starts[j] + p.duration[j] - p.deadline[j];
      if (lateness <= 0) continue;
      late = true;
      keys[j] -= lateness;
      stack.push(j);
    }
    if (!late) break;
    // Predecessors must come earlier still, or the pulled activity cannot start sooner.
    for (let i = stack.pop(); i !== undefined; i = stack.pop()) {
      for (let e = p.predStart[i]; e < p.predStart[i + 1]; e++) {
        const q = p.pred[e];
        const limit = keys[i] - p.duration[q] - p.predLag[e];
        if (keys[q] > limit) {
          keys[q] = limit;
          stack.push(q);
        }
      }
    }
  }
  return best;
}
