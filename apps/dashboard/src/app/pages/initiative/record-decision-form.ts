import { ChangeDetectionStrategy, Component, inject, input, output, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormBuilder, FormGroupDirective, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { POSTURES, type Posture } from '@capstan/domain';
import type { RecordDecision } from '@capstan/contracts';
import { localMoment, refusal } from '../../core/display';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture } from '../../core/initiatives-api';
import { RequestKeys } from '../../core/request-keys';

const LABELS: Record<string, string> = {
  '(body)': 'Decision',
  decision: 'Decision',
  rationale: 'Rationale',
  scopeEnvelope: 'Scope envelope',
  'scopeEnvelope.businessUnits': 'Business units',
  'scopeEnvelope.users': 'Users',
  'scopeEnvelope.monthlySpendCap': 'Monthly spend cap',
  'scopeEnvelope.currency': 'Currency',
};

/**
 * The authorization committee's decision on an initiative: pause, controlled
 * investment within a scope envelope (the business units it may roll out to,
 * its users and a monthly spend cap), or authorized deployment, with the
 * rationale. Decisions are appended, never changed; a retried submission is
 * recorded once (Idempotency-Key).
 */
@Component({
  selector: 'cap-record-decision-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="card" [formGroup]="form" (ngSubmit)="save()" aria-labelledby="decision-title">
      <h2 id="decision-title">Record a committee decision</h2>
      <p class="hint">Scoring recommends <strong>{{ initiative().posture?.posture ?? 'no posture yet' }}</strong>; the committee decides, and a decision that diverges is shown as such.</p>
      <div class="row">
        <mat-form-field appearance="outline" class="narrow"><mat-label>Decision</mat-label>
          <mat-select formControlName="decision">@for (posture of postures; track posture) { <mat-option [value]="posture">{{ posture }}</mat-option> }</mat-select></mat-form-field>
      </div>
      @if (envelopeNeeded()) {
        <fieldset class="row" formGroupName="scope" aria-label="Scope envelope">
          <mat-form-field appearance="outline" class="wide-field"><mat-label>Business units (comma-separated)</mat-label>
            <input matInput formControlName="businessUnits" maxlength="2000" required />
            @if (scope.controls.businessUnits.invalid) { <mat-error>Name at least one business unit</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="narrow"><mat-label>Users</mat-label>
            <input matInput type="number" min="1" step="1" formControlName="users" required />
            @if (scope.controls.users.invalid) { <mat-error>A whole number of users, at least 1</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="narrow"><mat-label>Monthly spend cap</mat-label>
            <input matInput inputmode="decimal" formControlName="monthlySpendCap" placeholder="25000.00" required />
            @if (scope.controls.monthlySpendCap.invalid) { <mat-error>An amount such as 25000.00</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="tiny"><mat-label>Currency</mat-label>
            <input matInput formControlName="currency" maxlength="3" placeholder="EUR" required />
            @if (scope.controls.currency.invalid) { <mat-error>Three capital letters</mat-error> }</mat-form-field>
        </fieldset>
      }
      <mat-form-field appearance="outline" class="wide"><mat-label>Rationale</mat-label>
        <textarea matInput formControlName="rationale" rows="2" maxlength="4000" required></textarea>
        @if (form.controls.rationale.hasError('required')) { <mat-error>Say why: the decision is kept with its rationale</mat-error> }</mat-form-field>
      <!-- Live regions stay in the page, so a change of their text is announced. -->
      <p class="failure" role="alert" data-testid="decision-failure">{{ failure() }}</p>
      <p class="message" role="status">{{ message() }}</p>
      <button mat-flat-button type="submit" [disabled]="saving()">Record decision</button>
    </form>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.5rem; }
    .hint { font-size: 0.85rem; color: #4a5059; margin: 0 0 0.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; border: 0; padding: 0; margin: 0; }
    .narrow { width: 11rem; }
    .tiny { width: 7rem; }
    .wide-field { min-width: 22rem; }
    .wide { width: 100%; }
    .message { color: #1c5e33; }
    .failure { color: #a4161a; }
    p:empty { margin: 0; }
  `,
})
export class RecordDecisionForm {
  readonly initiative = input.required<InitiativeDetailWithPosture>();
  /** A decision was recorded: the page reloads the initiative. */
  readonly saved = output<void>();
  private readonly api = inject(InitiativesApi);
  private readonly formDirective = viewChild.required(FormGroupDirective);
  protected readonly postures = POSTURES;
  protected readonly saving = signal(false);
  protected readonly failure = signal('');
  protected readonly message = signal('');
  protected readonly envelopeNeeded = signal(true);
  /** One key per decision as sent: the same submission retried after a lost answer is recorded once, an edited one anew. */
  private readonly keys = new RequestKeys();
  private readonly builder = inject(FormBuilder).nonNullable;
  protected readonly scope = this.builder.group({
    businessUnits: ['', Validators.required],
    users: [null as number | null, [Validators.required, Validators.min(1), Validators.pattern(/^\d+$/)]],
    monthlySpendCap: ['', [Validators.required, Validators.pattern(/^\d{1,15}(\.\d{1,2})?$/)]],
    currency: ['', [Validators.required, Validators.pattern(/^[A-Z]{3}$/)]],
  });
  protected readonly form = this.builder.group({
    decision: ['controlled_investment' as Posture],
    rationale: ['', Validators.required],
    scope: this.scope,
  });

  constructor() {
    // The envelope applies to controlled investment only: otherwise its fields are set aside (disabled, so they do not count).
    this.form.controls.decision.valueChanges.pipe(takeUntilDestroyed()).subscribe((decision) => {
      const needed = decision === 'controlled_investment';
      this.envelopeNeeded.set(needed);
      if (needed) this.scope.enable();
      else this.scope.disable();
    });
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { decision, rationale } = this.form.getRawValue();
    const { businessUnits, users, monthlySpendCap, currency } = this.scope.getRawValue();
    const body: RecordDecision = {
      decision,
      rationale: rationale.trim(),
      ...(this.envelopeNeeded()
        ? {
            scopeEnvelope: {
              businessUnits: businessUnits.split(',').map((unit) => unit.trim()).filter(Boolean),
              users: Number(users),
              monthlySpendCap: monthlySpendCap.trim(),
              currency: currency.trim(),
            },
          }
        : {}),
    };
    this.saving.set(true);
    this.failure.set('');
    this.message.set('');
    this.api.recordDecision(this.initiative().id, body, this.keys.keyFor(body)).subscribe({
      next: (recorded) => {
        this.saving.set(false);
        this.keys.done();
        this.formDirective().resetForm({ ...this.form.getRawValue(), rationale: '' });
        this.message.set(`Recorded: ${recorded.decision} on ${localMoment(recorded.decidedAt)}.`);
        this.saved.emit();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const answered = problemOf(error);
        // Fields as the form names them: a business unit's place in the list is the list's.
        const problem = { ...answered, errors: answered.errors?.map((e) => ({ ...e, field: e.field.replace(/\.\d+$/, '') })) };
        // Unanswered or still being processed: the decision may be recorded; sending the same again is safe.
        const unsure = problem.status === 0 || problem.status === 409 || problem.status >= 500;
        this.failure.set(unsure ? `${refusal('Not confirmed', problem, LABELS)} · It may have been recorded: the page shows the decisions on record; submit the same again to make sure.` : refusal('Not recorded', problem, LABELS));
        if (unsure) this.saved.emit();
      },
    });
  }
}
