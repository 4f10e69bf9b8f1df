import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MAX_PLAN_TIME_LIMIT_MS, SequencingEvents, type CreateScenario, type PlanView } from '@capstan/contracts';
import { firstResultSet, Outbox, RpcError } from '@capstan/messaging';
import { applyScenario, diffPlans, HYPOTHETICAL_CHANGE_KINDS, hypotheticalChanges, ScenarioError, type PlanDiff, type ScenarioChange } from '@capstan/sequencing-engine';
import { markStale, PlanningInputsService } from './planning-inputs.service';
import { PlansService, PROMOTED_FROM_HYPOTHETICAL, madeFor, unpublishableReason, type PlanRow } from './plans.service';
import { mondayOfThisWeek } from './this-week';

interface ScenarioRow {
  id: string;
  name: string;
  base_plan_id: string;
  plan_id: string;
  changes: ScenarioChange[];
  diff: PlanDiff;
  promoted_plan_id: string | null;
  created_by: string;
  created_at: Date;
}

/**
 * What-if scenarios: the base plan's snapshot with changes applied, planned
 * with the base plan's options (same seed and budget); promoting one makes
 * that very plan a draft, so the diff is exactly what the draft changes. A
 * base starting before this week is not planned again from its weeks gone by:
 * the what-if is planned from this week's inputs, against a baseline of those
 * same inputs. The published plan is never touched.
 */
