import { ChangeDetectionStrategy, Component, ElementRef, Injector, afterNextRender, computed, effect, inject, input, output, signal, untracked, viewChild } from '@angular/core';
import { FormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Observable } from 'rxjs';
import { RESPONSIBILITIES, type Responsibility } from '@capstan/domain';
import { refusal } from '../../core/display';
import { WriteBase } from '../../core/etags';
import { InitiativesApi, problemOf, type InitiativeDetailWithPosture } from '../../core/initiatives-api';
import { focusAfterRender } from '../../core/focus-after-render';

const OWNER_LABELS = { person: "Owner's name", team: "Owner's team" };

/**
 * The owner of each responsibility, and the gaps. Those who may change the
 * registry name, change or remove an owner, one responsibility at a time,
 * against the version of the initiative on screen (If-Match): a change someone
 * saved meanwhile refuses the write and reloads, so nobody's owner is replaced
 * unseen.
 */
@Component({
  selector: 'cap-initiative-owners',
  imports: [ReactiveFormsModule, MatButtonModule, MatFormFieldModule, MatInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="owners-title">
      <h2 id="owners-title">Owners <span class="coverage">{{ coverage() }} covered</span></h2>
      <table aria-label="Owners">
        <tbody>
          @for (responsibility of responsibilities; track responsibility) {
            <tr>
              <th scope="row">{{ responsibility }}</th>
              @if (initiative().owners[responsibility]; as owner) {
                <td>{{ owner.person }} · {{ owner.team }}</td>
              } @else {
                <td class="gap">Gap — no owner</td>
              }
              @if (editable()) {
                <td class="actions">
                  <button mat-button type="button" [attr.data-owner-action]="responsibility" [attr.aria-label]="(initiative().owners[responsibility] ? 'Change ' : 'Assign ') + responsibility" (click)="edit(responsibility)" [disabled]="busy()">
                    {{ initiative().owners[responsibility] ? 'Change' : 'Assign' }}
                  </button>
                  @if (initiative().owners[responsibility]) {
                    <button mat-button type="button" [attr.aria-label]="'Remove ' + responsibility" (click)="askRemove(responsibility)" [disabled]="busy()">Remove</button>
                  }
                </td>
              }
            </tr>
            @if (editing() === responsibility) {
              <tr>
                <td colspan="3">
                  <form class="owner-form" [formGroup]="form" (ngSubmit)="save(responsibility)" [attr.aria-label]="'Owner of ' + responsibility">
                    <mat-form-field appearance="outline"><mat-label>Owner's name</mat-label><input #person matInput formControlName="person" required maxlength="200" />
                      @if (form.controls.person.hasError('required')) { <mat-error>A name is required</mat-error> }</mat-form-field>
                    <mat-form-field appearance="outline"><mat-label>Owner's team</mat-label><input matInput formControlName="team" required maxlength="200" />
                      @if (form.controls.team.hasError('required')) { <mat-error>A team is required</mat-error> }</mat-form-field>
                    <button mat-flat-button type="submit" [disabled]="busy()">Save owner</button>
                    <button mat-button type="button" (click)="close(responsibility)">Cancel</button>
                  </form>
                </td>
              </tr>
            }
            @if (removing() === responsibility) {
              <tr>
                <td colspan="3" class="confirm" role="group" [attr.aria-label]="'Remove the owner of ' + responsibility">
                  Remove {{ initiative().owners[responsibility]?.person }} as {{ responsibility }}? The responsibility becomes a gap.
                  <button #confirm mat-flat-button type="button" (click)="remove(responsibility)" [disabled]="busy()">Remove owner</button>
                  <button mat-button type="button" (click)="close(responsibility)">Keep</button>
                </td>
              </tr>
            }
          }
        </tbody>
      </table>
      @if (failure(); as text) { <p class="failure" role="alert" data-testid="owner-failure">{{ text }}</p> }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; }
    h2 { font-size: 1.05rem; margin: 0 0 0.75rem; }
    table { width: 100%; border-collapse: collapse; font-size: 0.88rem; }
    th, td { text-align: left; padding: 0.35rem 0.5rem; border-bottom: 1px solid #eee; }
    .gap { color: #8a1c1c; font-weight: 600; white-space: nowrap; }
    .coverage { font-weight: 400; color: #555; font-size: 0.85rem; margin-left: 0.5rem; }
    .actions { white-space: nowrap; text-align: right; }
    .owner-form { display: flex; flex-wrap: wrap; gap: 0 0.75rem; align-items: baseline; }
    .confirm { background: #fff4d6; }
    .failure { color: #a4161a; }
  `,
})
export class InitiativeOwners {
  readonly initiative = input.required<InitiativeDetailWithPosture>();
  readonly etag = input.required<string>();
  readonly editable = input(false);
  /** An owner changed, or the initiative did meanwhile: the page reloads it. */
  readonly changed = output<void>();
  private readonly api = inject(InitiativesApi);
  protected readonly responsibilities = RESPONSIBILITIES;
  protected readonly editing = signal<Responsibility | null>(null);
  protected readonly removing = signal<Responsibility | null>(null);
  protected readonly busy = signal(false);
  protected readonly failure = signal<string | null>(null);
  /** The version a write is made against: the one on screen when the form opened (or the one this component last wrote). */
  private readonly writes = new WriteBase(() => this.etag());

  constructor() {
    effect(() => {
      const etag = this.etag();
      untracked(() => this.writes.reloaded(etag));
    });
  }
  private readonly injector = inject(Injector);
  private readonly personField = viewChild<ElementRef<HTMLInputElement>>('person');
  private readonly confirmButton = viewChild('confirm', { read: ElementRef<HTMLButtonElement> });
  protected readonly coverage = computed(() => `${Math.round(this.initiative().ownershipCoverage * 100)} %`);
  protected readonly form = inject(FormBuilder).nonNullable.group({
    person: ['', [Validators.required, Validators.maxLength(200)]],
    team: ['', [Validators.required, Validators.maxLength(200)]],
  });

  protected edit(responsibility: Responsibility): void {
    this.writes.open();
    const current = this.initiative().owners[responsibility];
    this.form.reset({ person: current?.person ?? '', team: current?.team ?? '' });
    this.removing.set(null);
    this.failure.set(null);
    this.editing.set(responsibility);
    // Keyboard users land in the form they opened.
    afterNextRender(() => this.personField()?.nativeElement.focus(), { injector: this.injector });
  }

  protected askRemove(responsibility: Responsibility): void {
    this.writes.open();
    this.editing.set(null);
    this.failure.set(null);
    this.removing.set(responsibility);
    afterNextRender(() => (this.confirmButton()?.nativeElement as HTMLButtonElement | undefined)?.focus(), { injector: this.injector });
  }

  private readonly focus = focusAfterRender();

  /** Closes the row's form or confirmation, the focus back on the row's Change (or Assign) button. */
  protected close(responsibility: Responsibility): void {
    this.editing.set(null);
    this.removing.set(null);
    this.focus(`button[data-owner-action="${responsibility}"]`);
  }

  protected save(responsibility: Responsibility): void {
    if (this.form.invalid) return this.form.markAllAsTouched();
    const { person, team } = this.form.getRawValue();
    this.write(this.api.assignOwner(this.initiative().id, responsibility, { person: person.trim(), team: team.trim() }, this.writes.current), `${responsibility} not saved`, responsibility);
  }

  protected remove(responsibility: Responsibility): void {
    this.write(this.api.removeOwner(this.initiative().id, responsibility, this.writes.current), `${responsibility} not removed`, responsibility);
  }

  private write(request: Observable<{ version: number }>, what: string, responsibility: Responsibility): void {
    this.busy.set(true);
    this.failure.set(null);
    request.subscribe({
      next: ({ version }) => {
        // The next write starts from this version, even before the page's reload brings it.
        this.writes.wrote(version);
        this.busy.set(false);
        this.close(responsibility);
        this.changed.emit();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        if (problem.status === 412) {
          this.failure.set(`${what}: someone changed this initiative meanwhile. It has been reloaded; check its owners and try again.`);
          this.removing.set(null);
          // Not `*` (no check at all): a retry is checked against the version the user sees next — on screen
          // already (a live reload came first), or the one the reload this sets going brings.
          this.writes.refused();
          this.changed.emit();
          return;
        }
        this.failure.set(refusal(what, problem, OWNER_LABELS));
      },
    });
  }
}
