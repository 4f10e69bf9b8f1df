import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { COST_PHASES, type CostPhase } from '@capstan/domain';
import { CostsApi } from '../../core/costs-api';
import { money } from '../../core/display';
import { PanelAction } from '../../core/panel-action';
import { ungrouped } from '../../core/typed-amounts';
import { thisMonth } from '../../core/days';

interface VolumeDraft {
  period: string;
  phase: CostPhase;
  metric: string;
  volume: string;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const METRIC = /^[a-z][a-z0-9_]{0,49}$/;
const VOLUME = /^\d{1,20}(\.\d{1,6})?$/;

/**
 * A month's business volume for one phase — transactions, active users —
 * the denominator of the initiative's cost per unit. Recording it again for
 * the same month, phase and metric replaces it.
 */
@Component({
  selector: 'cap-business-volume-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (draft(); as d) {
      <form aria-label="Business volume" (submit)="$event.preventDefault(); save(d)">
        <label>Month <input aria-label="Volume month" class="month" placeholder="2026-11" [value]="d.period" (input)="patch({ period: $any($event.target).value })" required /></label>
        <label
          >Phase
          <select aria-label="Volume phase" (change)="patch({ phase: $any($event.target).value })">
            @for (phase of phases; track phase) { <option [value]="phase" [selected]="phase === d.phase">{{ phase }}</option> }
          </select>
        </label>
        <label>Counted in <input aria-label="Metric" placeholder="transactions" [value]="d.metric" (input)="patch({ metric: $any($event.target).value })" required /></label>
        <label>Volume <input aria-label="Volume" inputmode="decimal" placeholder="125000" [value]="d.volume" (input)="patch({ volume: $any($event.target).value })" required /></label>
        <button type="submit" class="primary" [disabled]="action.busy()">Record the volume</button>
        <button type="button" (click)="draft.set(null); action.error.set(null)">Cancel</button>
      </form>
    } @else {
      <button type="button" (click)="start()">Record a business volume…</button>
    }
    @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
  `,
  styles: `
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-top: 0.5rem; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input.month { width: 6rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; margin-top: 0.5rem; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    .error { color: #a4161a; }
    .ok { color: #1f7a70; }
  `,
})
export class BusinessVolumeForm {
  private readonly costs = inject(CostsApi);
  readonly initiativeId = input.required<string>();
  /** Reads the unit costs again once a volume is recorded (the message waits for it). */
  readonly reload = input.required<() => Promise<void>>();
  protected readonly phases = COST_PHASES;
  protected readonly draft = signal<VolumeDraft | null>(null);
  protected readonly action = new PanelAction('unit costs', () => this.reload()());

  protected start(): void {
    this.action.done.set(null);
    this.draft.set({ period: thisMonth(), phase: 'production', metric: '', volume: '' });
  }

  protected patch(change: Partial<VolumeDraft>): void {
    this.draft.update((d) => d && { ...d, ...change });
  }

  protected async save(d: VolumeDraft): Promise<void> {
    const period = d.period.trim();
    const metric = d.metric.trim();
    const volume = ungrouped(d.volume);
    if (!MONTH.test(period)) return void this.action.refuse(`Name the month as 2026-11 (not "${d.period}").`);
    if (!METRIC.test(metric)) return void this.action.refuse(`Name what is counted in lowercase, such as transactions or active_users (not "${d.metric}").`);
    if (!VOLUME.test(volume) || /^0+(\.0+)?$/.test(volume)) return void this.action.refuse(`The volume is a number above 0 such as 125000 (not "${d.volume}"): without one there is no cost per unit.`);
    await this.action.run(async () => {
      const saved = await firstValueFrom(this.costs.recordVolume({ initiativeId: this.initiativeId(), period, phase: d.phase, metric, volume }));
      this.draft.set(null);
      return `Recorded ${money(saved.volume)} ${saved.metric} in ${saved.period} (${saved.phase}).`;
    });
  }
}
