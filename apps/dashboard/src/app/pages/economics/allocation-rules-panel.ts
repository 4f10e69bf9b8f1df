import { ChangeDetectionStrategy, Component, inject, input, signal, type OnInit } from '@angular/core';
import { firstValueFrom } from 'rxjs';
import type { AllocationRuleInput, AllocationRuleView } from '@capstan/contracts';
import { CostsApi } from '../../core/costs-api';
import { focusAfterRender } from '../../core/focus-after-render';
import { problemOf } from '../../core/initiatives-api';

type MatchKind = 'tag' | 'billingAccountId' | 'subAccountId' | 'resourceIdPattern';

/**
 * The allocation rules that map billing rows to initiatives, in the order
 * they are tried. Finance adds one (a single condition; one initiative, or an
 * even split among several — fixed and proportional shares through the API)
 * and retires one; a rule never changes once made. Rules apply to imports
 * from then on; an earlier import's unallocated spend is mapped by "Map
 * again…" in its row of the billing imports.
 */
@Component({
  selector: 'cap-allocation-rules-panel',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <table aria-label="Allocation rules">
      <thead>
        <tr><th scope="col" class="num">Priority</th><th scope="col">Rule</th><th scope="col">Matches</th><th scope="col">Maps to</th><th scope="col">By</th>@if (canEdit()) {<th scope="col"><span class="visually-hidden">Retire</span></th>}</tr>
      </thead>
      <tbody>
        @for (rule of rules(); track rule.id) {
          <tr [attr.data-rule]="rule.name">
            <td class="num">{{ rule.priority }}</td>
            <td>{{ rule.name }}</td>
            <td>{{ describeMatch(rule) }}</td>
            <td>{{ describeTarget(rule) }}</td>
            <td>{{ rule.createdBy }}</td>
            @if (canEdit()) {
              <td>
                @if (confirming() === rule.id) {
                  <span role="group" [attr.aria-label]="'Retire the rule ' + rule.name + '?'" class="confirm">
                    <span>Retired for good: later imports leave what it maps unallocated.</span>
                    <button type="button" class="plain" (click)="retire(rule)" [disabled]="busy()">Retire it</button>
                    <button type="button" class="plain" (click)="keep(rule)">Keep it</button>
                  </span>
                } @else {
                  <button type="button" class="plain" [attr.data-retire]="rule.id" (click)="ask(rule)" [disabled]="busy()" [attr.aria-label]="'Retire the rule ' + rule.name">Retire</button>
                }
              </td>
            }
          </tr>
        } @empty {
          <tr><td [attr.colspan]="canEdit() ? 6 : 5">No allocation rule yet: imported spend stays unallocated.</td></tr>
        }
      </tbody>
    </table>
    @if (canEdit()) {
      <form class="card" aria-label="New allocation rule" (submit)="$event.preventDefault(); create(name.value, priority.value, kind.value, key.value, value.value, targets)">
        <label>Name <input #name required maxlength="200" placeholder="Claims platform" /></label>
        <label>Priority <input #priority type="number" min="0" step="1" value="100" class="short" /></label>
        <label
          >Matching
          <select #kind aria-label="Matching" (change)="matchKind.set($any(kind.value))">
            <option value="tag">a tag</option>
            <option value="billingAccountId">a billing account</option>
            <option value="subAccountId">a sub-account</option>
            <option value="resourceIdPattern">a resource id pattern (* for any run)</option>
          </select>
        </label>
        <label>{{ matchKind() === 'tag' ? 'Tag key' : 'Value' }} <input #key required maxlength="1000" /></label>
        <label [style.display]="matchKind() === 'tag' ? null : 'none'">Tag value (empty: any) <input #value maxlength="500" /></label>
        <label
          >Maps to (several: an even split)
          <select #targets multiple required size="4" aria-label="Maps to">
            @for (initiative of initiatives(); track initiative[0]) {
              <option [value]="initiative[0]">{{ initiative[1] }}</option>
            }
          </select>
        </label>
        <button type="submit" [disabled]="busy()">Add the rule</button>
      </form>
      <p class="hint">A rule maps imports from now on; for an earlier import, use "Map again…" in its row of the billing imports.</p>
    }
    @if (error(); as message) {
      <p class="error" role="alert">{{ message }}</p>
    }
  `,
  styles: `
    table { width: 100%; border-collapse: collapse; background: #fff; box-shadow: 0 1px 4px #0002; border-radius: 8px; overflow: hidden; margin-bottom: 1rem; }
    th, td { text-align: left; padding: 0.45rem 0.7rem; border-bottom: 1px solid #eee; font-size: 0.85rem; vertical-align: top; }
    th { background: #f4f5f7; font-weight: 600; }
    .num { text-align: right; font-variant-numeric: tabular-nums; }
    .card { background: #fff; border-radius: 8px; box-shadow: 0 1px 4px #0002; padding: 1rem 1.25rem; display: flex; gap: 1rem; align-items: end; flex-wrap: wrap; }
    label { display: flex; flex-direction: column; font-size: 0.85rem; gap: 0.25rem; }
    input.short { width: 6rem; }
    button { border: 1px solid #14213d; background: #14213d; color: #fff; border-radius: 4px; padding: 0.35rem 0.9rem; cursor: pointer; }
    button.plain { background: #fff; color: #14213d; font-size: 0.8rem; padding: 0.2rem 0.6rem; }
    .hint { color: #4a5059; font-size: 0.85rem; }
    .error { color: #a4161a; }
    .confirm { display: inline-flex; gap: 0.5rem; align-items: center; flex-wrap: wrap; }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
  `,
})
export class AllocationRulesPanel implements OnInit {
  private readonly costs = inject(CostsApi);
  /** Initiatives a rule may map to, as [id, name]. */
  readonly initiatives = input.required<readonly [string, string][]>();
  readonly canEdit = input(false);
  protected readonly rules = signal<AllocationRuleView[]>([]);
  protected readonly matchKind = signal<MatchKind>('tag');
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  ngOnInit(): void {
    void this.load();
  }

  protected describeMatch(rule: AllocationRuleView): string {
    const { tag, billingAccountId, subAccountId, resourceIdPattern } = rule.match;
    return [
      tag && (tag.value === undefined ? `tag ${tag.key} (any value)` : `tag ${tag.key} = ${tag.value}`),
      billingAccountId && `billing account ${billingAccountId}`,
      subAccountId && `sub-account ${subAccountId}`,
      resourceIdPattern && `resource id ${resourceIdPattern}`,
    ]
      .filter(Boolean)
      .join(' and ');
  }

  protected describeTarget(rule: AllocationRuleView): string {
    const names = new Map(this.initiatives());
    const name = (id: string) => names.get(id) ?? id;
    const { target } = rule;
    if (target.kind === 'initiative') return name(target.initiativeId);
    const parts = target.parts.map((part) => (target.method === 'even' ? name(part.initiativeId) : `${name(part.initiativeId)} ${part.share}${target.method === 'fixed' ? ' %' : ''}`));
    return `${target.method === 'even' ? 'split evenly' : target.method === 'fixed' ? 'split by fixed shares' : 'split in proportion'}: ${parts.join(', ')}`;
  }

  protected async create(name: string, priority: string, kind: string, key: string, value: string, targets: HTMLSelectElement): Promise<void> {
    const chosen = Array.from(targets.selectedOptions, (option) => option.value);
    if (!name.trim() || !key.trim() || !chosen.length) return void this.error.set('Give the rule a name, what it matches and at least one initiative.');
    const match: AllocationRuleInput['match'] =
      kind === 'tag' ? { tag: value.trim() ? { key: key.trim(), value: value.trim() } : { key: key.trim() } } : { [kind as Exclude<MatchKind, 'tag'>]: key.trim() };
    const rule: AllocationRuleInput = {
      name: name.trim(),
      priority: Number(priority || 100),
      match,
      target: chosen.length === 1 ? { kind: 'initiative', initiativeId: chosen[0] } : { kind: 'split', method: 'even', parts: chosen.map((initiativeId) => ({ initiativeId })) },
    };
    if (await this.act(() => firstValueFrom(this.costs.createAllocationRule(rule)))) {
      targets.form?.reset();
      this.matchKind.set('tag');
    }
  }

  /** The rule whose retirement waits for confirming: it cannot be undone. */
  protected readonly confirming = signal<string | null>(null);
  private readonly focus = focusAfterRender();

  protected ask(rule: AllocationRuleView): void {
    this.confirming.set(rule.id);
    // The confirmation takes the focus from the Retire button it replaces.
    this.focus('.confirm button');
  }

  protected keep(rule: AllocationRuleView): void {
    this.confirming.set(null);
    // Back to where the user was: the row's Retire button.
    this.focus(`button[data-retire="${rule.id}"]`);
  }

  protected async retire(rule: AllocationRuleView): Promise<void> {
    this.confirming.set(null);
    await this.act(() => firstValueFrom(this.costs.retireAllocationRule(rule.id)));
  }

  /** Whether the action was taken; the list is read again either way (someone else may have changed it). */
  private async act(action: () => Promise<unknown>): Promise<boolean> {
    this.busy.set(true);
    this.error.set(null);
    try {
      await action();
      return true;
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
      return false;
    } finally {
      await this.load();
      this.busy.set(false);
    }
  }

  private async load(): Promise<void> {
    try {
      const { items } = await firstValueFrom(this.costs.allocationRules());
      this.rules.set(items.filter((rule) => rule.retiredAt === null));
    } catch (error) {
      const problem = problemOf(error);
      this.error.set(problem.detail ?? problem.title);
    }
  }
}
