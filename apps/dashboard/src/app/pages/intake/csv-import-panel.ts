import { ChangeDetectionStrategy, Component, DestroyRef, inject, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatRadioModule } from '@angular/material/radio';
import { MatTableModule } from '@angular/material/table';
import type { ImportMode, InitiativeImport } from '@capstan/contracts';
import { ImportsApi } from '../../core/imports-api';
import { problemOf } from '../../core/initiatives-api';
import { decodeCsv, previewCsv, type CsvCharset, type CsvPreview } from './csv-preview';

const FINISHED = ['completed', 'rejected', 'failed'];
/** Status reads that may fail in a row (each waiting longer) before the panel stops and says so. */
const MAX_STATUS_FAILURES = 5;

/**
 * An inventory CSV: previewed in the browser (first rows, row count, what is
 * visibly wrong), then imported by intake in the background with progress and
 * every bad row's reasons. Nothing is sent until the import is started.
 */
@Component({
  selector: 'cap-csv-import-panel',
  imports: [FormsModule, MatButtonModule, MatProgressBarModule, MatRadioModule, MatTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="card" aria-labelledby="csv-title">
      <h2 id="csv-title">Import initiatives from CSV</h2>
      <p class="hint">Columns: <code>name</code> and <code>businessUnit</code> are required; <code>summary</code>, <code>sponsor</code>, <code>useCaseCategory</code>, <code>stage</code>, <code>riskTier</code>, <code>tags</code> (separated by <code>;</code>) and more are optional. An initiative whose business unit and name exist already is skipped, so a file can be imported again safely.</p>
      <label class="file">CSV file <input #file type="file" accept=".csv,text/csv" (change)="choose(file.files?.[0] ?? null)" /></label>

      @if (preview(); as shown) {
        <p class="summary" data-testid="preview-summary">{{ shown.total }} row(s) in {{ fileName() }}; the first {{ shown.rows.length }} below.</p>
        @for (problem of shown.problems; track problem) { <p class="error">{{ problem }}</p> }
        <div class="scroll">
          <table mat-table [dataSource]="shown.rows" aria-label="Preview of the CSV file">
            @for (column of shown.header; track $index; let index = $index) {
              <ng-container [matColumnDef]="'c' + index">
                <th mat-header-cell *matHeaderCellDef scope="col">{{ column }}</th>
                <td mat-cell *matCellDef="let row">{{ row[index] }}</td>
              </ng-container>
            }
            <tr mat-header-row *matHeaderRowDef="columnIds()"></tr>
            <tr mat-row *matRowDef="let row; columns: columnIds()"></tr>
          </table>
        </div>
        <mat-radio-group [(ngModel)]="mode" aria-label="When some rows are invalid" class="modes">
          <mat-radio-button value="all-or-nothing">Import nothing if any row is invalid</mat-radio-button>
          <mat-radio-button value="valid-rows">Import the valid rows, report the others</mat-radio-button>
        </mat-radio-group>
        <button mat-flat-button type="button" (click)="start()" [disabled]="busy() || !shown.total">Import {{ shown.total }} row(s)</button>
      }

      @if (job(); as current) {
        <div class="progress" role="status" data-testid="import-progress">
          <mat-progress-bar [mode]="current.status === 'receiving' ? 'indeterminate' : 'determinate'" [value]="finished(current) ? 100 : current.progress * 100" aria-label="Import progress" />
          <p>
            <strong>{{ statusText(current) }}</strong> — {{ current.rowsProcessed }} of {{ current.rowsTotal }} processed: {{ current.rowsImported }} imported,
            {{ current.rowsSkipped }} already present, {{ current.rowsInvalid }} invalid
          </p>
          @if (current.failure) { <p class="error">{{ current.failure }}</p> }
        </div>
        @if (current.errors.length) {
          <table mat-table [dataSource]="current.errors" aria-label="Rows that could not be imported" class="errors">
            <ng-container matColumnDef="row">
              <th mat-header-cell *matHeaderCellDef scope="col">Row</th>
              <td mat-cell *matCellDef="let error">{{ error.row }}</td>
            </ng-container>
            <ng-container matColumnDef="problems">
              <th mat-header-cell *matHeaderCellDef scope="col">What is wrong</th>
              <td mat-cell *matCellDef="let error">@for (problem of error.errors; track $index) { <div><code>{{ problem.field }}</code>: {{ problem.message }}</div> }</td>
            </ng-container>
            <tr mat-header-row *matHeaderRowDef="['row', 'problems']"></tr>
            <tr mat-row *matRowDef="let row; columns: ['row', 'problems']"></tr>
          </table>
        }
      }
      @if (error(); as message) { <p class="error" role="alert">{{ message }}</p> }
    </section>
  `,
  styles: `
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
    h2 { margin: 0 0 0.5rem; font-size: 1.05rem; }
    .hint { color: #4a5059; font-size: 0.85rem; max-width: 70rem; }
    .file { display: flex; flex-direction: column; gap: 0.25rem; font-size: 0.85rem; font-weight: 600; margin: 0.75rem 0; }
    .scroll { overflow-x: auto; max-width: 100%; margin: 0.5rem 0; }
    .modes { display: flex; flex-direction: column; margin: 0.5rem 0 0.75rem; }
    .progress { margin-top: 1rem; }
    .summary { font-weight: 600; }
    .error { color: #a4161a; }
    .errors { margin-top: 0.5rem; }
  `,
})
export class CsvImportPanel {
  private readonly api = inject(ImportsApi);
  private readonly destroyRef = inject(DestroyRef);
  /** An import finished with rows written. */
  readonly imported = output<InitiativeImport>();
  protected readonly preview = signal<CsvPreview | null>(null);
  protected readonly fileName = signal('');
  protected readonly columnIds = signal<string[]>([]);
  protected readonly job = signal<InitiativeImport | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected mode: ImportMode = 'all-or-nothing';
  private file: File | null = null;
  /** What the preview read the file in, named to the server so it reads it alike. */
  private charset: CsvCharset = 'utf-8';
  private poller?: ReturnType<typeof setTimeout>;

  constructor() {
    this.destroyRef.onDestroy(() => clearTimeout(this.poller));
  }

  protected async choose(file: File | null): Promise<void> {
    this.file = file;
    this.job.set(null);
    this.error.set(null);
    if (!file) return this.preview.set(null);
    const { text, charset } = decodeCsv(await file.arrayBuffer());
    this.charset = charset;
    const preview = previewCsv(text);
    this.fileName.set(file.name);
    this.columnIds.set(preview.header.map((_, index) => `c${index}`));
    this.preview.set(preview);
  }

  protected start(): void {
    if (!this.file) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.start(this.file, this.mode, this.charset).subscribe({
      next: (job) => this.follow(job),
      error: (error: unknown) => {
        this.busy.set(false);
        const problem = problemOf(error);
        this.error.set(problem.detail ?? problem.title);
      },
    });
  }

  protected finished(job: InitiativeImport): boolean {
    return FINISHED.includes(job.status);
  }

  protected statusText(job: InitiativeImport): string {
    return { receiving: 'Uploading', processing: 'Importing', completed: 'Imported', rejected: 'Rejected', failed: 'Failed' }[job.status];
  }

  /** Polls the import until it finishes; a passing hiccup is retried, a lasting failure is shown instead of spinning on. */
  private follow(job: InitiativeImport, failures = 0): void {
    // An answer arriving after the user left the page asks nothing more.
    if (this.destroyRef.destroyed) return;
    this.job.set(job);
    if (FINISHED.includes(job.status)) {
      this.busy.set(false);
      if (job.rowsImported > 0) this.imported.emit(job);
      return;
    }
    this.poller = setTimeout(
      () =>
        this.api.status(job.id).subscribe({
          next: (next) => this.follow(next),
          error: (error: unknown) => {
            const problem = problemOf(error);
            // Not found or not allowed will not change by asking again; anything else gets a few more tries.
            if ([403, 404].includes(problem.status) || failures + 1 >= MAX_STATUS_FAILURES) {
              this.busy.set(false);
              this.error.set(`The import's progress could not be read: ${problem.detail ?? problem.title}. It may still be running; reload the page to look again.`);
              return;
            }
            this.follow(job, failures + 1);
          },
        }),
      500 * (failures + 1),
    );
  }
}
