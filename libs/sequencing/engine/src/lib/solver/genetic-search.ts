import type { ActivityLists } from './activity-list';
import type { CompiledProblem } from './compiled';
import type { Evaluator } from './evaluator';
import { randomBelow, type Random } from './random';
import type { SearchState } from './search-state';

export interface GeneticOptions {
  readonly population: number;
  /** Chance per activity of a shift mutation. */
  readonly mutationRate: number;
  /** Generations without a new best before the population is re-seeded around the best. */
  readonly stallGenerations: number;
  readonly justify: boolean;
}

interface Individual {
  readonly list: Int32Array;
  readonly objective: number;
  readonly hash: number;
}

/**
 * Hartmann's genetic algorithm over activity lists (children justified when asked):
 * tournament parents, two-point crossover, shift mutation, and the best
 * distinct schedules of parents and children survive (children first on
 * ties, so the population drifts across plateaus). A stalled population is
 * re-seeded from perturbations of the best list. Runs until the budget ends.
 */
export function geneticSearch(
  p: CompiledProblem,
  lists: ActivityLists,
  evaluator: Evaluator,
  state: SearchState,
  random: Random,
  seeds: readonly Int32Array[],
  options: GeneticOptions,
): void {
  const evaluate = (list: Int32Array): Individual | undefined => {
    const objective = evaluator.evaluate(list, options.justify);
    return Number.isNaN(objective) ? undefined : { list, objective, hash: evaluator.hash };
  };
  let population: Individual[] = [];
  for (const seed of seeds) {
    const individual = evaluate(seed.slice());
    if (!individual) return;
    population.push(individual);
  }
  if (!fill(population)) return;
  let best = state.objective;
  let stalled = 0;
  for (;;) {
    const children: Individual[] = [];
    while (children.length < options.population) {
      const mother = tournament(population);
      const father = tournament(population);
      for (const [a, b] of [[mother, father], [father, mother]]) {
        const child = lists.crossover(a.list, b.list, random, new Int32Array(p.n));
        lists.mutate(child, options.mutationRate, random);
        const individual = evaluate(child);
        if (!individual) return;
        children.push(individual);
      }
    }
    population = survivors([...children, ...population], options.population);
    if (state.objective < best) {
      best = state.objective;
      stalled = 0;
    } else if (++stalled >= options.stallGenerations) {
      stalled = 0;
      population = [population[0]];
      if (!fill(population)) return;
    }
  }

  function tournament(population: Individual[]): Individual {
    const a = population[randomBelow(random, population.length)];
    const b = population[randomBelow(random, population.length)];
    return a.objective <= b.objective ? a : b;
  }

  /** Tops the population up with random perturbations of its best list; false when the budget ran out. */
  function fill(population: Individual[]): boolean {
    population.sort((a, b) => a.objective - b.objective);
    const rank = new Float64Array(p.n);
    population[0].list.forEach((j, k) => (rank[j] = k));
    const keys = new Float64Array(p.n);
    while (population.length < options.population) {
      // From a light shuffle of the best order to an almost random one.
      const spread = random();
      for (let j = 0; j < p.n; j++) keys[j] = (1 - spread) * rank[j] + spread * p.n * random();
      const individual = evaluate(lists.fromKeys(keys, new Int32Array(p.n)));
      if (!individual) return false;
      population.push(individual);
    }
    population.sort((a, b) => a.objective - b.objective);
    return true;
  }
}

/** The best `size` distinct schedules (stable: earlier entries win ties). */
function survivors(candidates: Individual[], size: number): Individual[] {
  candidates.sort((a, b) => a.objective - b.objective);
  const kept: Individual[] = [];
  const seen = new Set<string>();
  for (const c of candidates) {
    const key = `${c.objective}:${c.hash}`;
    if (seen.has(key)) continue;
    seen.add(key);
    kept.push(c);
    if (kept.length === size) break;
  }
  return kept;
}
