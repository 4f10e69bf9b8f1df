import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { InitiativeImport } from '@capstan/contracts';
import type { InitiativeWithPosture } from '../../core/initiatives-api';
import { Session } from '../../core/session';
import { RegisterInitiativeForm } from '../portfolio/register-initiative-form';
import { CsvImportPanel } from './csv-import-panel';

/** Intake: register initiatives one by one, or an inventory at once from CSV. */
@Component({
  selector: 'cap-intake-page',
  imports: [CsvImportPanel, RegisterInitiativeForm, RouterLink],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Intake</h1>
    @if (session.canWriteInitiatives()) {
      <cap-register-initiative-form (registered)="registered($event)" />
      @if (lastRegistered(); as initiative) {
        <p class="done" role="status">Registered <a [routerLink]="['/initiatives', initiative.id]">{{ initiative.key }} {{ initiative.name }}</a>; scoring will give it a posture in a moment.</p>
      }
      <cap-csv-import-panel (imported)="imported($event)" />
      @if (lastImport(); as job) {
        <p class="done">{{ job.rowsImported }} initiative(s) imported: see them on the <a routerLink="/">portfolio</a>.</p>
      }
    } @else {
      <p class="state">Your role can read the registry; registering and importing initiatives need the PMO or admin role.</p>
    }
  `,
  styles: `
    h1 { margin-top: 0; }
    .done { background: #e8f5e9; border-radius: 6px; padding: 0.5rem 0.75rem; margin: -0.75rem 0 1.5rem; }
    .state { padding: 1rem; background: #fff; border-radius: 8px; }
  `,
})
export class IntakePage {
  protected readonly session = inject(Session);
  protected readonly lastRegistered = signal<InitiativeWithPosture | null>(null);
  protected readonly lastImport = signal<InitiativeImport | null>(null);

  protected registered(initiative: InitiativeWithPosture): void {
    this.lastRegistered.set(initiative);
  }

  protected imported(job: InitiativeImport): void {
    this.lastImport.set(job);
  }
}
