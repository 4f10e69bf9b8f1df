import { ChangeDetectionStrategy, Component, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { EVIDENCE_STATUSES, criterionTitle, type CriterionId } from '@capstan/domain';
import { localDate, refusal } from '../../core/display';
import { WriteBase } from '../../core/etags';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture } from '../../core/initiatives-api';
import { Session } from '../../core/session';

const LABELS: Record<string, string> = { criterionId: 'Criterion', status: 'Status', evidence: 'Evidence', attestedBy: 'Attested by', attestedAt: 'Attested on', expiresAt: 'Expires on' };

/**
 * Attests evidence for one stabilization criterion — the criteria the caller
 * may attest (engineering: those of its own systems) — against the version of
 * the initiative on screen (If-Match). Choosing a criterion fills in what is
 * on record for it; a refused save names the field and keeps what was typed.
 */
@Component({
  selector: 'cap-attest-evidence-form',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule, MatSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <form class="card" [formGroup]="form" (ngSubmit)="save()" aria-labelledby="attest-title">
      <h2 id="attest-title">Attest evidence</h2>
      <div class="row">
        <mat-form-field appearance="outline" class="criterion"><mat-label>Criterion</mat-label>
          <mat-select formControlName="criterionId" (selectionChange)="fill($event.value)" required>
            @for (id of criteria(); track id) { <mat-option [value]="id">{{ title(id) }} ({{ id }})</mat-option> }
          </mat-select>
          @if (form.controls.criterionId.hasError('required')) { <mat-error>Choose a criterion</mat-error> }</mat-form-field>
        <mat-form-field appearance="outline" class="narrow"><mat-label>Status</mat-label>
          <mat-select formControlName="status">@for (status of statuses; track status) { <mat-option [value]="status">{{ status }}</mat-option> }</mat-select></mat-form-field>
        <mat-form-field appearance="outline"><mat-label>Attested by</mat-label><input matInput formControlName="attestedBy" required maxlength="200" />
          @if (form.controls.attestedBy.hasError('required')) { <mat-error>Who vouches for it is required</mat-error> }</mat-form-field>
        <mat-form-field appearance="outline" class="narrow" floatLabel="always"><mat-label>Attested on</mat-label><input matInput type="date" formControlName="attestedAt" [max]="today" /></mat-form-field>
        <mat-form-field appearance="outline" class="narrow" floatLabel="always"><mat-label>Expires on</mat-label><input matInput type="date" formControlName="expiresAt" /></mat-form-field>
      </div>
      <mat-form-field appearance="outline" class="wide" floatLabel="always"><mat-label>Evidence</mat-label>
        <textarea matInput formControlName="evidence" rows="2" maxlength="4000" placeholder="A link to the runbook, the approval record, the dashboard…"></textarea></mat-form-field>
      @if (failure(); as text) { <p class="failure" role="alert" data-testid="attest-failure">{{ text }}</p> }
      @if (message(); as text) { <p class="message" role="status">{{ text }}</p> }
      <button mat-flat-button type="submit" [disabled]="saving()">Record evidence</button>
    </form>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    .row { display: flex; flex-wrap: wrap; gap: 0 1rem; }
    .criterion { min-width: 22rem; }
    .narrow { width: 11rem; }
    .wide { width: 100%; }
    .message { color: #1c5e33; }
    .failure { color: #a4161a; }
  `,
})
export class AttestEvidenceForm {
  readonly initiative = input.required<InitiativeDetailWithPosture>();
  readonly etag = input.required<string>();
  /** Evidence was recorded, or the initiative changed meanwhile: the page reloads it. */
  readonly saved = output<void>();
  private readonly api = inject(InitiativesApi);
  protected readonly criteria = inject(Session).attestableCriteria;
  protected readonly statuses = EVIDENCE_STATUSES;
  protected readonly saving = signal(false);
  protected readonly failure = signal<string | null>(null);
  protected readonly message = signal<string | null>(null);
  /** The version a save is made against: the one on screen when the criterion was chosen (or the one last recorded here). */
  private readonly writes = new WriteBase(() => this.etag());

  protected readonly today = localDate(new Date());
  private readonly recorded = computed(() => new Map(this.initiative().evidence.map((e) => [e.criterionId, e])));
  protected readonly form = inject(FormBuilder).nonNullable.group({
    criterionId: ['', Validators.required],
    status: ['established' as (typeof EVIDENCE_STATUSES)[number]],
    evidence: [''],
    attestedBy: ['', [Validators.required, Validators.maxLength(200)]],
    attestedAt: [''],
    expiresAt: [''],
  });

  constructor() {
    effect(() => {
      const etag = this.etag();
      untracked(() => this.writes.reloaded(etag));
    });
  }

  protected title(id: CriterionId): string {
    return criterionTitle(id);
  }

  /** What is on record for the criterion, to change; a fresh attestation otherwise. */
  protected fill(criterionId: string): void {
    this.writes.open();
    const current = this.recorded().get(criterionId);
    // An expiry already past is the usual reason to attest again: it is not carried over.
    const expiry = current?.expiresAt && Date.parse(current.expiresAt) > Date.now() ? localDate(new Date(current.expiresAt)) : '';
    this.form.patchValue({
      status: current?.status ?? 'established',
      evidence: current?.evidence ?? '',
      attestedBy: current?.attestedBy ?? this.form.controls.attestedBy.value,
      attestedAt: '',
      expiresAt: expiry,
    });
    this.failure.set(null);
    this.message.set(null);
  }

  protected save(): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { criterionId, status, evidence, attestedBy, attestedAt, expiresAt } = this.form.getRawValue();
    this.message.set(null);
    const today = localDate(new Date());
    const attested = attestedAt || today;
    if (expiresAt && expiresAt <= attested) {
      return this.failure.set(`Not recorded: Expires on must be after ${attestedAt ? 'Attested on' : 'today'}; evidence that has lapsed counts as absent.`);
    }
    this.saving.set(true);
    this.failure.set(null);
    // Dates are the user's calendar days: midnight where they are (today: now, which is never "in the future").
    const body = { status, evidence, attestedBy, ...(attestedAt && attestedAt !== today ? { attestedAt: localMidnight(attestedAt) } : {}), expiresAt: expiresAt ? localMidnight(expiresAt) : null };
    this.api.recordEvidence(this.initiative().id, criterionId, body, this.writes.current).subscribe({
      next: ({ version }) => {
        this.writes.wrote(version);
        this.saving.set(false);
        this.message.set(`Recorded: ${criterionTitle(criterionId as CriterionId)} ${status}.`);
        this.saved.emit();
      },
      error: (error: unknown) => {
        this.saving.set(false);
        const problem = problemOf(error);
        if (problem.status === 412) {
          // Not `*` (no check at all): a retry is checked against the version the user sees next — on screen
          // already (a live reload came first), or the one the reload this sets going brings.
          this.writes.refused();
          this.failure.set('Not recorded: someone changed this initiative meanwhile. It has been reloaded; check its evidence and record again.');
          this.saved.emit();
          return;
        }
        this.failure.set(refusal('Not recorded', problem, LABELS));
      },
    });
  }
}

/** The start of a calendar day where the user is, as an instant. */
function localMidnight(day: string): string {
  return new Date(`${day}T00:00:00`).toISOString();
}
