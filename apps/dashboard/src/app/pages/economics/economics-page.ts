import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, type OnInit } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import type { BudgetStatus, CostImport, CostImportListItem, CostSummary, FxConversionView } from '@capstan/contracts';
import { CostsApi, type CsvTable } from '../../core/costs-api';
import { saveCsv } from '../../core/csv-download';
import { InitiativesApi, problemOf } from '../../core/initiatives-api';
import { LiveEvents } from '../../core/live-events';
import { Session } from '../../core/session';
import { AllocationRulesPanel } from './allocation-rules-panel';
import { BudgetForm, draftOf, type BudgetDraft } from './budget-form';
import { ExchangeRatesPanel, type RateDraft } from './exchange-rates-panel';
import { ImportHistory } from './import-history';
import { SpendChart } from './spend-chart';
import { burnPercent, money, otherCurrencyNotes, percent, reachedBudget } from '../../core/display';
import { LatestLoad } from '../../core/latest-load';

/** How often the page looks again while entries are being converted to the reporting currency. */
const CONVERSION_WATCH_MS = 2_000;

/**
 * Finance's view: spend by initiative (unallocated kept visible) and by
 * category, billed and effective; budgets against actuals with burn; and the
 * FOCUS billing import. Amounts are shown as the exact decimal strings the
 * API returns, never through floating point.
 */
