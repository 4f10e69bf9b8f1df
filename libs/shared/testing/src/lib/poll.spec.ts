import { pollUntil } from './poll';

describe(pollUntil.name, () => {
  it('should return the first truthy value', async () => {
    let calls = 0;
    await expect(pollUntil(() => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('should time out naming what it waited for and the last error', async () => {
    await expect(
      pollUntil(() => Promise.reject(new Error('not yet')), { timeoutMs: 20, intervalMs: 5, what: 'the answer' }),
    ).rejects.toThrow(/waiting for the answer: Error: not yet/);
  });
});
