import type { PortfolioSnapshot, SnapshotInitiative, SnapshotWave } from './snapshot';

/** A what-if change to the inputs of a plan. */
export type ScenarioChange =
  | { readonly kind: 'capacity'; readonly pool: string; readonly capacityPerWeek: number; readonly from?: string; readonly to?: string }
  | { readonly kind: 'priority'; readonly initiativeId: string; readonly priority: number }
  | { readonly kind: 'pause'; readonly initiativeId: string }
  | { readonly kind: 'authorize'; readonly initiativeId: string }
  | { readonly kind: 'deadline'; readonly initiativeId: string; readonly wave: string; readonly deadline: string | null }
  | {
      readonly kind: 'add';
      readonly initiative: Omit<SnapshotInitiative, 'posture' | 'waves'> & { readonly waves: readonly SnapshotWave[] };
    };

export class ScenarioError extends Error {
  constructor(readonly issues: readonly string[]) {
    super(`The scenario does not apply: ${issues.join('; ')}`);
    this.name = 'ScenarioError';
  }
}

/** The snapshot with the scenario's changes applied in order; the original is untouched. */
export function applyScenario(snapshot: PortfolioSnapshot, changes: readonly ScenarioChange[]): PortfolioSnapshot {
  const issues: string[] = [];
  let initiatives = [...snapshot.initiatives];
  let pools = [...snapshot.pools];
  const overrides = [...snapshot.overrides];
  const edit = (id: string, change: (i: SnapshotInitiative) => SnapshotInitiative) => {
    if (!initiatives.some((i) => i.id === id)) return void issues.push(`no initiative ${id} in the plan's inputs`);
    initiatives = initiatives.map((i) => (i.id === id ? change(i) : i));
  };
  changes.forEach((change, n) => {
    switch (change.kind) {
      case 'capacity': {
        if (!pools.some((p) => p.id === change.pool)) return void issues.push(`change ${n + 1}: no pool ${change.pool}`);
        pools = pools.map((p) => {
          if (p.id !== change.pool) return p;
          if (!change.from && !change.to) return { ...p, capacityPerWeek: change.capacityPerWeek };
          const adjustment = { from: change.from ?? snapshot.startDate, to: change.to ?? '9999-12-31', capacity: change.capacityPerWeek, reason: 'scenario' };
          return { ...p, adjustments: [...p.adjustments, adjustment] };
        });
        return;
      }
      case 'priority':
        if (!initiatives.some((i) => i.id === change.initiativeId)) return void issues.push(`change ${n + 1}: no initiative ${change.initiativeId}`);
        overrides.push({ id: `scenario-${n + 1}`, kind: 'priority', initiativeId: change.initiativeId, priority: change.priority, reason: 'scenario' });
        return;
      case 'pause':
        return edit(change.initiativeId, (i) => ({ ...i, posture: 'pause' }));
      case 'authorize':
        return edit(change.initiativeId, (i) => ({ ...i, posture: 'authorize_deployment' }));
      case 'deadline':
        return edit(change.initiativeId, (i) => {
          if (!i.waves.some((w) => w.key === change.wave)) issues.push(`change ${n + 1}: ${i.key} has no wave ${change.wave}`);
          return { ...i, waves: i.waves.map((w) => (w.key === change.wave ? { ...w, deadline: change.deadline } : w)) };
        });
      case 'add':
        if (initiatives.some((i) => i.id === change.initiative.id || i.key === change.initiative.key)) {
          return void issues.push(`change ${n + 1}: ${change.initiative.key} is already in the plan's inputs`);
        }
        // As for a rollout saved: a pool there is none of would only hold the wave.
        for (const wave of change.initiative.waves) {
          for (const pool of Object.keys(wave.demand).filter((id) => !pools.some((p) => p.id === id))) {
            issues.push(`change ${n + 1}: ${change.initiative.key} ${wave.key} demands pool ${pool}, which does not exist`);
          }
        }
        initiatives.push({ ...change.initiative, posture: 'authorize_deployment' });
        return;
    }
  });
  // A later priority override replaces an earlier one for the same initiative.
  const lastPriority = new Map<string, number>();
  overrides.forEach((o, k) => o.kind === 'priority' && lastPriority.set(o.initiativeId, k));
  const effective = overrides.filter((o, k) => o.kind !== 'priority' || lastPriority.get(o.initiativeId) === k);
  if (issues.length) throw new ScenarioError(issues);
  return { ...snapshot, initiatives, pools, overrides: effective };
}

/** The kinds of change `hypotheticalChanges` names: a plan with one of them plans no actual inputs. */
export const HYPOTHETICAL_CHANGE_KINDS: readonly ScenarioChange['kind'][] = ['pause', 'authorize', 'add'];

/**
 * The changes no one can make by publishing: postures are scoring's to set,
 * and an added initiative does not exist. A plan computed with them is a
 * what-if, never a plan to publish. Described with the initiatives' keys from
 * `snapshot` (the inputs the scenario was applied to).
 */
export function hypotheticalChanges(snapshot: PortfolioSnapshot, changes: readonly ScenarioChange[]): string[] {
  const keyOf = (id: string) => snapshot.initiatives.find((i) => i.id === id)?.key ?? id;
  return changes.flatMap((change) => {
    switch (change.kind) {
      case 'pause':
        return [`pauses ${keyOf(change.initiativeId)}`];
      case 'authorize':
        return [`authorizes ${keyOf(change.initiativeId)}`];
      case 'add':
        return [`adds initiative ${change.initiative.key}`];
      case 'capacity':
      case 'priority':
      case 'deadline':
        return [];
    }
  });
}
