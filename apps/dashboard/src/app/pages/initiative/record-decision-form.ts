import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { POSTURES, type Posture } from '@capstan/domain';
import type { RecordDecision } from '@capstan/contracts';
import { refusal } from '../../core/display';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture } from '../../core/initiatives-api';

const LABELS: Record<string, string> = {
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
      @if (form.controls.decision.value === 'controlled_investment') {
        <fieldset class="row" aria-label="Scope envelope">
          <mat-form-field appearance="outline" class="wide-field"><mat-label>Business units (comma-separated)</mat-label>
            <input matInput formControlName="businessUnits" maxlength="2000" />
            @if (form.controls.businessUnits.hasError('required')) { <mat-error>Name at least one business unit</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="narrow"><mat-label>Users</mat-label>
            <input matInput type="number" min="1" step="1" formControlName="users" />
            @if (form.controls.users.invalid) { <mat-error>A whole number of users, at least 1</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="narrow"><mat-label>Monthly spend cap</mat-label>
            <input matInput inputmode="decimal" formControlName="monthlySpendCap" placeholder="25000.00" />
            @if (form.controls.monthlySpendCap.invalid) { <mat-error>An amount such as 25000.00</mat-error> }</mat-form-field>
          <mat-form-field appearance="outline" class="tiny"><mat-label>Currency</mat-label>
            <input matInput formControlName="currency" maxlength="3" placeholder="EUR" />
            @if (form.controls.currency.invalid) { <mat-error>Three capital letters</mat-error> }</mat-form-field>
        </fieldset>
      }
      <mat-form-field appearance="outline" class="wide"><mat-label>Rationale</mat-label>
        <textarea matInput formControlName="rationale" rows="2" maxlength="4000" required></textarea>
        @if (form.controls.rationale.hasError('required')) { <mat-error>Say why: the decision is kept with its rationale</mat-error> }</mat-form-field>
      @if (failure(); as text) { <p class="failure" role="alert" data-testid="decision-failure">{{ text }}</p> }
      @if (message(); as text) { <p class="message" role="status">{{ text }}</p> }
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
  `,
})
export class RecordDecisionForm {
  readonly initiative = input.required<InitiativeDetailWithPosture>();
  /** A decision was recorded: the page reloads the initiative. */
  readonly saved = output<void>();
  private readonly api = inject(InitiativesApi);
  protected readonly postures = POSTURES;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  /** One key per decision being entered: a submission retried after a lost answer is recorded once. */
  private idempotencyKey = crypto.randomUUID();
  protected readonly form = inject(FormBuilder).nonNullable.group({
    decision: ['controlled_investment' as Posture],
    rationale: ['', Validators.required],
    businessUnits: [''],
    users: [null as number | null, [Validators.min(1), Validators.pattern(/^\d+$/)]],
    monthlySpendCap: ['', Validators.pattern(/^\d{1,15}(\.\d{1,2})?$/)],
    currency: ['', Validators.pattern(/^[A-Z]{3}$/)],
  });

  protected save(): void {
    const { decision, rationale, businessUnits, users, monthlySpendCap, currency } = this.form.getRawValue();
    const envelope = decision === 'controlled_investment';
    // The envelope's fields are required only for controlled investment.
    for (const [control, needed] of [[this.form.controls.businessUnits, envelope], [this.form.controls.users, envelope], [this.form.controls.monthlySpendCap, envelope], [this.form.controls.currency, envelope]] as const) {
      if (needed && (control.value === null || control.value === '')) control.setErrors({ required: true });
    }
    if (this.form.invalid) return this.form.markAllAsTouched();
    const body: RecordDecision = {
      decision,
      rationale: rationale.trim(),
      ...(envelope
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
    this.failure.set(null);
    this.message.set(null);
    this.api.recordDecision(this.initiative().id, body, this.idempotencyKey).subscribe({
      next: (recorded) => {
        this.saving.set(false);
        this.idempotencyKey = crypto.randomUUID();
        this.form.controls.rationale.reset('');
        this.message.set(`Recorded: ${recorded.decision} on ${recorded.decidedAt.slice(0, 10)}.`);
        this.saved.emit();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        this.failure.set(refusal('Not recorded', problemOf(error), LABELS));
      },
    });
  }
}
