import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { problemOf, problemText } from '../../core/initiatives-api';
import { PlansApi, type Plan, type PlanDiffView, type ScenarioChange } from '../../core/plans-api';
import { offeredChoice, planChoices } from './override-choices';
import { PlanDiffSummary } from './plan-diff-summary';
import { ungrouped } from '../../core/typed-amounts';

/**
 * What-if on the plan shown: an initiative's priority, a pool's capacity, a
 * wave's deadline, an initiative paused or authorized, or one not yet in the
 * portfolio competing for a pool; see the diff (waves
 * moved and why, weeks gained and lost, value, contests) before anything
 * changes, then make it the draft — exactly the plan the diff described.
 * Priority, capacity and deadline are PMO's to change, so making the draft
 * records them as the plan's inputs; a posture or an added initiative stays a
 * what-if.
 */
@Component({
  selector: 'cap-scenario-panel',
  imports: [PlanDiffSummary],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-label="What-if scenario">
      <h2>What if…</h2>
      <form (submit)="$event.preventDefault(); run()">
        <label>Change
          <select [value]="kind()" (change)="kind.set($any($event.target).value)" aria-label="Kind of change">
            <option value="priority">an initiative's priority</option>
            <option value="capacity">a pool's weekly capacity</option>
            <option value="deadline">a wave's deadline</option>
            <option value="pause">pause an initiative</option>
            <option value="authorize">authorize an initiative</option>
            <option value="add">add an initiative</option>
          </select>
        </label>
        @if (kind() === 'add') {
          <label>Name <input class="wide" [value]="added().name" (input)="addition({ name: $any($event.target).value })" aria-label="Name of the initiative added" maxlength="200" required /></label>
          <label>Business unit <input [value]="added().businessUnit" (input)="addition({ businessUnit: $any($event.target).value })" aria-label="Business unit of the initiative added" maxlength="100" required /></label>
          <label>Value <input [value]="added().value" (input)="addition({ value: $any($event.target).value })" aria-label="Value of the initiative added" inputmode="decimal" /></label>
          <label>Weeks <input type="number" min="1" max="520" [value]="added().weeks" (input)="addition({ weeks: +$any($event.target).value })" aria-label="Weeks its rollout takes" /></label>
          <label>Pool
            <select (change)="pool.set($any($event.target).value)" aria-label="Pool it needs">
              @for (p of pools(); track p.id) { <option [value]="p.id" [selected]="p.id === pool()">{{ p.name }}</option> }
            </select>
          </label>
          <label>Per week <input type="number" min="0" [value]="amount()" (input)="amount.set(+$any($event.target).value)" aria-label="Units per week it needs" /></label>
        } @else if (kind() === 'capacity') {
          <label>Pool
            <select (change)="pool.set($any($event.target).value)" aria-label="Pool">
              @for (p of pools(); track p.id) { <option [value]="p.id" [selected]="p.id === pool()">{{ p.name }} ({{ p.capacityPerWeek }}/week)</option> }
            </select>
          </label>
          <label>Capacity per week <input type="number" min="0" [value]="amount()" (input)="amount.set(+$any($event.target).value)" aria-label="Capacity per week" /></label>
        } @else {
          <label>Initiative
            <select (change)="pick($any($event.target).value)" aria-label="Initiative">
              @for (i of choices().initiatives; track i.id) { <option [value]="i.id" [selected]="i.id === initiative()">{{ i.label }}</option> }
            </select>
          </label>
          @if (kind() === 'priority') {
            <label>Priority (1–100) <input type="number" min="1" max="100" [value]="amount()" (input)="amount.set(+$any($event.target).value)" aria-label="Priority" /></label>
          } @else if (kind() === 'deadline') {
            <label>Wave
              <select (change)="wave.set($any($event.target).value)" aria-label="Wave">
                @for (w of wavesOf(initiative()); track w.key) { <option [value]="w.key" [selected]="w.key === wave()">{{ w.label }}</option> }
              </select>
            </label>
            <label>Deadline (empty: none) <input type="date" [value]="deadline()" (input)="deadline.set($any($event.target).value)" aria-label="Deadline" /></label>
          }
        }
        <button type="submit" [disabled]="busy()">See the difference</button>
      </form>

      @if (poolsError(); as message) { <p class="error" role="alert" data-testid="pools-error">{{ message }}</p> }
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (diff(); as d) {
        <div class="diff" data-testid="scenario-diff" aria-live="polite">
          <cap-plan-diff-summary [diff]="d" />
          @if (hypothetical()) {
            <p class="hint">A posture is scoring's to set, and an initiative is registered in intake: the draft made from this what-if can be looked at, not published.</p>
          } @else {
            <p class="hint">Making it the draft records the change as the plan's input (a priority as a PMO override naming this what-if).</p>
          }
          <button type="button" class="primary" (click)="promote()" [disabled]="busy()">Make this the draft</button>
        </div>
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
    .card h2 { margin-top: 0; font-size: 1.1rem; }
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input { width: 7rem; }
    input.wide { width: 14rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    .diff { margin-top: 1rem; border-top: 1px solid #eee; padding-top: 0.75rem; }
    .error { color: #a4161a; }
    .hint { font-size: 0.85rem; color: #444; }
  `,
})
export class ScenarioPanel {
  readonly plan = input.required<Plan>();
  /** Bumped with every plan the page loads (a draft recomputed after anyone's change, a reconnect): the pools are read again. */
  readonly revision = input(0);
  /** A draft was made from the scenario. */
  readonly promoted = output<Plan>();

  private readonly api = inject(PlansApi);
  protected readonly kind = signal<ScenarioChange['kind']>('priority');
  protected readonly pools = signal<{ id: string; name: string; capacityPerWeek: number }[]>([]);
  protected readonly pool = signal('');
  protected readonly initiative = signal('');
  protected readonly wave = signal('');
  protected readonly deadline = signal('');
  protected readonly amount = signal(100);
  protected readonly diff = signal<PlanDiffView | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  /** The pools could not be read: said until they are, as a what-if on capacity or an added initiative needs them. */
  protected readonly poolsError = signal<string | null>(null);
  protected readonly hypothetical = signal(false);
  /** The initiative a what-if adds: one wave needing one pool. */
  protected readonly added = signal({ name: '', businessUnit: '', value: '0', weeks: 8 });
  private scenarioId: string | null = null;
  /** The plan's initiatives, held ones included (authorizing one is the point of asking). */
  protected readonly choices = computed(() => planChoices(this.plan()));

  /** The plan the diff and scenario were made on: compared by id, so the same plan read again keeps them. */
  private readonly planId = computed(() => this.plan().id);

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => void this.loadPools());
    });
    // Another plan shown (the other tab, a draft recomputed live): a what-if made on the last one is not this one's,
    // and making it the draft would promote a plan other than the one on screen.
    effect(() => {
      this.planId();
      untracked(() => this.forgetScenario());
    });
    // Each select's choice stays one it offers, or it would show one option while the what-if names another.
    effect(() => {
      const ids = this.choices().initiatives.map((i) => i.id);
      untracked(() => {
        const initiative = offeredChoice(this.initiative(), ids);
        if (initiative !== this.initiative()) this.pick(initiative);
        else this.wave.set(offeredChoice(this.wave(), this.wavesOf(initiative).map((w) => w.key)));
      });
    });
  }

  private async loadPools(): Promise<void> {
    try {
      const { items } = await firstValueFrom(this.api.pools());
      this.pools.set(items);
      this.pool.set(offeredChoice(this.pool(), items.map((p) => p.id)));
      this.poolsError.set(null);
    } catch (error) {
      // The pools last read (if any) stay offered.
      this.poolsError.set(`The capacity pools could not be read: ${problemText(error)}`);
    }
  }

  private forgetScenario(): void {
    this.diff.set(null);
    this.scenarioId = null;
  }

  protected wavesOf(initiativeId: string): { key: string; label: string }[] {
    return this.choices().wavesByInitiative.get(initiativeId) ?? [];
  }

  protected pick(initiativeId: string): void {
    this.initiative.set(initiativeId);
    this.wave.set(this.wavesOf(initiativeId)[0]?.key ?? '');
  }

  protected addition(change: Partial<{ name: string; businessUnit: string; value: string; weeks: number }>): void {
    this.added.update((added) => ({ ...added, ...change }));
  }

  protected async run(): Promise<void> {
    const initiativeId = this.initiative();
    const kind = this.kind();
    if (kind === 'add') {
      const { name, businessUnit, value, weeks } = this.added();
      if (!name.trim() || !businessUnit.trim()) return void this.error.set('Name the initiative added and its business unit.');
      if (!/^\d{1,13}(\.\d{1,2})?$/.test(ungrouped(value))) return void this.error.set(`The value is an amount such as 250000.00 (not "${value}").`);
      if (!Number.isInteger(weeks) || weeks < 1) return void this.error.set('Its rollout takes a whole number of weeks, 1 or more.');
    }
    const change: ScenarioChange =
      kind === 'capacity'
        ? { kind, pool: this.pool(), capacityPerWeek: this.amount() }
        : kind === 'deadline'
          ? { kind, initiativeId, wave: this.wave(), deadline: this.deadline() || null }
          : kind === 'pause' || kind === 'authorize'
            ? { kind, initiativeId }
            : kind === 'add'
              ? this.addedInitiative()
              : { kind: 'priority', initiativeId, priority: this.amount() };
    // The diff shown is the last what-if's: gone while another is planned, so it is never taken for this one's.
    this.forgetScenario();
    const basePlanId = this.planId();
    await this.act(async () => {
      const scenario = await firstValueFrom(this.api.createScenario(this.nameOf(change), [change], basePlanId));
      const diff = (await firstValueFrom(this.api.scenarioDiff(scenario.id))).diff;
      // The plan shown changed while it was computed: the answer is about a plan no longer on screen.
      if (basePlanId !== this.planId()) return void this.error.set('The plan shown changed meanwhile: see the difference again to have it on this plan.');
      this.hypothetical.set(change.kind === 'pause' || change.kind === 'authorize' || change.kind === 'add');
      this.scenarioId = scenario.id;
      this.diff.set(diff);
    });
  }

  protected async promote(): Promise<void> {
    const id = this.scenarioId;
    if (!id) return;
    await this.act(async () => {
      const draft = await firstValueFrom(this.api.promote(id));
      this.forgetScenario();
      this.promoted.emit(draft);
    });
  }

  private addedInitiative(): ScenarioChange {
    const { name, businessUnit, value, weeks } = this.added();
    return {
      kind: 'add',
      initiative: {
        key: 'WHAT-IF',
        name: name.trim(),
        businessUnit: businessUnit.trim(),
        value: ungrouped(value),
        waves: [{ key: 'w1', name: name.trim(), durationWeeks: weeks, demand: this.pool() ? { [this.pool()]: this.amount() } : {} }],
      },
    };
  }

  /** The what-if in words (at most the 200 characters a scenario's name takes): it names the override a promoted priority becomes. */
  private nameOf(change: ScenarioChange): string {
    return this.describe(change).slice(0, 200);
  }

  private describe(change: ScenarioChange): string {
    const name = (id: string) => this.choices().names.get(id) ?? id;
    switch (change.kind) {
      case 'capacity':
        return `What if ${this.pools().find((p) => p.id === change.pool)?.name ?? change.pool} had ${change.capacityPerWeek} per week`;
      case 'priority':
        return `What if ${name(change.initiativeId)} had priority ${change.priority}`;
      case 'deadline':
        return `What if ${name(change.initiativeId)} ${change.wave} ${change.deadline ? `were due by ${change.deadline}` : 'had no deadline'}`;
      case 'pause':
        return `What if ${name(change.initiativeId)} were paused`;
      case 'authorize':
        return `What if ${name(change.initiativeId)} were authorized`;
      case 'add': {
        const wave = change.initiative.waves[0];
        const needs = Object.entries(wave.demand).map(([pool, units]) => `${units}/week of ${this.pools().find((p) => p.id === pool)?.name ?? pool}`);
        return `What if ${change.initiative.name} (${change.initiative.businessUnit}) joined for ${wave.durationWeeks} week(s)${needs.length ? `, needing ${needs.join(', ')}` : ''}`;
      }
    }
  }

  private async act(work: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await work();
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
    } finally {
      this.busy.set(false);
    }
  }
}
