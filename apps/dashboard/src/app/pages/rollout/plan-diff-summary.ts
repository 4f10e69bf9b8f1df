import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { PlanDiffView } from '../../core/plans-api';

/** What changes from one plan to another: waves moved (and why), added and removed, weeks, value, contests. */
@Component({
  selector: 'cap-plan-diff-summary',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let d = diff();
    <p><strong>{{ d.moved.length }}</strong> wave(s) move: {{ d.weeksGained }} week(s) gained, {{ d.weeksLost }} lost; value {{ d.valueDelta >= 0 ? '+' : '' }}{{ d.valueDelta }} priority-weeks.
      {{ d.added.length }} added, {{ d.removed.length }} removed; contests {{ d.contestsCreated.length }} created, {{ d.contestsResolved.length }} resolved.</p>
    <ul>
      @for (m of d.moved; track m.initiativeId + m.wave) {
        <li>{{ m.initiativeKey }} {{ m.wave }} ({{ m.businessUnit }}): {{ m.from }} → {{ m.to }} ({{ m.weeks > 0 ? '+' : '' }}{{ m.weeks }} weeks)@if (m.because.length) { — {{ m.because[0] }}}</li>
      }
      @for (a of d.added; track a.initiativeId + a.wave) {
        <li>{{ a.initiativeKey }} {{ a.wave }} ({{ a.businessUnit }}): added, from {{ a.start }}</li>
      }
      @for (r of d.removed; track r.initiativeId + r.wave) {
        <li>{{ r.initiativeKey }} {{ r.wave }} ({{ r.businessUnit }}): no longer planned (was from {{ r.start }})</li>
      }
    </ul>
  `,
  styles: `
    ul { margin: 0.5rem 0; padding-left: 1.25rem; font-size: 0.85rem; }
  `,
})
export class PlanDiffSummary {
  readonly diff = input.required<PlanDiffView>();
}
