/**
 * Everything a portfolio plan is computed from, as the sequencing service knew
 * it at that moment. Stored with each plan so a plan can be recomputed and two
 * plans compared. Dates are ISO `YYYY-MM-DD`; money is a decimal string with at
 * most two decimal places; capacity and demand are whole units per week.
 */
export type Posture = 'pause' | 'controlled_investment' | 'authorize_deployment';

export interface PortfolioSnapshot {
  /** Monday of week 0. */
  readonly startDate: string;
  readonly horizonWeeks: number;
  readonly initiatives: readonly SnapshotInitiative[];
  readonly pools: readonly SnapshotPool[];
  readonly freezeWindows: readonly FreezeWindow[];
  /** Rollout budget per calendar quarter (`2027-Q1`); quarters without a limit are unlimited. */
  readonly budgetLimits: readonly { readonly quarter: string; readonly amount: string }[];
  /** Hard dependencies from intake: `initiativeId` needs `dependsOn` in production first. */
  readonly dependencies: readonly { readonly initiativeId: string; readonly dependsOn: string }[];
  readonly overrides: readonly PlanOverride[];
  /**
   * Waves that have started: they are not planned again from scratch. As the
   * published plan had them (started before `startDate`), one that has run its
   * duration by then is finished and one still running goes on from week 0
   * with the weeks it has left. As PMO recorded them (`recorded`), one is
   * finished when `finishedOn` says so, and runs until then: past its duration
   * as of `today`, a week at a time.
   */
  readonly underway?: readonly UnderwayWave[];
  /** The day the snapshot was taken: a recorded wave running past its duration by then is overdue (the start date when absent). */
  readonly today?: string;
}

export interface UnderwayWave {
  readonly initiativeId: string;
  readonly wave: string;
  readonly startedOn: string;
  /** Recorded by PMO rather than taken from the published plan's dates. */
  readonly recorded?: boolean;
  /** When a recorded wave finished. */
  readonly finishedOn?: string;
}

export interface SnapshotInitiative {
  readonly id: string;
  readonly key: string;
  readonly name: string;
  readonly businessUnit: string;
  /** Null until scoring has evaluated it. */
  readonly posture: Posture | null;
  /**
   * Business units of the committee's controlled-investment scope envelope;
   * when set, a controlled initiative's waves in these units are within scope.
   */
  readonly scopeUnits?: readonly string[] | null;
  /** Expected value, a decimal string; ranks priority within the portfolio. */
  readonly value: string;
  readonly waves: readonly SnapshotWave[];
}

export interface SnapshotWave {
  readonly key: string;
  readonly name: string;
  readonly businessUnit: string;
  readonly durationWeeks: number;
  readonly earliestStart: string | null;
  readonly deadline: string | null;
  readonly costPerWeek: string;
  /** Units per week by pool id. */
  readonly demand: Readonly<Record<string, number>>;
  /** Part of the limited scope a `controlled_investment` posture allows (without a recorded scope envelope). */
  readonly withinControlledScope: boolean;
  /** Waves that must finish first: of this initiative (`initiativeId` null) or another. */
  readonly after: readonly { readonly initiativeId: string | null; readonly wave: string; readonly lagWeeks: number }[];
}

export interface SnapshotPool {
  readonly id: string;
  readonly name: string;
  readonly capacityPerWeek: number;
  /** Inclusive date ranges with a different weekly capacity (holidays, hiring). */
  readonly adjustments: readonly { readonly from: string; readonly to: string; readonly capacity: number; readonly reason: string }[];
}

export interface FreezeWindow {
  readonly businessUnit: string;
  readonly from: string;
  readonly to: string;
  readonly reason: string;
}

export type PlanOverride =
  | { readonly id: string; readonly kind: 'priority'; readonly initiativeId: string; readonly priority: number; readonly reason: string }
  | { readonly id: string; readonly kind: 'pin'; readonly initiativeId: string; readonly wave: string; readonly start: string; readonly reason: string }
  | { readonly id: string; readonly kind: 'order'; readonly first: string; readonly then: string; readonly reason: string };
