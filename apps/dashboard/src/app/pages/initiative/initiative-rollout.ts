import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { HttpErrorResponse } from '@angular/common/http';
import { RouterLink } from '@angular/router';
import { catchError, forkJoin, of, throwError } from 'rxjs';
import { localMoment, money } from '../../core/display';
import { problemText } from '../../core/initiatives-api';
import { PlansApi, type Plan, type RolloutView } from '../../core/plans-api';
import { Session } from '../../core/session';
import { newWave, toDraft, toInput, type RolloutDraft, type WaveDraft } from './rollout-draft';

/**
 * The initiative's rollout as PMO described it — waves, demand on each pool,
 * earliest starts, deadlines, progress — beside where the published plan puts
 * each wave (or why it holds it).
 */
@Component({
  selector: 'cap-initiative-rollout',
  imports: [RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="rollout-title">
      <h2 id="rollout-title">Rollout</h2>
      <!-- Read again on every plan event: a failed read keeps what is shown, and a rollout being edited, under the alert. -->
      @if (failure(); as text) {
        <p class="failure" role="alert">The rollout could not be {{ loaded() ? 'read again (shown as last read)' : 'loaded' }}: {{ text }}</p>
      }
      @if (rollout(); as r) {
        <p class="muted">Value {{ money(r.value) }}; set by {{ r.updatedBy }} on {{ localMoment(r.updatedAt) }}.@if (plan(); as p) { Published plan v{{ p.version }}.} @else { No plan is published yet.}</p>
        <table aria-label="Rollout waves">
          <thead>
            <tr><th scope="col">Wave</th><th scope="col">Weeks</th><th scope="col">Demand</th><th scope="col">Earliest / deadline</th><th scope="col">In the published plan</th></tr>
          </thead>
          <tbody>
            @for (wave of r.waves; track wave.key) {
              <tr [attr.data-rollout-wave]="wave.key">
                <td>{{ wave.key }} — {{ wave.name }}@if (wave.withinControlledScope) { <span class="tag">in controlled scope</span>}</td>
                <td class="num">{{ wave.durationWeeks }}</td>
                <td>@for (pool of demandOf(wave.demand); track pool.id) { <span class="line">{{ pool.id }}: {{ pool.units }}/week</span> } @empty { none }</td>
                <td>{{ wave.earliestStart ?? '—' }} / {{ wave.deadline ?? '—' }}</td>
                <td>
                  @if (placed().get(wave.key); as at) {
                    {{ at.start }} → {{ at.end }}@if (at.delayWeeks > 0) { <span class="late">{{ at.delayWeeks }} week(s) later</span>}
                  } @else if (heldReason().get(wave.key); as reason) {
                    <span class="late">held: {{ reason }}</span>
                  } @else if (plan()) {
                    not in it
                  }
                  @if (progressOf(wave.key); as progress) { <span class="line">began {{ progress.startedOn ?? '—' }}@if (progress.finishedOn) {, finished {{ progress.finishedOn }}}</span> }
                </td>
              </tr>
            }
          </tbody>
        </table>
        <p class="muted"><a routerLink="/rollout">The whole rollout plan</a></p>
      } @else if (loaded()) {
        <p class="muted">No rollout described yet.</p>
      }
      @if (session.canPlan() && loaded()) {
        @if (draft(); as d) {
          <form class="edit" (submit)="$event.preventDefault(); save()" aria-label="Edit the rollout">
            <label class="value">Expected value <input [value]="d.value" (input)="setValue($any($event.target).value)" aria-label="Expected value" inputmode="decimal" /></label>
            @for (wave of d.waves; track $index; let n = $index) {
              <fieldset [attr.aria-label]="'Wave ' + (n + 1)">
                <legend>Wave {{ n + 1 }}</legend>
                <label>Key <input [value]="wave.key" (input)="setWave(n, { key: $any($event.target).value })" [attr.aria-label]="'Key of wave ' + (n + 1)" required /></label>
                <label>Name <input [value]="wave.name" (input)="setWave(n, { name: $any($event.target).value })" [attr.aria-label]="'Name of wave ' + (n + 1)" required /></label>
                <label>Weeks <input type="number" min="1" [value]="wave.durationWeeks" (input)="setWave(n, { durationWeeks: +$any($event.target).value })" [attr.aria-label]="'Weeks of wave ' + (n + 1)" /></label>
                <label>Demand (pool: units) <input [value]="wave.demand" (input)="setWave(n, { demand: $any($event.target).value })" [attr.aria-label]="'Demand of wave ' + (n + 1)" placeholder="platform: 2" /></label>
                <label>Earliest <input type="date" [value]="wave.earliestStart" (input)="setWave(n, { earliestStart: $any($event.target).value })" [attr.aria-label]="'Earliest start of wave ' + (n + 1)" /></label>
                <label>Deadline <input type="date" [value]="wave.deadline" (input)="setWave(n, { deadline: $any($event.target).value })" [attr.aria-label]="'Deadline of wave ' + (n + 1)" /></label>
                <label class="check"><input type="checkbox" [checked]="wave.withinControlledScope" (change)="setWave(n, { withinControlledScope: $any($event.target).checked })" [attr.aria-label]="'Wave ' + (n + 1) + ' within the controlled scope'" /> within controlled scope</label>
                <button type="button" (click)="removeWave(n)" [attr.aria-label]="'Remove wave ' + (n + 1)">Remove</button>
              </fieldset>
            }
            <div class="actions">
              <button type="button" (click)="addWave()">Add a wave</button>
              <button type="submit" class="primary" [disabled]="saving()">Save the rollout</button>
              <button type="button" (click)="draft.set(null)">Cancel</button>
            </div>
            @for (message of formErrors(); track message) { <p class="failure" role="alert">{{ message }}</p> }
          </form>
        } @else {
          <button type="button" (click)="edit()">{{ rollout() ? 'Edit the rollout' : 'Describe the rollout' }}</button>
        }
        @if (saved(); as message) { <p class="ok" role="status">{{ message }}</p> }
      }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.85rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; vertical-align: top; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .line { display: block; }
    .tag { font-size: 0.7rem; background: #e3f2ef; border-radius: 3px; padding: 0 0.3rem; margin-left: 0.3rem; }
    .late { color: #8a1c1c; margin-left: 0.3rem; }
    .muted { color: #4a5059; font-size: 0.85rem; }
    .failure { color: #a4161a; }
    .ok { color: #1f7a70; font-size: 0.85rem; }
    form.edit { margin-top: 0.75rem; border-top: 1px solid #eee; padding-top: 0.5rem; }
    fieldset { border: 1px solid #eee; border-radius: 4px; margin: 0.5rem 0; display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: end; }
    legend { font-size: 0.8rem; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; gap: 0.2rem; }
    label.check { flex-direction: row; align-items: center; }
    input[type='number'] { width: 4rem; }
    .actions { display: flex; gap: 0.5rem; margin-top: 0.5rem; }
    button { border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.3rem 0.8rem; cursor: pointer; }
    button.primary { background: #1f7a70; border-color: #1f7a70; color: #fff; }
  `,
})
export class InitiativeRollout {
  protected readonly localMoment = localMoment;
  readonly initiativeId = input.required<string>();
  /** Bumped when a plan is published or recomputed: the card is read again. */
  readonly revision = input(0);
  protected readonly session = inject(Session);
  private readonly api = inject(PlansApi);
  /** The rollout being edited (PMO), or null. */
  protected readonly draft = signal<RolloutDraft | null>(null);
  /** The version the draft was read at (null: there was no rollout): saving replaces only that one. */
  private editedVersion: number | null = null;
  protected readonly formErrors = signal<string[]>([]);
  protected readonly saving = signal(false);
  protected readonly saved = signal<string | null>(null);
  /** Bumped by this card's own saves. */
  private readonly edits = signal(0);
  protected readonly rollout = signal<RolloutView | null>(null);
  protected readonly plan = signal<Plan | null>(null);
  protected readonly loaded = signal(false);
  protected readonly money = money;
  protected readonly failure = signal<string | null>(null);
  /** Where the published plan puts each of this initiative's waves. */
  protected readonly placed = computed(() => new Map((this.plan()?.waves ?? []).filter((w) => w.initiativeId === this.initiativeId()).map((w) => [w.wave, w])));
  protected readonly heldReason = computed(
    () => new Map((this.plan()?.held ?? []).filter((h) => h.initiativeId === this.initiativeId()).flatMap((h) => h.waves.map((w) => [w.wave, w.reason] as const))),
  );

  constructor() {
    // A request still on its way for the initiative shown before is dropped: its answer must not cover this one's.
    effect((onCleanup) => {
      const id = this.initiativeId();
      this.revision();
      this.edits();
      const absentAs404 = <T>(error: unknown) => (error instanceof HttpErrorResponse && error.status === 404 ? of(null as T | null) : throwError(() => error));
      const request = forkJoin({
        rollout: this.api.rollout(id).pipe(catchError((error: unknown) => absentAs404<RolloutView>(error))),
        plan: this.api.current().pipe(catchError((error: unknown) => absentAs404<Plan>(error))),
      }).subscribe({
        next: ({ rollout, plan }) => {
          this.rollout.set(rollout);
          this.plan.set(plan);
          // After a conflict the open edit is rebased on what is now stored: saving again replaces it.
          if (this.rebaseOnReload && this.draft()) this.editedVersion = rollout?.version ?? null;
          this.rebaseOnReload = false;
          this.failure.set(null);
          this.loaded.set(true);
        },
        error: (error: unknown) => {
          // Not read: a later read (after someone else's change, perhaps) must not silently become the version replaced.
          this.rebaseOnReload = false;
          this.failure.set(problemText(error));
        },
      });
      onCleanup(() => request.unsubscribe());
    });
  }

  /** Set by a save refused as out of date: the next read of the rollout becomes the version the open edit replaces. */
  private rebaseOnReload = false;

  protected edit(): void {
    this.saved.set(null);
    this.formErrors.set([]);
    this.editedVersion = this.rollout()?.version ?? null;
    this.draft.set(toDraft(this.rollout()));
  }

  protected setValue(value: string): void {
    this.draft.update((d) => d && { ...d, value });
  }

  protected setWave(index: number, change: Partial<WaveDraft>): void {
    this.draft.update((d) => d && { ...d, waves: d.waves.map((w, k) => (k === index ? { ...w, ...change } : w)) });
  }

  protected addWave(): void {
    this.draft.update((d) => d && { ...d, waves: [...d.waves, newWave(d.waves.length + 1)] });
  }

  protected removeWave(index: number): void {
    this.draft.update((d) => d && { ...d, waves: d.waves.filter((_, k) => k !== index) });
  }

  protected save(): void {
    const draft = this.draft();
    if (!draft) return;
    const read = toInput(draft);
    if ('errors' in read) return void this.formErrors.set(read.errors);
    this.saving.set(true);
    this.formErrors.set([]);
    this.api.putRollout(this.initiativeId(), read.input, this.editedVersion).subscribe({
      next: (saved) => {
        this.saving.set(false);
        this.draft.set(null);
        this.saved.set(`Saved: ${saved.waves.length} wave(s). The draft plan is being recomputed.`);
        this.edits.update((n) => n + 1);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        // Someone saved it first: theirs is read again and shown, the user's edit stays open over it.
        if (error instanceof HttpErrorResponse && error.status === 412) {
          this.formErrors.set([`${problemText(error)} What they saved is shown above; your changes are still here: save again to replace theirs, or cancel.`]);
          this.rebaseOnReload = true;
          this.edits.update((n) => n + 1);
        } else this.formErrors.set([problemText(error, { fields: true })]);
      },
    });
  }

  protected demandOf(demand: Record<string, number>): { id: string; units: number }[] {
    return Object.entries(demand).map(([id, units]) => ({ id, units }));
  }

  protected progressOf(wave: string): RolloutView['progress'][number] | undefined {
    return this.rollout()?.progress.find((p) => p.wave === wave);
  }
}
