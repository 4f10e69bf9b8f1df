/**
 * Loads of one view that overlap (a burst of live events, a form's save):
 * only the latest one's answer is shown, or a slow earlier one would put back
 * what a newer one replaced. Every load resolves once the latest answer is
 * shown, so a form that waits for its reload never says what it did before
 * the figures do.
 */
export class LatestLoad {
  private started = 0;
  private latest: Promise<void> = Promise.resolve();

  /** `read` asks; `show` puts its answer on screen, `fail` says why there is none — each for the latest load only. */
  run<T>(read: () => Promise<T>, show: (answer: T) => void, fail: (error: unknown) => void): Promise<void> {
    const load = ++this.started;
    // Overtaken, a load resolves with the newest one (read when it settles: a later one may have started since).
    const overtaken = () => load !== this.started;
    this.latest = read()
      .then((answer) => (overtaken() ? this.latest : show(answer)))
      .catch((error: unknown) => (overtaken() ? this.latest : fail(error)));
    return this.latest;
  }
}
