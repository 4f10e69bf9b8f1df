import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { localDate, refusal } from '../../core/display';
import { problemOf } from '../../core/initiatives-api';
import { PlansApi } from '../../core/plans-api';

const LABELS: Record<string, string> = { startedOn: 'Started on', finishedOn: 'Finished on' };

/**
 * Records what happened to one wave — the day it began, the day it finished —
 * which plans take over the published plan's dates. An empty start says it
 * has not begun. The draft is recomputed from it within the refresh interval.
 */
@Component({
  selector: 'cap-wave-progress-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <details class="progress" (toggle)="opened($event)">
      <summary>Record progress</summary>
      <form (ngSubmit)="save()" [attr.aria-label]="'Progress of ' + label()">
        <!-- Closed until what is on record is read: the read would otherwise overwrite a day typed meanwhile. -->
        <label>Started on <input type="date" name="startedOn" [max]="today" [disabled]="!loaded()" [ngModel]="startedOn()" (ngModelChange)="startedOn.set($event)" /></label>
        <label>Finished on <input type="date" name="finishedOn" [max]="today" [disabled]="!loaded()" [ngModel]="finishedOn()" (ngModelChange)="finishedOn.set($event)" /></label>
        <button type="submit" [disabled]="saving() || !loaded()">Record</button>
        @if (failure(); as text) { <p class="failure" role="alert">{{ text }}</p> }
        @if (message(); as text) { <p class="message" role="status">{{ text }}</p> }
      </form>
    </details>
  `,
  styles: `
    .progress { margin-top: 0.3rem; font-size: 0.8rem; }
    summary { cursor: pointer; color: #14213d; }
    form { display: flex; flex-direction: column; gap: 0.25rem; margin-top: 0.25rem; }
    label { display: flex; justify-content: space-between; gap: 0.4rem; }
    button { align-self: flex-start; border: 1px solid #14213d; background: #fff; color: #14213d; border-radius: 4px; padding: 0.15rem 0.6rem; cursor: pointer; }
    .message { color: #1c5e33; margin: 0; white-space: normal; }
    .failure { color: #a4161a; margin: 0; white-space: normal; }
  `,
})
export class WaveProgressForm {
  readonly initiativeId = input.required<string>();
  readonly wave = input.required<string>();
  /** "RET-1 w1", for the form's name. */
  readonly label = input.required<string>();
  /** When the plan has it under way, the form starts from that day. */
  readonly underwaySince = input<string | undefined>();
  private readonly api = inject(PlansApi);
  protected readonly today = localDate(new Date());
  protected readonly startedOn = signal('');
  protected readonly finishedOn = signal('');
  /** What is on record has been read: a save replaces both days, so it must start from them. */
  protected readonly loaded = signal(false);
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);

  /** Opened: the form starts from the progress on record (a finish included), else from the plan's start. */
  protected opened(event: Event): void {
    if (!(event.target as HTMLDetailsElement).open || this.loaded()) return;
    this.api.rollout(this.initiativeId()).subscribe({
      next: (rollout) => {
        const recorded = rollout.progress.find((p) => p.wave === this.wave());
        this.startedOn.set(recorded ? (recorded.startedOn ?? '') : (this.underwaySince() ?? ''));
        this.finishedOn.set(recorded?.finishedOn ?? '');
        this.loaded.set(true);
      },
      error: (error: unknown) => this.failure.set(refusal('The progress on record could not be read', problemOf(error), LABELS)),
    });
  }

  protected save(): void {
    this.failure.set(null);
    this.message.set(null);
    if (this.finishedOn() && !this.startedOn()) return this.failure.set('Not recorded: a wave that finished has a start; fill in Started on.');
    if (this.finishedOn() && this.finishedOn() < this.startedOn()) return this.failure.set('Not recorded: Finished on is before Started on.');
    this.saving.set(true);
    this.api.recordProgress(this.initiativeId(), this.wave(), { startedOn: this.startedOn() || null, finishedOn: this.finishedOn() || null }).subscribe({
      next: ({ startedOn, finishedOn }) => {
        this.saving.set(false);
        this.message.set(
          `Recorded: ${startedOn ? `began ${startedOn}${finishedOn ? `, finished ${finishedOn}` : ', still running'}` : 'not begun'}. The draft is recomputed from it.`,
        );
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.failure.set(refusal('Not recorded', problemOf(error), LABELS));
      },
    });
  }
}
