import { KeyedConcurrency } from './keyed-concurrency';

describe(KeyedConcurrency.name, () => {
  it('should keep tasks of one key in order while other keys overlap, within the limit', async () => {
    const limiter = new KeyedConcurrency(3, (error) => {
      throw error;
    });
    const log: string[] = [];
    let active = 0;
    let peak = 0;
    const task = (name: string, ms: number) => async () => {
      active++;
      peak = Math.max(peak, active);
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
      active--;
    };
    await limiter.schedule('a', task('a1', 30));
    await limiter.schedule('a', task('a2', 1));
    await limiter.schedule('b', task('b1', 5));
    await limiter.schedule('c', task('c1', 5));
    await limiter.schedule('d', task('d1', 5));
    await limiter.drain();
    expect(log.indexOf('end a1')).toBeLessThan(log.indexOf('start a2'));
    expect(log.indexOf('start b1')).toBeLessThan(log.indexOf('end a1'));
    expect(peak).toBeLessThanOrEqual(3);
    expect(log.filter((line) => line.startsWith('end'))).toHaveLength(5);
  });

  it('should report a failing task and carry on', async () => {
    const errors: unknown[] = [];
    const limiter = new KeyedConcurrency(2, (error) => errors.push(error));
    let ran = false;
    await limiter.schedule('k', () => Promise.reject(new Error('boom')));
    await limiter.schedule('k', async () => {
      ran = true;
    });
    await limiter.drain();
    expect(errors).toHaveLength(1);
    expect(ran).toBe(true);
  });

  it('should hold a task with several keys until every earlier task on any of them has finished', async () => {
    const limiter = new KeyedConcurrency(4, (error) => {
      throw error;
    });
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await new Promise((resolve) => setTimeout(resolve, ms));
      log.push(`end ${name}`);
    };
    await limiter.schedule('a', task('a', 30));
    await limiter.schedule('b', task('b', 5));
    await limiter.schedule(['a', 'b'], task('ab', 1));
    await limiter.schedule('b', task('b2', 1));
    await limiter.schedule('c', task('c', 1));
    await limiter.drain();
    expect(log.indexOf('start ab')).toBeGreaterThan(log.indexOf('end a'));
    expect(log.indexOf('start ab')).toBeGreaterThan(log.indexOf('end b'));
    expect(log.indexOf('start b2')).toBeGreaterThan(log.indexOf('end ab'));
    expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
  });
});