@Component({
  selector: 'cap-economics-page',
  imports: [AllocationRulesPanel, BudgetForm, ExchangeRatesPanel, ImportHistory, MatProgressBarModule, RouterLink, SpendChart],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1>Production economics</h1>

    @if (session.canImportCosts()) {
      <section class="card" aria-label="Import a billing export">
        <h2>Import a FOCUS billing export</h2>
        <form (submit)="$event.preventDefault(); upload(file.files?.[0] ?? null, currency.value, phase, again)">
          <label>Export (CSV) <input #file type="file" accept=".csv,text/csv" required /></label>
          <label>Currency, when the export has none <input #currency maxlength="3" placeholder="USD" pattern="[A-Z]{3}" /></label>
          <label
            >Its spend is
            <select #phase>
              <option value="production" selected>production</option>
              <option value="pilot">pilot</option>
            </select>
          </label>
          <label><input #again type="checkbox" /> even if this file was imported before (its spend counts twice)</label>
          <button type="submit" [disabled]="uploading()">Import</button>
        </form>
        @if (importing(); as job) {
          <mat-progress-bar class="status" mode="determinate" [value]="job.status === 'completed' ? 100 : job.progress * 100" aria-label="Billing import progress" />
          <p class="status" role="status" data-testid="import-status">
            {{ job.status }} ({{ job.phase }} spend) — {{ job.rowsImported }} rows imported, {{ job.rowsRejected }} rejected, {{ job.rowsUnallocated }} unallocated ({{ percent(job.progress) }})
          </p>
          @for (error of job.errors.slice(0, 5); track error.row) {
            <p class="error">Row {{ error.row }}: {{ error.message }}</p>
          }
        }
      </section>
    }

    @if (loadError(); as message) {
      <p class="state error" role="alert">The figures could not be read: {{ message }}</p>
    }
    @if (error(); as message) {
      <p class="state error" role="alert">{{ message }}</p>
    }

    <section class="card" aria-labelledby="over-time-title">
      <h2 id="over-time-title">Spend over time</h2>
      @if (byMonth().length) {
        <cap-spend-chart [byMonth]="byMonth()" />
      } @else {
        <p>{{ noCosts() }}</p>
      }
      <h3>Pilot and production</h3>
      <table aria-label="Spend by phase">
        <thead><tr><th scope="col">Phase</th><th scope="col">Currency</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Effective</th></tr></thead>
        <tbody>
          @for (group of byPhase(); track group.key + group.currency) {
            <tr><td>{{ group.key }}</td><td>{{ group.currency }}</td><td class="num">{{ money(group.billedCost) }}</td><td class="num">{{ money(group.effectiveCost) }}</td></tr>
          } @empty {
            <tr><td colspan="4">{{ noCosts() }}</td></tr>
          }
        </tbody>
      </table>
    </section>

    @if (reporting(); as total) {
      <section class="card" aria-labelledby="reporting-title">
        <h2 id="reporting-title">All currencies, in {{ total.groups[0]?.currency ?? 'the reporting currency' }}</h2>
        <p class="hint">Each entry converted at the exchange rate of its charge date, once; later rates never re-price it.</p>
        <table aria-label="Spend by phase in the reporting currency">
          <thead><tr><th scope="col">Phase</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Effective</th></tr></thead>
          <tbody>
            @for (group of total.groups; track group.key) {
              <tr><td>{{ group.key }}</td><td class="num">{{ money(group.billedCost) }} {{ group.currency }}</td><td class="num">{{ money(group.effectiveCost) }} {{ group.currency }}</td></tr>
            } @empty { <tr><td colspan="3">{{ noCosts() }}</td></tr> }
          </tbody>
        </table>
        @for (waiting of total.unconverted ?? []; track waiting.currency) {
          <p class="waiting" data-testid="unconverted"><span aria-hidden="true">⚠</span> {{ waiting.entries }} {{ waiting.currency }} entr{{ waiting.entries === 1 ? 'y' : 'ies' }} ({{ money(waiting.billedCost) }} {{ waiting.currency }}) wait for an exchange rate and are not in these totals.
            @if (session.canImportCosts()) { <button type="button" class="plain" (click)="fxDraft.set({ currency: waiting.currency, date: '', rate: '', source: '' })">Record a {{ waiting.currency }} rate…</button> }
          </p>
        }
      </section>
    }
    @for (conversion of conversions(); track conversion.id) {
      <p class="waiting" role="status" data-testid="conversion">
        Converting {{ conversion.currency ? conversion.currency + ' entries of ' + conversion.from + ' to ' + conversion.through : 'the ledger' }} at the rates recorded:
        {{ conversion.progress === null ? 'finding the entries' : percent(conversion.progress) }}, {{ conversion.entriesConverted }} converted so far.
        @if (conversion.lastError) { <span class="error">The last attempt failed ({{ conversion.lastError }}); it is tried again.</span> }
      </p>
    }

    <section class="card" aria-labelledby="rates-title">
      <h2 id="rates-title">Exchange rates</h2>
      <cap-exchange-rates-panel [canRecord]="session.canImportCosts()" [reload]="reload" [revision]="loads()" [(draft)]="fxDraft" />
    </section>

    <div class="table-head"><h2>Spend by initiative</h2><button type="button" class="csv" (click)="exportCsv('capstan-spend-by-initiative.csv', '/api/v1/costs/summary', { groupBy: 'initiative' })" aria-label="Download spend by initiative as CSV">CSV</button></div>
    <table aria-label="Spend by initiative">
      <thead><tr><th scope="col">Initiative</th><th scope="col">Currency</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Effective</th></tr></thead>
      <tbody>
        @for (group of byInitiative(); track group.key + group.currency) {
          <tr [attr.data-initiative]="group.key">
            <td>
              @if (group.key === 'unallocated') { <em>Unallocated</em> } @else {
                <a [routerLink]="['/initiatives', group.key]">{{ names().get(group.key) ?? group.key }}</a>
              }
            </td>
            <td>{{ group.currency }}</td>
            <td class="num">{{ money(group.billedCost) }}</td>
            <td class="num">{{ money(group.effectiveCost) }}</td>
          </tr>
        } @empty {
          <tr><td colspan="4">{{ noCosts() }}</td></tr>
        }
      </tbody>
    </table>

    <div class="table-head"><h2>Spend by category</h2><button type="button" class="csv" (click)="exportCsv('capstan-spend-by-category.csv', '/api/v1/costs/summary', { groupBy: 'category' })" aria-label="Download spend by category as CSV">CSV</button></div>
    <table aria-label="Spend by category">
      <thead><tr><th scope="col">Category</th><th scope="col">Currency</th><th scope="col" class="num">Billed</th><th scope="col" class="num">Effective</th></tr></thead>
      <tbody>
        @for (group of byCategory(); track group.key + group.currency) {
          <tr><td>{{ group.key }}</td><td>{{ group.currency }}</td><td class="num">{{ money(group.billedCost) }}</td><td class="num">{{ money(group.effectiveCost) }}</td></tr>
        } @empty {
          <tr><td colspan="4">{{ noCosts() }}</td></tr>
        }
      </tbody>
    </table>

    <div class="table-head"><h2>Budgets</h2><button type="button" class="csv" (click)="exportCsv('capstan-budgets.csv', '/api/v1/budgets')" aria-label="Download budgets as CSV">CSV</button></div>
    <table aria-label="Budgets">
      <thead><tr><th scope="col">Initiative</th><th scope="col">Month</th><th scope="col">Category</th><th scope="col" class="num">Budget</th><th scope="col" class="num">Actual</th><th scope="col" class="num">Burn</th><th scope="col">Alerts</th>@if (session.canImportCosts()) {<th scope="col"><span class="visually-hidden">Change</span></th>}</tr></thead>
      <tbody>
        @for (budget of budgets(); track budget.initiativeId + budget.period + budget.category + budget.currency) {
          <tr [class.over]="reachedBudget(budget.burn)">
            <td><a [routerLink]="['/initiatives', budget.initiativeId]">{{ names().get(budget.initiativeId) ?? budget.initiativeId }}</a></td>
            <td>{{ budget.period }}</td>
            <td>{{ budget.category }}</td>
            <td class="num">{{ money(budget.budget) }} {{ budget.currency }}</td>
            <td class="num">{{ money(budget.actual) }} {{ budget.currency }}
              @for (note of otherCurrencyNotes(budget); track $index) { <div class="other-currency">{{ note }}</div> }
            </td>
            <td class="num">{{ burnPercent(budget.burn) }}</td>
            <td>{{ budget.crossed.length ? 'crossed ' + budget.crossed.join(', ') : '' }}</td>
            @if (session.canImportCosts()) {
              <td><button type="button" class="plain" (click)="budgetDraft.set(draftOf(budget))" [attr.aria-label]="'Change the ' + budget.category + ' budget of ' + (names().get(budget.initiativeId) ?? budget.initiativeId) + ' for ' + budget.period">Change…</button></td>
            }
          </tr>
        } @empty {
          <tr><td [attr.colspan]="session.canImportCosts() ? 8 : 7">{{ loads() ? 'No budgets set.' : noCosts() }}</td></tr>
        }
      </tbody>
    </table>
    @if (session.canImportCosts()) {
      <cap-budget-form class="budget-form" [initiatives]="initiativeNames()" [budgets]="budgets()" [reload]="reload" [(draft)]="budgetDraft" />
    }

    @if (imports(); as latest) {
      <div class="table-head"><h2>Billing imports</h2><button type="button" class="csv" (click)="exportCsv('capstan-billing-imports.csv', '/api/v1/cost-imports', { limit: '200' })" aria-label="Download billing imports as CSV">CSV</button></div>
      <cap-import-history [imports]="latest" [canReverse]="session.canImportCosts()" (reverse)="correctImport('reverse', $event.id, $event.reason)" (reallocate)="correctImport('reallocate', $event.id, $event.reason)" />
    }

    <h2>Allocation rules</h2>
    <cap-allocation-rules-panel [initiatives]="initiativeNames()" [canEdit]="session.canImportCosts()" />
  `,
  styles: `
    .other-currency { color: #6b4e00; font-size: 0.8rem; }
    h1 { margin-top: 0; }
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; margin-bottom: 1.5rem; }
    .card h2 { margin-top: 0; font-size: 1.1rem; }
    .card h3 { font-size: 0.95rem; margin: 1rem 0 0.5rem; }
    .hint { color: #4a5059; font-size: 0.85rem; margin-top: 0; }
    .waiting { color: #6b4e00; font-size: 0.9rem; }
    .card table { box-shadow: none; margin-bottom: 0; }
    form { display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    button { border: 1px solid #14213d; background: #14213d; color: #fff; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 4px #0002; border-radius: 8px; overflow: hidden; margin-bottom: 1.5rem; }
    th, td { text-align: left; padding: 0.45rem 0.7rem; border-bottom: 1px solid #eee; font-size: 0.85rem; }
    th { background: #f4f5f7; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    tr.over td { background: #fff1ee; }
    .budget-form { display: block; margin: -0.75rem 0 1.5rem; }
    button.plain { background: #fff; color: #14213d; font-size: 0.8rem; padding: 0.2rem 0.6rem; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
    .status { margin: 0.75rem 0 0; }
    .error { color: #a4161a; margin: 0.25rem 0; }
    .state { padding: 1rem; background: #fff; border-radius: 8px; }
  `,
})
export class EconomicsPage implements OnInit {
  protected readonly session = inject(Session);
  private readonly costs = inject(CostsApi);
  private readonly initiatives = inject(InitiativesApi);
  private readonly live = inject(LiveEvents);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly byInitiative = signal<CostSummary['groups']>([]);
  protected readonly byCategory = signal<CostSummary['groups']>([]);
  protected readonly byMonth = signal<CostSummary['groups']>([]);
  protected readonly byPhase = signal<CostSummary['groups']>([]);
  protected readonly reporting = signal<CostSummary | null>(null);
  protected readonly conversions = signal<FxConversionView[]>([]);
  private watching?: ReturnType<typeof setTimeout>;
  protected readonly budgets = signal<BudgetStatus[]>([]);
  protected readonly importing = signal<CostImport | null>(null);
  /** The latest imports; null when they could not be read (the rest of the page still shows). */
  protected readonly imports = signal<readonly CostImportListItem[] | null>(null);
  protected readonly uploading = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly initiativeNames = signal<[string, string][]>([]);
  protected readonly names = computed(() => new Map(this.initiativeNames()));
  protected readonly percent = percent;
  protected readonly burnPercent = burnPercent;
  protected readonly reachedBudget = reachedBudget;
  protected readonly otherCurrencyNotes = otherCurrencyNotes;
  protected readonly money = money;
  protected readonly draftOf = draftOf;
  /** The budget finance is setting or changing, if any. */
  protected readonly budgetDraft = signal<BudgetDraft | null>(null);
  protected readonly reload = () => this.load();
  /** The exchange rate finance is recording, if any. */
  protected readonly fxDraft = signal<RateDraft | null>(null);
  /** Bumped by every load of the page, for the panels that read on their own to read again. */
  protected readonly loads = signal(0);
  /** Why the last load failed; cleared by the next that succeeds (other failures stay in `error`). */
  protected readonly loadError = signal<string | null>(null);
  /** An empty table's words: nothing recorded only once the figures were read. */
  protected readonly noCosts = computed(() => (this.loads() ? 'No costs recorded yet.' : this.loadError() ? 'Not read.' : 'Reading…'));

  ngOnInit(): void {
    void this.load();
    this.live.subscribe(['cost.recorded', 'cost.imported', 'budget.threshold_crossed', 'budget.burn_changed'], () => void this.load(), this.destroyRef, () => void this.load());
    this.destroyRef.onDestroy(() => clearTimeout(this.watching));
  }

  /** The table as the gateway exports it: every row, amounts exact to the last digit. */
  protected exportCsv(fileName: string, path: CsvTable, params: Record<string, string> = {}): void {
    this.costs.csv(path, params).subscribe({
      next: (csv) => saveCsv(fileName, csv),
      error: (error: unknown) => this.error.set(`The export failed: ${problemOf(error).detail ?? problemOf(error).title}`),
    });
  }

  protected async upload(file: File | null, currency: string, phase: HTMLSelectElement, again: HTMLInputElement): Promise<void> {
    if (!file) return;
    this.uploading.set(true);
    this.error.set(null);
    try {
      let job = await firstValueFrom(this.costs.importFocus(file, currency.trim().toUpperCase() || null, phase.value === 'pilot' ? 'pilot' : 'production', again.checked));
      // Production is the usual case, and a file once: the next export is not booked as a pilot's, or twice, by a choice left over.
      phase.value = 'production';
      again.checked = false;
      this.importing.set(job);
      while (job.status === 'receiving' || job.status === 'processing') {
        await new Promise((done) => setTimeout(done, 500));
        // The page was left: the import goes on without it, and no one is here to be shown its progress.
        if (this.destroyRef.destroyed) return;
        job = await firstValueFrom(this.costs.importStatus(job.id));
        this.importing.set(job);
      }
      await this.load();
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
    } finally {
      this.uploading.set(false);
    }
  }

  /**
   * Asks for an import's reversal, or for its unallocated spend to be mapped by the rules in force, then follows it
   * until it is done (the page reloads as it goes).
   */
  protected async correctImport(kind: 'reverse' | 'reallocate', id: string, reason: string): Promise<void> {
    this.error.set(null);
    const going = (job: CostImport) =>
      kind === 'reverse' ? job.reversal?.status === 'reversing' && !job.reversal.lastError : job.reallocation?.status === 'reallocating' && !job.reallocation.lastError;
    try {
      let job = await firstValueFrom(kind === 'reverse' ? this.costs.reverseImport(id, reason) : this.costs.reallocateImport(id, reason));
      await this.load();
      // Followed while it goes on; once an attempt fails the list shows why, and live events tell when it ends.
      while (going(job) && !this.destroyRef.destroyed) {
        await new Promise((done) => setTimeout(done, 1_000));
        job = await firstValueFrom(this.costs.importStatus(id));
        await this.load();
      }
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
    }
  }

  private readonly loadsOf = new LatestLoad();

  /** Reads the page's figures; resolves once they are shown (forms wait for it before saying what they did). */
  private load(): Promise<void> {
    return this.loadsOf.run(
      async () => {
        const [initiatives, byInitiative, byCategory, byMonth, byPhase, budgets] = await Promise.all([
          firstValueFrom(this.initiatives.list()),
          firstValueFrom(this.costs.summary('initiative')),
          firstValueFrom(this.costs.summary('category')),
          firstValueFrom(this.costs.summary('month')),
          firstValueFrom(this.costs.summary('phase')),
          firstValueFrom(this.costs.budgets()),
        ]);
        // Converted totals are a summary beside the rest: without them the page still shows.
        const [reporting, conversions, imports] = await Promise.all([
          firstValueFrom(this.costs.summary('phase', undefined, true)).catch(() => null),
          firstValueFrom(this.costs.conversions()).catch(() => null),
          firstValueFrom(this.costs.imports()).catch(() => null),
        ]);
        return { initiatives, byInitiative, byCategory, byMonth, byPhase, budgets, reporting, conversions, imports };
      },
      (read) => {
        this.reporting.set(read.reporting);
        this.conversions.set(read.conversions?.items ?? []);
        this.imports.set(read.imports?.items ?? null);
        // A conversion under way moves the converted totals with no event to say so: the page looks again until it is done.
        // Not once the page is left: a load still under way then would start a watch no destroy hook clears.
        if (this.conversions().length && this.watching === undefined && !this.destroyRef.destroyed) {
          this.watching = setTimeout(() => {
            this.watching = undefined;
            void this.load();
          }, CONVERSION_WATCH_MS);
        }
        this.byMonth.set(read.byMonth.groups);
        this.byPhase.set(read.byPhase.groups);
        this.initiativeNames.set(read.initiatives.items.map((i) => [i.id, `${i.key} ${i.name}`]));
        this.byInitiative.set(read.byInitiative.groups);
        this.byCategory.set(read.byCategory.groups);
        this.budgets.set(read.budgets.items);
        this.loadError.set(null);
        this.loads.update((n) => n + 1);
      },
      (error) => {
        const problem = problemOf(error);
        this.loadError.set(problem.detail ?? problem.title);
      },
    );
  }
}
