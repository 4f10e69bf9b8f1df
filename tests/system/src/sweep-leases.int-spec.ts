import { resolve } from 'node:path';
import type { PlanView } from '@capstan/contracts';
import { ApiClient, freePort, pollUntil, startTestSystem, type TestSystem, tokenFor } from '@capstan/testing';
import { thisMonday, weeksFrom } from './sequencing-weeks';

/**
 * Scheduled work with two replicas of a service: one replica leads each sweep
 * (here sequencing's draft refresh), the other stands by, and takes it over
 * when the leader crashes — the draft keeps following its inputs.
 */
describe('scheduled sweeps led by one replica', () => {
  let context: TestSystem;
  let pmo: ApiClient;
  /** Each sequencing process: its name in the test system and its metrics. */
  const replicas: { instance: string; metrics: string }[] = [];

  /** Whether the process serving these metrics leads `work` (1) or stands by (0). */
  const leading = async (url: string, work: string): Promise<number | undefined> => {
    const text = await fetch(url)
      .then((response) => response.text())
      .catch(() => '');
    const line = text.split('\n').find((l) => l.startsWith('capstan_work_leading{') && l.includes(`work="${work}"`));
    return line === undefined ? undefined : Number(line.split(' ').pop());
  };

  /** Waits for a draft recomputed because of `pool`, and returns every draft that says so. */
  const draftsFor = async (pool: string): Promise<PlanView[]> => {
    const trigger = `capacity pool ${pool} changed`;
    return pollUntil(
      async () => {
        const { body } = await pmo.get<{ items: PlanView[] }>('/api/v1/plans?kind=draft&limit=20');
        const drafts = body.items.filter((plan) => plan.trigger.includes(trigger));
        return drafts.length ? drafts : undefined;
      },
      { what: `a draft recomputed because ${trigger}` },
    );
  };

  beforeAll(async () => {
    const [firstPort, secondPort] = [await freePort(), await freePort()];
    context = await startTestSystem(resolve(__dirname, '../../..'), { SEQUENCING_PORT: String(firstPort), SEQUENCING_REFRESH_INTERVAL_MS: '200' });
    const { instance } = await context.system.startReplica('sequencing', secondPort);
    replicas.push({ instance: 'sequencing', metrics: `http://127.0.0.1:${firstPort}/metrics` }, { instance, metrics: `http://127.0.0.1:${secondPort}/metrics` });
    pmo = new ApiClient(context.system.gatewayUrl, await tokenFor(context.jwtSecret, ['pmo'], 'sweeps'));
  });

  afterAll(async () => {
    await context?.teardown();
  });

  it('should have one replica refresh the draft, and the other take over when it crashes', async () => {
    // Whichever started its lease first leads: the replica started second may win it on a busy machine.
    const [leader, standby] = await pollUntil(
      async () => {
        const states = await Promise.all(replicas.map((replica) => leading(replica.metrics, 'draft-refresh')));
        if (states[0] === 1 && states[1] === 0) return [replicas[0], replicas[1]];
        if (states[0] === 0 && states[1] === 1) return [replicas[1], replicas[0]];
        return undefined;
      },
      { what: 'one replica to lead the draft refresh and the other to stand by' },
    );

    expect((await pmo.post('/api/v1/plans', { startDate: weeksFrom(thisMonday(), 4) })).status).toBe(201);
    expect((await pmo.request('PUT', '/api/v1/capacity-pools/reviewers', { body: { name: 'Reviewers', capacityPerWeek: 3 } })).status).toBe(200);
    expect(await draftsFor('reviewers')).toHaveLength(1);

    await context.system.stop(leader.instance, 'SIGKILL');
    await pollUntil(async () => ((await leading(standby.metrics, 'draft-refresh')) === 1 ? true : undefined), { what: 'the standby replica to lead the draft refresh' });
    expect((await pmo.request('PUT', '/api/v1/capacity-pools/testers', { body: { name: 'Testers', capacityPerWeek: 2 } })).status).toBe(200);
    expect(await draftsFor('testers')).toHaveLength(1);
  });
});
