import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { CostImportListItem } from '@capstan/contracts';
import { percent } from '../../core/display';

/**
 * The latest billing imports, newest first: what was loaded, by whom, as
 * pilot or production spend, and how it went — so a failed or half-mapped
 * import is seen by finance, not only by whoever sent it.
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
          <th scope="col" class="num">Imported</th><th scope="col" class="num">Rejected</th><th scope="col" class="num">Unallocated</th>
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
          </tr>
        } @empty {
          <tr><td colspan="7">No billing export imported yet.</td></tr>
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
  `,
})
export class ImportHistory {
  readonly imports = input.required<readonly CostImportListItem[]>();
  protected readonly percent = percent;
}
