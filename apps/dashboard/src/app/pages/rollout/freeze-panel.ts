import { ChangeDetectionStrategy, Component, effect, inject, input, signal, untracked } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import { PanelAction } from '../../core/panel-action';
import { datedRangeProblem } from './dated-range';
import { PlansApi, type FreezeWindow, type FreezeWindowsView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { localMoment } from '../../core/display';

/** A business unit's windows as they will be saved; `version` null for a unit that has none yet. */
interface Editing {
  businessUnit: string;
  version: number | null;
  windows: FreezeWindow[];
}

const NO_WINDOW: FreezeWindow = { from: '', to: '', reason: '' };

/**
 * Business units' change-freeze windows: no wave of theirs starts or runs in
 * one. Everyone sees them (they say why a wave waits); PMO sets a unit's
 * windows whole, and every change recomputes the draft.
 */
@Component({
  selector: 'cap-freeze-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-label="Freeze windows">
      <h2>Freeze windows</h2>
      @if (action.error(); as message) { <p class="error" role="alert">{{ message }}</p> }
      @if (units().length === 0) {
        <p class="state">No business unit has a freeze window.</p>
      } @else {
        <table aria-label="Freeze windows by business unit">
          <thead><tr><th scope="col">Business unit</th><th scope="col">Windows</th><th scope="col">Set by</th>@if (session.canPlan()) { <th scope="col"><span class="visually-hidden">Actions</span></th> }</tr></thead>
          <tbody>
            @for (unit of units(); track unit.businessUnit) {
              <tr [attr.data-unit]="unit.businessUnit">
                <td>{{ unit.businessUnit }}</td>
                <td>
                  @for (w of unit.windows; track $index) { <span class="window">{{ w.from }} → {{ w.to }}@if (w.reason) { ({{ w.reason }})}</span> }
                  @empty { <span class="state">none</span> }
                </td>
                <td>{{ unit.updatedBy }}, {{ localMoment(unit.updatedAt) }}</td>
                @if (session.canPlan()) {
                  <td><button type="button" (click)="edit(unit)" [attr.aria-label]="'Change the freeze windows of ' + unit.businessUnit">Change…</button></td>
                }
              </tr>
            }
          </tbody>
        </table>
      }

      @if (editing(); as draft) {
        <form (submit)="$event.preventDefault(); save()" [attr.aria-label]="'Freeze windows of ' + (draft.businessUnit || 'a business unit')">
          @if (draft.version === null) {
            <label>Business unit <input [value]="draft.businessUnit" (input)="patch({ businessUnit: $any($event.target).value })" aria-label="Business unit" maxlength="100" required /></label>
          } @else {
            <h3>{{ draft.businessUnit }}</h3>
          }
          <fieldset>
            <legend>Windows</legend>
            @for (w of draft.windows; track $index) {
              <div class="row">
                <span>{{ w.from }} → {{ w.to }}@if (w.reason) { ({{ w.reason }})}</span>
                <button type="button" (click)="removeWindow($index)" [attr.aria-label]="'Remove the window from ' + w.from">Remove</button>
              </div>
            } @empty {
              <p class="state">None: saved so, the unit has no freeze.</p>
            }
            <div class="row">
              <label>From <input type="date" [value]="window().from" (input)="setWindow({ from: $any($event.target).value })" aria-label="Freeze from" /></label>
              <label>To <input type="date" [value]="window().to" (input)="setWindow({ to: $any($event.target).value })" aria-label="Freeze to" /></label>
              <label>Why <input [value]="window().reason" (input)="setWindow({ reason: $any($event.target).value })" aria-label="Why the unit is frozen" maxlength="200" /></label>
              <button type="button" (click)="addWindow()" [disabled]="!window().from || !window().to">Add the window</button>
            </div>
          </fieldset>
          <div class="row">
            <button type="submit" class="primary" [disabled]="action.busy()">Save the windows</button>
            <button type="button" (click)="editing.set(null)">Cancel</button>
          </div>
        </form>
      } @else if (session.canPlan()) {
        <button type="button" (click)="startNew()">Freeze a business unit…</button>
      }
      @if (action.done(); as message) { <p class="ok" role="status">{{ message }}</p> }
    </section>
  `,
  styleUrl: './input-panel.css',
  styles: `
    .window { display: block; }
    form { flex-direction: column; align-items: stretch; }
  `,
})
export class FreezePanel {
  protected readonly localMoment = localMoment;
  /** Bumped with every plan the page loads (a draft recomputed after anyone's change, a reconnect): the list is read again. */
  readonly revision = input(0);
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);

  protected readonly units = signal<FreezeWindowsView[]>([]);
  protected readonly editing = signal<Editing | null>(null);
  protected readonly window = signal<FreezeWindow>(NO_WINDOW);
  protected readonly action = new PanelAction('freeze windows', async () => this.units.set((await firstValueFrom(this.api.freezeWindows())).items));

  constructor() {
    effect(() => {
      this.revision();
      untracked(() => void this.action.reload());
    });
  }

  protected edit(unit: FreezeWindowsView): void {
    this.action.done.set(null);
    this.editing.set({ businessUnit: unit.businessUnit, version: unit.version, windows: unit.windows.map((w) => ({ ...w })) });
    this.window.set(NO_WINDOW);
  }

  protected startNew(): void {
    this.action.done.set(null);
    this.editing.set({ businessUnit: '', version: null, windows: [] });
    this.window.set(NO_WINDOW);
  }

  protected patch(change: Partial<Editing>): void {
    this.editing.update((draft) => draft && { ...draft, ...change });
  }

  protected setWindow(change: Partial<FreezeWindow>): void {
    this.window.update((w) => ({ ...w, ...change }));
  }

  /** Adds the window filled in; false (and said why) when it cannot be. */
  protected addWindow(): boolean {
    const w = this.window();
    const problem = datedRangeProblem(w, 'window');
    if (problem) return this.action.refuse(problem);
    this.action.error.set(null);
    this.editing.update((draft) => draft && { ...draft, windows: [...draft.windows, { ...w, reason: w.reason.trim() }] });
    this.window.set(NO_WINDOW);
    return true;
  }

  protected removeWindow(index: number): void {
    this.editing.update((draft) => draft && { ...draft, windows: draft.windows.filter((_, k) => k !== index) });
  }

  protected async save(): Promise<void> {
    const draft = this.editing();
    if (!draft) return;
    const businessUnit = draft.businessUnit.trim();
    if (!businessUnit) return void this.action.refuse('Name the business unit the windows are for.');
    // A window filled in but not yet added is part of what is saved, not dropped.
    const pending = this.window();
    if ((pending.from || pending.to) && !this.addWindow()) return;
    const windows = this.editing()?.windows ?? draft.windows;
    await this.action.run(
      async () => {
        const saved = await firstValueFrom(this.api.putFreezeWindows(businessUnit, windows, draft.version));
        this.editing.set(null);
        return `Saved ${saved.windows.length} freeze window(s) for ${saved.businessUnit}. The draft is being recomputed.`;
      },
      () => {
        const stored = this.units().find((unit) => unit.businessUnit === businessUnit);
        if (stored) this.editing.update((open) => open && { ...open, businessUnit, version: stored.version });
      },
    );
  }
}
