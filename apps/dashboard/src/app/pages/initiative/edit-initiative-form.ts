import { ChangeDetectionStrategy, Component, effect, inject, input, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import type { UpdateInitiative } from '@capstan/contracts';
import { INITIATIVE_STAGES, RISK_TIERS } from '@capstan/domain';
import { refusal } from '../../core/display';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture, type Problem } from '../../core/initiatives-api';

const FIELDS = ['name', 'summary', 'businessUnit', 'sponsor', 'stage', 'riskTier'] as const;
type Field = (typeof FIELDS)[number];
const LABELS: Record<Field, string> = { name: 'Name', summary: 'Summary', businessUnit: 'Business unit', sponsor: 'Sponsor', stage: 'Stage', riskTier: 'Risk tier' };

/**
 * Edits an initiative's profile against the version it was opened at
 * (If-Match). When someone else saved first, the save is refused (412), their
 * values are shown beside the user's, and nothing the user typed is lost:
 * saving again then applies the user's values over the newer version.
 */
@Component({
  selector: 'cap-edit-initiative-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="card" [formGroup]="form" (ngSubmit)="save()" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit profile</h2>
      <div class="row">
        <mat-form-field appearance="outline"><mat-label>Name</mat-label><input matInput formControlName="name" required maxlength="200" />
          @if (form.controls.name.hasError('required')) { <mat-error>A name is required</mat-error> }</mat-form-field>
        <mat-form-field appearance="outline"><mat-label>Business unit</mat-label><input matInput formControlName="businessUnit" required maxlength="100" />
          @if (form.controls.businessUnit.hasError('required')) { <mat-error>The business unit is required</mat-error> }</mat-form-field>
        <mat-form-field appearance="outline"><mat-label>Sponsor</mat-label><input matInput formControlName="sponsor" maxlength="200" /></mat-form-field>
        <mat-form-field appearance="outline" class="narrow"><mat-label>Stage</mat-label>
          <mat-select formControlName="stage">@for (option of stages; track option) { <mat-option [value]="option">{{ option }}</mat-option> }</mat-select></mat-form-field>
        <mat-form-field appearance="outline" class="narrow"><mat-label>Risk tier</mat-label>
          <mat-select formControlName="riskTier">@for (option of riskTiers; track option) { <mat-option [value]="option">{{ option }}</mat-option> }</mat-select></mat-form-field>
      </div>
      <mat-form-field appearance="outline" class="wide" floatLabel="always"><mat-label>Summary</mat-label><textarea matInput formControlName="summary" rows="2" maxlength="4000"></textarea></mat-form-field>
      @if (conflict().length) {
        <div class="conflict" role="alert" data-testid="edit-conflict">
          <strong>Someone saved a change while you were editing.</strong> Your edits are kept below; saving again puts them over the newer version.
          <ul>@for (item of conflict(); track item.field) { <li>{{ item.label }}: now “{{ item.theirs }}”@if (item.yours !== null) {, yours “{{ item.yours }}”}</li> }</ul>
        </div>
      }
      @if (failure(); as text) { <p class="failure" role="alert" data-testid="edit-failure">{{ text }}</p> }
      @if (message(); as text) { <p class="message" role="status">{{ text }}</p> }
      <button mat-flat-button type="submit" [disabled]="saving() || form.pristine">Save changes</button>
    </form>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .narrow { width: 11rem; }
    .wide { width: 100%; }
    .conflict { background: #fff4d6; border-radius: 6px; padding: 0.6rem 0.8rem; margin-bottom: 0.75rem; }
    .message { color: #1c5e33; }
    .failure { color: #a4161a; }
  `,
})
export class EditInitiativeForm {
  readonly initiative = input.required<InitiativeDetailWithPosture>();
  readonly etag = input.required<string>();
  readonly saved = output<void>();
  private readonly api = inject(InitiativesApi);
  protected readonly stages = INITIATIVE_STAGES;
  protected readonly riskTiers = RISK_TIERS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    summary: ['', Validators.maxLength(4000)],
    businessUnit: ['', [Validators.required, Validators.maxLength(100)]],
    sponsor: ['', Validators.maxLength(200)],
    stage: ['pilot' as (typeof INITIATIVE_STAGES)[number]],
    riskTier: ['minimal' as (typeof RISK_TIERS)[number]],
  });
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly conflict = signal<{ field: Field; label: string; theirs: string; yours: string | null }[]>([]);
  protected readonly message = signal<string | null>(null);
  /** The version the user's edits apply to: the one opened, or after a conflict the one they have seen. */
  private baseEtag = '';
  /** The values the user started from: a field that differs from these is one the user edited. */
  private original = {} as Record<Field, string>;

  constructor() {
    // A newer version (a live update, a save) refills the form, unless the user is mid-edit.
    effect(() => {
      const initiative = this.initiative();
      const etag = this.etag();
      if (this.form.dirty && this.baseEtag) return;
      this.baseEtag = etag;
      this.original = Object.fromEntries(FIELDS.map((field) => [field, initiative[field]])) as Record<Field, string>;
      this.form.reset(this.original as Record<Field, never>);
    });
  }

  private edited(): Field[] {
    const values = this.form.getRawValue();
    return FIELDS.filter((field) => values[field] !== this.original[field]);
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const values = this.form.getRawValue();
    const base = this.initiative();
    const edited = this.edited();
    if (!edited.length) return void this.message.set('Nothing to save: no field was changed.');
    // Only what the user changed is sent: a field someone else changed meanwhile stays theirs.
    const changes = Object.fromEntries(edited.map((field) => [field, values[field]])) as UpdateInitiative;
    this.saving.set(true);
    this.message.set(null);
    this.failure.set(null);
    this.api.update(base.id, changes, this.baseEtag).subscribe({
      next: () => {
        this.saving.set(false);
        this.conflict.set([]);
        this.form.markAsPristine();
        this.baseEtag = '';
        this.message.set('Saved.');
        this.saved.emit();
      },
      error: (error: unknown) => {
        const problem = problemOf(error);
        if (problem.status !== 412) {
          this.saving.set(false);
          this.message.set(null);
          this.conflict.set([]);
          // Shown, not set on the form: an invalid form would refuse the next Save without a word.
          return void this.failure.set(failureOf(problem));
        }
        // Someone saved first: show what they changed next to the user's values, keep the user's.
        this.api.getVersioned(base.id).subscribe({
          error: (reload: unknown) => {
            this.saving.set(false);
            this.failure.set(`Someone saved a change first, and it could not be loaded: ${failureOf(problemOf(reload))}`);
          },
          next: ({ initiative, etag }) => {
            this.saving.set(false);
            this.baseEtag = etag;
            const theirs = FIELDS.filter((field) => initiative[field] !== this.original[field]);
            this.conflict.set(
              theirs.map((field) => ({ field, label: LABELS[field], theirs: String(initiative[field]), yours: edited.includes(field) ? String(values[field]) : null })),
            );
            // Fields the user left alone now show the newer values; the user's own edits stay as typed.
            for (const field of theirs) {
              if (!edited.includes(field)) {
                this.original[field] = initiative[field];
                this.form.controls[field].setValue(initiative[field] as never);
              }
            }
          },
        });
      },
    });
  }
}

/** What a refused save tells the user: the reason, and each field the server named. */
function failureOf(problem: Problem): string {
  return refusal('Not saved', problem, LABELS);
}
