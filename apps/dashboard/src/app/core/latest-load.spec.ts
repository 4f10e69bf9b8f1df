import { LatestLoad } from './latest-load';

/** A promise and the means to settle it from the test. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => ([resolve, reject] = [res, rej]));
  return { promise, resolve, reject };
}

describe(LatestLoad.name, () => {
  it('should show only the latest answer, and settle an overtaken load once the latest is shown', async () => {
    const loads = new LatestLoad();
    const shown: string[] = [];
    const [slow, fast] = [deferred<string>(), deferred<string>()];
    let overtakenSettled = false;
    const first = loads.run(() => slow.promise, (answer) => shown.push(answer), () => shown.push('failed')).then(() => (overtakenSettled = true));
    const second = loads.run(() => fast.promise, (answer) => shown.push(answer), () => shown.push('failed'));
    slow.resolve('old');
    await new Promise((done) => setTimeout(done, 0));
    // The old answer is not shown, and its load waits for the newer one.
    expect([shown, overtakenSettled]).toEqual([[], false]);
    fast.resolve('new');
    await Promise.all([first, second]);
    expect(shown).toEqual(['new']);
  });

  it('should say why only for the latest load, and ignore an overtaken failure', async () => {
    const loads = new LatestLoad();
    const said: string[] = [];
    const [failing, latest] = [deferred<string>(), deferred<string>()];
    const first = loads.run(() => failing.promise, (answer) => said.push(answer), () => said.push('failed'));
    const second = loads.run(() => latest.promise, (answer) => said.push(answer), () => said.push('failed'));
    failing.reject(new Error('gone'));
    latest.reject(new Error('down'));
    await Promise.all([first, second]);
    expect(said).toEqual(['failed']);
  });
});
