import type { ApiClient } from './http';
import { pollUntil } from './poll';

/** The newest draft once sequencing has recomputed one for a change whose trigger names `trigger`, other than `previousId`. */
export async function recomputedDraft<Plan extends { id: string; trigger: string }>(api: ApiClient, previousId: string, trigger: string, what: string): Promise<Plan> {
  return pollUntil(async () => {
    const { body } = await api.get<{ items: Plan[] }>('/api/v1/plans?kind=draft&limit=1');
    const [latest] = body.items;
    return latest && latest.id !== previousId && latest.trigger.includes(trigger) ? latest : undefined;
  }, { what });
}
