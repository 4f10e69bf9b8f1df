import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import type { CostImportListItem } from '@capstan/contracts';
import { percent } from '../../core/display';

/**
 * The latest billing imports, newest first: what was loaded, by whom, as
 * pilot or production spend, and how it went — so a failed or half-mapped
 * import is seen by finance, not only by whoever sent it. Finance can reverse
 * one that ended (the wrong file, the wrong phase), or have its unallocated
 * spend mapped by the rules made since, giving the reason.
 */
@Component({
  selector: 'cap-import-history',
  imports: [DatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table aria-label="Billing imports">
      <thead>
        <tr>
          <th scope="col">Started</th><th scope="col">By</th><th scope="col">Spend</th><th scope="col">Status</th>
          <th scope="col" class="num">Imported</th><th scope="col" class="num">Rejected</th><th scope="col" class="num">Unallocated</th><th scope="col">Correction</th>
        </tr>
      </thead>
      <tbody>
        @for (job of imports(); track job.id) {
          <tr [attr.data-import]="job.id" [class.failed]="job.status === 'failed'">
            <td><time [attr.datetime]="job.createdAt">{{ job.createdAt | date: 'yyyy-MM-dd HH:mm' }}</time></td>
            <td>{{ job.requestedBy }}</td>
            <td>{{ job.phase }}</td>
            <td>
              {{ job.status }}@if (job.status === 'receiving' || job.status === 'processing') { ({{ percent(job.progress) }}) }
              @if (job.failure) { <div class="failure">{{ job.failure }}</div> }
            </td>
            <td class="num">{{ job.rowsImported }}</td>
            <td class="num">{{ job.rowsRejected }}</td>
            <td class="num">{{ job.rowsUnallocated }}</td>
            <td>
              @if (job.reversal; as reversal) {
                <div class="reversal" data-testid="reversal">
                  {{ reversal.status === 'reversed' ? 'reversed' : 'reversing' }} by {{ reversal.requestedBy }}: {{ reversal.reason }} ({{ reversal.entriesReversed }} entries)
                  @if (reversal.lastError) { <div class="failure">The last attempt failed ({{ reversal.lastError }}); it is tried again.</div> }
                </div>
              } @else if (canReverse() && (job.status === 'completed' || job.status === 'failed') && job.rowsImported > 0) {
                @if (job.reallocation; as reallocation) {
                  <div class="reversal" data-testid="reallocation">
                    {{ reallocation.status === 'reallocated' ? 'mapped again' : 'mapping again' }} by {{ reallocation.requestedBy }}: {{ reallocation.reason }}
                    ({{ reallocation.entriesReallocated }} entries mapped, {{ reallocation.entriesLeftUnallocated }} still unallocated)
                    @if (reallocation.entriesWithoutAttributes > 0) {
                      <div>{{ reallocation.entriesWithoutAttributes }} of them were imported before their accounts and tags were kept: no rule can map them (reverse the import and import the file again).</div>
                    }
                    @if (reallocation.lastError) { <div class="failure">The last attempt failed ({{ reallocation.lastError }}); it is tried again.</div> }
                  </div>
                }
                @let when = job.createdAt | date: 'yyyy-MM-dd HH:mm';
                @let asked = confirming();
                @if (asked?.id === job.id) {
                  <form class="reverse" (submit)="$event.preventDefault(); confirm(asked!, reason.value)">
                    <label>Why <input #reason required maxlength="500" [placeholder]="asked!.kind === 'reverse' ? 'the wrong month’s file' : 'rules for the platform team'" /></label>
                    <button type="submit">{{ asked!.kind === 'reverse' ? 'Reverse this import' : 'Map its unallocated spend' }}</button>
                    <button type="button" class="plain" (click)="confirming.set(null)">Cancel</button>
                  </form>
                } @else {
                  <button type="button" class="plain" (click)="confirming.set({ id: job.id, kind: 'reverse' })" [attr.aria-label]="'Reverse the import of ' + when">Reverse…</button>
                  @if (job.rowsUnallocated > 0 && job.reallocation?.status !== 'reallocating' && (job.reallocation?.entriesLeftUnallocated ?? 1) > (job.reallocation?.entriesWithoutAttributes ?? 0)) {
                    <button type="button" class="plain" (click)="confirming.set({ id: job.id, kind: 'reallocate' })" [attr.aria-label]="'Map again the unallocated spend of the import of ' + when">Map again…</button>
                  }
                }
              }
            </td>
          </tr>
        } @empty {
          <tr><td colspan="8">No billing export imported yet.</td></tr>
        }
      </tbody>
    </table>
  `,
  styles: `
    table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 4px #0002; border-radius: 8px; overflow: hidden; margin-bottom: 1.5rem; }
    th, td { text-align: left; padding: 0.45rem 0.7rem; border-bottom: 1px solid #eee; font-size: 0.85rem; vertical-align: top; }
    th { background: #f4f5f7; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.failed td { background: #fff1ee; }
    .failure { color: #a4161a; font-size: 0.8rem; max-width: 40rem; }
    .reversal { color: #6b4e00; font-size: 0.8rem; }
    form.reverse { display: flex; gap: 0.5rem; align-items: end; flex-wrap: wrap; margin-top: 0.35rem; }
    label { display: flex; flex-direction: column; font-size: 0.8rem; gap: 0.2rem; }
    button { border: 1px solid #14213d; background: #14213d; color: #fff; border-radius: 4px; padding: 0.25rem 0.7rem; cursor: pointer; font-size: 0.8rem; }
    button.plain { background: #fff; color: #14213d; }
  `,
})
export class ImportHistory {
  readonly imports = input.required<readonly CostImportListItem[]>();
  readonly canReverse = input(false);
  /** The reversal asked for, with its reason; the page sends it and reloads. */
  readonly reverse = output<{ id: string; reason: string }>();
  /** The re-allocation asked for (the rules in force map the import's unallocated spend), with its reason. */
  readonly reallocate = output<{ id: string; reason: string }>();
  protected readonly confirming = signal<{ id: string; kind: 'reverse' | 'reallocate' } | null>(null);

  protected confirm(asked: { id: string; kind: 'reverse' | 'reallocate' }, reason: string): void {
    if (!reason.trim()) return;
    this.confirming.set(null);
    (asked.kind === 'reverse' ? this.reverse : this.reallocate).emit({ id: asked.id, reason: reason.trim() });
  }
  protected readonly percent = percent;
}
