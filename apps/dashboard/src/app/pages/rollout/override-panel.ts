import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { PanelAction } from '../../core/panel-action';
import { PlansApi, type Plan, type PlanOverrideInput, type PlanOverrideView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { describeOverride, offeredChoice, planChoices } from './override-choices';
import { localMoment } from '../../core/display';

type Kind = PlanOverrideInput['kind'];

/**
 * PMO's overrides of the plan — a priority, a pinned wave start, a fixed order
 * — each with its reason and who set it. Everyone sees them (they explain the
 * plan); PMO records and revokes them here, and every change recomputes the
 * draft. Revoked overrides stay listed: nothing is deleted.
 */
@Component({
  selector: 'cap-override-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-label="PMO overrides">
      <h2>PMO overrides</h2>
      @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (active().length === 0) {
        <p class="state">No override is in force: the plan follows value and posture alone.</p>
      } @else {
        <table aria-label="Overrides in force">
          <thead><tr><th scope="col">Override</th><th scope="col">Why</th><th scope="col">Set by</th>@if (session.canPlan()) { <th scope="col"><span class="visually-hidden">Actions</span></th> }</tr></thead>
          <tbody>
            @for (o of active(); track o.id) {
              <tr data-testid="override">
                <td>{{ describe(o) }}</td>
                <td>{{ o.override.reason }}</td>
                <td>{{ o.createdBy }}, {{ localMoment(o.createdAt) }}</td>
                @if (session.canPlan()) {
                  <td class="actions">
                    @if (revoking() === o.id) {
                      <form (submit)="$event.preventDefault(); revoke(o)">
                        <input [value]="revokeReason()" (input)="revokeReason.set($any($event.target).value)" aria-label="Why revoke it" placeholder="Why revoke it" required minlength="3" />
                        <button type="submit" [disabled]="action.busy()">Revoke</button>
                        <button type="button" (click)="revoking.set(null)">Keep</button>
                      </form>
                    } @else {
                      <button type="button" (click)="revoking.set(o.id); revokeReason.set('')" [attr.aria-label]="'Revoke ' + describe(o)">Revoke…</button>
                    }
                  </td>
                }
              </tr>
            }
          </tbody>
        </table>
      }
      @if (revoked().length) {
        <details>
          <summary>Revoked ({{ revoked().length }})</summary>
          <ul class="revoked">
            @for (o of revoked(); track o.id) {
              <li>{{ describe(o) }} — set by {{ o.createdBy }} ({{ o.override.reason }}); revoked by {{ o.revokedBy }} on {{ o.revokedAt ? localMoment(o.revokedAt) : '' }}: {{ o.revokeReason }}</li>
            }
          </ul>
        </details>
      }

      @if (session.canPlan()) {
        <form class="add" (submit)="$event.preventDefault(); add()" aria-label="Record an override">
          <label>Override
            <select [value]="kind()" (change)="kind.set($any($event.target).value)" aria-label="Kind of override">
              <option value="priority">an initiative's priority</option>
              <option value="pin">pin a wave's start</option>
              <option value="order">one initiative before another</option>
            </select>
          </label>
          @if (kind() === 'order') {
            <label>First
              <select (change)="first.set($any($event.target).value)" aria-label="First initiative">
                @for (i of choices().initiatives; track i.id) { <option [value]="i.id" [selected]="i.id === first()">{{ i.label }}</option> }
              </select>
            </label>
            <label>Then
              <select (change)="then.set($any($event.target).value)" aria-label="Then initiative">
                @for (i of choices().initiatives; track i.id) { <option [value]="i.id" [selected]="i.id === then()">{{ i.label }}</option> }
              </select>
            </label>
          } @else {
            <label>Initiative
              <select (change)="pick($any($event.target).value)" aria-label="Override initiative">
                @for (i of choices().initiatives; track i.id) { <option [value]="i.id" [selected]="i.id === initiative()">{{ i.label }}</option> }
              </select>
            </label>
            @if (kind() === 'priority') {
              <label>Priority (1–100) <input type="number" min="1" max="100" [value]="priority()" (input)="priority.set(+$any($event.target).value)" aria-label="Override priority" /></label>
            } @else {
              <label>Wave
                <select (change)="wave.set($any($event.target).value)" aria-label="Pinned wave">
                  @for (w of wavesOf(initiative()); track w.key) { <option [value]="w.key" [selected]="w.key === wave()">{{ w.label }}</option> }
                </select>
              </label>
              <label>Starts on <input type="date" [value]="start()" (input)="start.set($any($event.target).value)" aria-label="Pinned start" required /></label>
            }
          }
          <label class="reason">Why <input [value]="reason()" (input)="reason.set($any($event.target).value)" aria-label="Reason for the override" required minlength="3" maxlength="500" /></label>
          <button type="submit" class="primary" [disabled]="action.busy()">Record override</button>
        </form>
        @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
    .card h2 { margin-top: 0; font-size: 1.1rem; }
    table { width: 100%; border-collapse: collapse; margin-bottom: 0.75rem; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #eee; font-size: 0.85rem; vertical-align: top; }
    th { background: #f4f5f7; font-weight: 600; }
    .actions form { display: flex; gap: 0.4rem; }
    .revoked { font-size: 0.85rem; color: #555; }
    form.add { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; margin-top: 0.75rem; border-top: 1px solid #eee; padding-top: 0.75rem; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    label.reason input { width: 18rem; }
    input[type='number'] { width: 6rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
    .error { color: #a4161a; }
    .ok { color: #1f7a70; }
    .state { color: #444; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class OverridePanel {
  protected readonly localMoment = localMoment;
  /** The plan shown: its initiatives and waves are what an override can name. */
  readonly plan = input.required<Plan>();
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);

  protected readonly overrides = signal<PlanOverrideView[]>([]);
  protected readonly active = computed(() => this.overrides().filter((o) => !o.revokedAt));
  protected readonly revoked = computed(() => this.overrides().filter((o) => o.revokedAt));
  protected readonly choices = computed(() => planChoices(this.plan()));
  protected readonly kind = signal<Kind>('priority');
  protected readonly initiative = signal('');
  protected readonly first = signal('');
  protected readonly then = signal('');
  protected readonly priority = signal(100);
  protected readonly wave = signal('');
  protected readonly start = signal('');
  protected readonly reason = signal('');
  protected readonly revoking = signal<string | null>(null);
  protected readonly revokeReason = signal('');
  protected readonly action = new PanelAction('overrides', async () => this.overrides.set((await firstValueFrom(this.api.overrides())).items));

  constructor() {
    // A new plan (recomputed after an override, say) may follow a change to the overrides. Each choice stays one the
    // plan offers, and each option marks itself [selected] when it is the choice: a select's own [value] is set before
    // its @for options exist, so the first option showed while the form sent another.
    effect(() => {
      const ids = this.choices().initiatives.map((i) => i.id);
      untracked(() => {
        const initiative = offeredChoice(this.initiative(), ids);
        if (initiative !== this.initiative()) this.pick(initiative);
        else this.wave.set(offeredChoice(this.wave(), this.wavesOf(initiative).map((w) => w.key)));
        this.first.set(offeredChoice(this.first(), ids));
        this.then.set(offeredChoice(this.then(), ids, 1));
        void this.action.reload();
      });
    });
  }

  protected describe(override: PlanOverrideView): string {
    return describeOverride(override.override, this.choices());
  }

  protected wavesOf(initiativeId: string): { key: string; label: string }[] {
    return this.choices().wavesByInitiative.get(initiativeId) ?? [];
  }

  protected pick(initiativeId: string): void {
    this.initiative.set(initiativeId);
    this.wave.set(this.wavesOf(initiativeId)[0]?.key ?? '');
  }

  protected async add(): Promise<void> {
    const reason = this.reason().trim();
    const override: PlanOverrideInput =
      this.kind() === 'order'
        ? { kind: 'order', first: this.first(), then: this.then(), reason }
        : this.kind() === 'pin'
          ? { kind: 'pin', initiativeId: this.initiative(), wave: this.wave(), start: this.start(), reason }
          : { kind: 'priority', initiativeId: this.initiative(), priority: this.priority(), reason };
    await this.action.run(async () => {
      const saved = await firstValueFrom(this.api.addOverride(override));
      this.reason.set('');
      return `Recorded: ${this.describe(saved)}. The draft is being recomputed with it.`;
    });
  }

  protected async revoke(override: PlanOverrideView): Promise<void> {
    await this.action.run(async () => {
      const revoked = await firstValueFrom(this.api.revokeOverride(override.id, this.revokeReason().trim()));
      this.revoking.set(null);
      return `Revoked: ${this.describe(revoked)}. The draft is being recomputed without it.`;
    });
  }
}
