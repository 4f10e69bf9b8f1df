import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { Posture } from '@capstan/domain';

const LABELS: Record<Posture, { text: string; icon: string }> = {
  pause: { text: 'Pause', icon: '‖' },
  controlled_investment: { text: 'Controlled investment', icon: '◐' },
  authorize_deployment: { text: 'Authorize deployment', icon: '✓' },
};

/** A posture as icon and text, never colour alone. */
@Component({
  selector: 'cap-posture-badge',
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (posture(); as value) {
      <span class="badge" [class]="value" [attr.data-posture]="value"><span aria-hidden="true">{{ label().icon }}</span> {{ label().text }}</span>
    } @else {
      <span class="badge pending" data-posture="pending">Scoring…</span>
    }
  `,
  styles: `
    .badge { display: inline-block; padding: 0.15rem 0.6rem; border-radius: 999px; font-size: 0.85rem; white-space: nowrap; border: 1px solid; }
    .pause { background: #fde8e8; color: #8a1c1c; }
    .controlled_investment { background: #fff4d6; color: #6b4e00; }
    .authorize_deployment { background: #e3f5e8; color: #1c5e33; }
    .pending { background: #eee; color: #444; }
  `,
})
export class PostureBadge {
  readonly posture = input<Posture | null>(null);
  protected readonly label = computed(() => LABELS[this.posture() ?? 'pause']);
}