@Injectable()
export class ScenariosService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly plans: PlansService,
    private readonly inputs: PlanningInputsService,
  ) {}

  /** Plans a what-if; with a request id (from an Idempotency-Key) a repeat answers with the what-if the first made. */
  async create(input: CreateScenario, actor: string, requestId?: string) {
    if (requestId) {
      const [made] = (await this.dataSource.query(`SELECT * FROM sequencing.scenarios WHERE request_id = $1`, [requestId])) as ScenarioRow[];
      if (made) return view(made);
    }
    const base = input.basePlanId ? await this.plans.row(input.basePlanId) : await this.defaultBase();
    if (base.kind === 'scenario') throw new RpcError('unprocessable', 'A scenario is based on a draft or published plan, not on another scenario');
    // A what-if on a draft that is itself a what-if (a posture changed, an initiative invented) would carry that
    // change into a draft its own promotion could publish.
    const [made] = (await this.dataSource.query(`SELECT name, changes FROM sequencing.scenarios WHERE promoted_plan_id = $1`, [base.id])) as Pick<ScenarioRow, 'name' | 'changes'>[];
    const hypothetical = made ? hypotheticalChanges(base.inputs, made.changes) : [];
    if (hypothetical.length) {
      throw new RpcError(
        'unprocessable',
        `Draft ${base.id} was made from what-if "${made?.name}", which ${hypothetical.join(', ')}: a scenario is based on a plan of the actual inputs (the published plan, or a computed draft)`,
      );
    }
    const changes: ScenarioChange[] = input.changes.map((change) =>
      change.kind === 'add'
        ? { kind: 'add', initiative: { ...change.initiative, id: randomUUID(), waves: change.initiative.waves.map((w) => ({ ...w, businessUnit: w.businessUnit ?? change.initiative.businessUnit })) } }
        : change,
    );
    // A base from weeks gone by would plan them again, and could push back waves running since: this week's inputs instead.
    const thisWeek = mondayOfThisWeek();
    const rebased = base.result.startDate < thisWeek;
    // Two searches (baseline and what-if) share the time one request may take.
    const options = rebased ? { ...base.options, startDate: thisWeek, timeLimitMs: Math.min(base.options.timeLimitMs, MAX_PLAN_TIME_LIMIT_MS / 2) } : base.options;
    const inputs = rebased ? await this.inputs.snapshot(thisWeek, options.horizonWeeks) : base.inputs;
    let snapshot;
    try {
      snapshot = applyScenario(inputs, changes);
    } catch (error) {
      if (error instanceof ScenarioError) throw new RpcError('unprocessable', error.message, error.issues.map((message) => ({ field: 'changes', message })));
      throw error;
    }
    // Solved before any transaction opens: the searches may take their whole time limit, with nothing held meanwhile.
    // The baseline is the same inputs without the changes, so the diff shows the changes' effect alone.
    const baselineResult = rebased ? await this.plans.solve(inputs, options) : undefined;
    const planResult = await this.plans.solve(snapshot, options);
    const row = await this.outbox.transaction(async (manager) => {
      const made = requestId ? await madeFor(manager, 'scenarios', requestId) : undefined;
      if (made) return made as ScenarioRow;
      const baseline = baselineResult
        ? await this.plans.storeResult(manager, 'scenario', `baseline of scenario: ${input.name} (plan ${base.id} from this week)`, inputs, options, baselineResult, actor)
        : base;
      const plan = await this.plans.storeResult(manager, 'scenario', `scenario: ${input.name}`, snapshot, options, planResult, actor);
      const diff = diffPlans(baseline.result, plan.result);
      const [scenario] = (await manager.query(
        `INSERT INTO sequencing.scenarios (id, name, base_plan_id, plan_id, changes, diff, created_by, request_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING *`,
        [randomUUID(), input.name, baseline.id, plan.id, JSON.stringify(changes), JSON.stringify(diff), actor, requestId ?? null],
      )) as ScenarioRow[];
      return scenario;
    });
    return view(row);
  }

  async get(id: string) {
    return view(await this.row(id));
  }

  async diff(id: string) {
    const row = await this.row(id);
    return { scenarioId: row.id, basePlanId: row.base_plan_id, planId: row.plan_id, diff: row.diff };
  }

  /**
   * Makes the scenario's plan the draft, as it is: the plan PMO looked at and its diff described (computed again,
   * a search stopped by its time cap may come out otherwise). Only the held initiatives' conditions are read
   * afresh from scoring. Its priority, capacity and deadline changes become the actual inputs (see
   * `adoptScenarioChanges`).
   */
  async promote(id: string, actor: string): Promise<PlanView> {
    const scenario = await this.row(id);
    if (scenario.promoted_plan_id) throw new RpcError('conflict', `Scenario ${id} was promoted already to draft ${scenario.promoted_plan_id}`);
    const scenarioPlan = await this.plans.row(scenario.plan_id);
    refusePlannedBeforeThisWeek(scenario, scenarioPlan);
    const base = await this.plans.row(scenario.base_plan_id);
    const hypothetical = hypotheticalChanges(base.inputs, scenario.changes);
    const fresh = await this.plans.withFreshConditions(scenarioPlan.result);
    const result = hypothetical.length ? { ...fresh, unpublishable: unpublishableReason(scenario.name, hypothetical) } : fresh;
    // A what-if rebased on this week searched for at most half a request's time (two searches in one); the drafts
    // recomputed after the promoted one search for as long as the draft line did before it.
    const [line] = base.kind === 'scenario' ? await this.plans.latest(this.dataSource.manager, ['draft', 'published']) : [];
    const options = line ? { ...scenarioPlan.options, timeLimitMs: line.options.timeLimitMs } : scenarioPlan.options;
    const draft = await this.outbox.transaction(async (manager) => {
      const row = await this.plans.storeResult(manager, 'draft', `promoted scenario: ${scenario.name}`, scenarioPlan.inputs, options, result, actor, base);
      const promoted = firstResultSet(
        await manager.query(`UPDATE sequencing.scenarios SET promoted_plan_id = $2 WHERE id = $1 AND promoted_plan_id IS NULL RETURNING id`, [id, row.id]),
      );
      if (!promoted.length) throw new RpcError('conflict', `Scenario ${id} was promoted already`);
      // A what-if changing a posture or adding an initiative stays one; PMO's own changes become the inputs.
      if (!hypothetical.length) {
        const reason = `what-if "${scenario.name}" made the draft`;
        await this.inputs.adoptScenarioChanges(manager, scenario.changes, base.options.startDate, reason, actor);
        // Marked like any change to the inputs, so a draft computed meanwhile without them is followed by one with
        // them; the mark names this draft, which plans them already and needs no successor while it is the newest.
        await markStale(manager, reason, row.id);
      }
      await this.outbox.enqueue(manager, SequencingEvents.draftRecomputed, { planId: row.id, previousPlanId: row.previous_plan_id, trigger: row.trigger });
      return row;
    });
    return this.plans.view(draft);
  }

  private async defaultBase() {
    const [published] = await this.plans.latest(this.dataSource.manager, ['published']);
    if (published) return published;
    // The newest draft of the actual inputs: not one made from a what-if that changed a posture or invented an initiative.
    const drafts = (await this.dataSource.query(
      `SELECT p.* FROM sequencing.plans p WHERE p.kind = 'draft' AND NOT ${PROMOTED_FROM_HYPOTHETICAL('p', '$1')} ORDER BY p.created_at DESC, p.id LIMIT 1`,
      [HYPOTHETICAL_CHANGE_KINDS],
    )) as Awaited<ReturnType<PlansService['row']>>[];
    if (!drafts[0]) throw new RpcError('unprocessable', 'There is no plan to base a scenario on: compute a draft first (POST /api/v1/plans)');
    return drafts[0];
  }

  private async row(id: string): Promise<ScenarioRow> {
    const [row] = (await this.dataSource.query(`SELECT * FROM sequencing.scenarios WHERE id = $1`, [id])) as ScenarioRow[];
    if (!row) throw RpcError.notFound(`Scenario ${id}`);
    return row;
  }
}

/** A what-if planned before this week began starts in weeks gone by: its draft could not be published. */
function refusePlannedBeforeThisWeek(scenario: ScenarioRow, plan: PlanRow): void {
  const thisWeek = mondayOfThisWeek();
  if (plan.result.startDate < thisWeek) {
    throw new RpcError(
      'conflict',
      `Scenario ${scenario.id} ("${scenario.name}") was planned from ${plan.result.startDate}, before this week (Monday ${thisWeek}); create it again to plan it from this week`,
    );
  }
}

function view(row: ScenarioRow) {
  return {
    id: row.id,
    name: row.name,
    basePlanId: row.base_plan_id,
    planId: row.plan_id,
    changes: row.changes,
    createdBy: row.created_by,
    createdAt: new Date(row.created_at).toISOString(),
    promotedPlanId: row.promoted_plan_id,
  };
}
