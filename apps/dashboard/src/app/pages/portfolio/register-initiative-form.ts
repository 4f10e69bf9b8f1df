import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { INITIATIVE_STAGES, RISK_TIERS } from '@capstan/domain';
import { InitiativesApi, problemOf, type InitiativeWithPosture } from '../../core/initiatives-api';
import { RequestKeys } from '../../core/request-keys';

type Field = 'name' | 'businessUnit' | 'sponsor' | 'stage' | 'riskTier';

/**
 * Registers an initiative. Required and length rules are checked as the user
 * types; what only intake can judge comes back as problem+json and is shown
 * at the field it concerns. A retry of the same submission reuses its
 * Idempotency-Key, so a double click registers once.
 */
@Component({
  selector: 'cap-register-initiative-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="register" [formGroup]="form" (ngSubmit)="submit()" aria-labelledby="register-title">
      <h2 id="register-title">Register an initiative</h2>
      <div class="row">
        <mat-form-field appearance="outline">
          <mat-label>Name</mat-label>
          <input matInput formControlName="name" required maxlength="200" />
          @if (form.controls.name.hasError('required')) { <mat-error>A name is required</mat-error> }
          @if (form.controls.name.hasError('server')) { <mat-error>{{ form.controls.name.getError('server') }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Business unit</mat-label>
          <input matInput formControlName="businessUnit" required maxlength="100" />
          @if (form.controls.businessUnit.hasError('required')) { <mat-error>The business unit is required</mat-error> }
          @if (form.controls.businessUnit.hasError('server')) { <mat-error>{{ form.controls.businessUnit.getError('server') }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline">
          <mat-label>Sponsor</mat-label>
          <input matInput formControlName="sponsor" maxlength="200" />
          @if (form.controls.sponsor.hasError('server')) { <mat-error>{{ form.controls.sponsor.getError('server') }}</mat-error> }
        </mat-form-field>
        <mat-form-field appearance="outline" class="narrow">
          <mat-label>Stage</mat-label>
          <mat-select formControlName="stage">
            @for (option of stages; track option) { <mat-option [value]="option">{{ option }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <mat-form-field appearance="outline" class="narrow">
          <mat-label>Risk tier</mat-label>
          <mat-select formControlName="riskTier">
            @for (option of riskTiers; track option) { <mat-option [value]="option">{{ option }}</mat-option> }
          </mat-select>
        </mat-form-field>
        <button mat-flat-button type="submit" [disabled]="saving()">Register</button>
      </div>
      @if (errors().length) {
        <ul class="errors" role="alert">
          @for (error of errors(); track $index) { <li>{{ error }}</li> }
        </ul>
      }
    </form>
  `,
  styles: `
    .register { background: #fff; padding: 1rem 1.25rem 0.25rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; margin-bottom: 1.5rem; }
    h2 { margin: 0 0 0.75rem; font-size: 1.05rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; align-items: baseline; }
    .narrow { width: 11rem; }
    .errors { color: #a4161a; margin: 0 0 0.75rem; }
  `,
})
export class RegisterInitiativeForm {
  private readonly api = inject(InitiativesApi);
  readonly registered = output<InitiativeWithPosture>();
  protected readonly stages = INITIATIVE_STAGES;
  protected readonly riskTiers = RISK_TIERS;
  protected readonly form = inject(FormBuilder).nonNullable.group({
    name: ['', [Validators.required, Validators.maxLength(200)]],
    businessUnit: ['', [Validators.required, Validators.maxLength(100)]],
    sponsor: ['', Validators.maxLength(200)],
    stage: ['pilot' as (typeof INITIATIVE_STAGES)[number]],
    riskTier: ['minimal' as (typeof RISK_TIERS)[number]],
  });
  protected readonly saving = signal(false);
  /** Problems that belong to no field shown here. */
  protected readonly errors = signal<string[]>([]);
  /** One key per registration as sent: the same submission retried after a lost answer registers once, an edited one anew. */
  private readonly keys = new RequestKeys();

  protected submit(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { sponsor, ...rest } = this.form.getRawValue();
    this.saving.set(true);
    const body = { ...rest, ...(sponsor.trim() ? { sponsor } : {}) };
    this.api.register(body, this.keys.keyFor(body)).subscribe({
      next: (initiative) => {
        this.saving.set(false);
        this.errors.set([]);
        this.form.reset({ businessUnit: rest.businessUnit, stage: rest.stage, riskTier: rest.riskTier });
        this.keys.done();
        this.registered.emit(initiative);
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = problemOf(error);
        const unplaced: string[] = [];
        for (const fieldError of problem.errors ?? []) {
          const control = this.form.controls[fieldError.field as Field] as (typeof this.form.controls)[Field] | undefined;
          if (control) {
            control.setErrors({ server: fieldError.message });
            control.markAsTouched();
          } else unplaced.push(`${fieldError.field}: ${fieldError.message}`);
        }
        this.errors.set(problem.errors?.length ? unplaced : [problem.detail ?? problem.title]);
      },
    });
  }
}
