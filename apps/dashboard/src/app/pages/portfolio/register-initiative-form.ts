import { ChangeDetectionStrategy, Component, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { INITIATIVE_STAGES, RISK_TIERS } from '@capstan/domain';
import { InitiativesApi, problemOf, type InitiativeWithPosture } from '../../core/initiatives-api';

@Component({
  selector: 'cap-register-initiative-form',
  imports: [FormsModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="register" (ngSubmit)="submit()" aria-labelledby="register-title">
      <h2 id="register-title">Register an initiative</h2>
      <div class="row">
        <label>Name <input name="name" [(ngModel)]="name" required maxlength="200" /></label>
        <label>Business unit <input name="businessUnit" [(ngModel)]="businessUnit" required maxlength="100" /></label>
        <label>Stage
          <select name="stage" [(ngModel)]="stage">
            @for (option of stages; track option) { <option [value]="option">{{ option }}</option> }
          </select>
        </label>
        <label>Risk tier
          <select name="riskTier" [(ngModel)]="riskTier">
            @for (option of riskTiers; track option) { <option [value]="option">{{ option }}</option> }
          </select>
        </label>
        <button type="submit" [disabled]="saving()">Register</button>
      </div>
      @if (errors().length) {
        <ul class="errors" role="alert">
          @for (error of errors(); track $index) { <li>{{ error }}</li> }
        </ul>
      }
    </form>
  `,
  styles: `
    .register { background: #fff; padding: 1rem 1.25rem; border-radius: 8px; box-shadow: 0 1px 4px #0002; margin-bottom: 1.5rem; }
    h2 { margin: 0 0 0.75rem; font-size: 1.05rem; }
    .row { display: flex; flex-wrap: wrap; gap: 1rem; align-items: flex-end; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; font-weight: 600; gap: 0.25rem; }
    input, select { padding: 0.35rem; font: inherit; font-weight: normal; }
    button { padding: 0.45rem 1.25rem; background: #14213d; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
    .errors { color: #a4161a; margin: 0.75rem 0 0; }
  `,
})
export class RegisterInitiativeForm {
  private readonly api = inject(InitiativesApi);
  readonly registered = output<InitiativeWithPosture>();
  protected readonly stages = INITIATIVE_STAGES;
  protected readonly riskTiers = RISK_TIERS;
  protected name = '';
  protected businessUnit = '';
  protected stage: (typeof INITIATIVE_STAGES)[number] = 'pilot';
  protected riskTier: (typeof RISK_TIERS)[number] = 'minimal';
  protected readonly saving = signal(false);
  protected readonly errors = signal<string[]>([]);
  private idempotencyKey = crypto.randomUUID();

  protected submit(): void {
    this.saving.set(true);
    this.api
      .register({ name: this.name, businessUnit: this.businessUnit, stage: this.stage, riskTier: this.riskTier }, this.idempotencyKey)
      .subscribe({
        next: (initiative) => {
          this.saving.set(false);
          this.errors.set([]);
          this.name = '';
          this.idempotencyKey = crypto.randomUUID();
          this.registered.emit(initiative);
        },
        error: (error: unknown) => {
          this.saving.set(false);
          const problem = problemOf(error);
          this.errors.set(problem.errors?.map((e) => `${e.field}: ${e.message}`) ?? [problem.detail ?? problem.title]);
        },
      });
  }
}
