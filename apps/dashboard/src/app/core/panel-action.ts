import { HttpErrorResponse } from '@angular/common/http';
import { signal } from '@angular/core';
import { problemText } from './initiatives-api';

/**
 * A panel that lists something and changes it: busy while a change runs, its
 * problem said (field by field), and what it did said only once the list has
 * been read again, so the message never runs ahead of what is shown.
 */
export class PanelAction {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly done = signal<string | null>(null);

  /** `read` loads the panel's list; `what` names it in the error when it cannot be read. */
  constructor(
    private readonly what: string,
    private readonly read: () => Promise<void>,
  ) {}

  /** Says why a change cannot be made, without making it; false, for the caller to answer. */
  refuse(message: string): false {
    this.error.set(message);
    return false;
  }

  /**
   * Runs a change; `work` answers what it did. `rebase`, when someone changed the item first: with the list read
   * again, the open editor takes the version now stored and keeps the user's values, so Save replaces what they
   * saved (listed beside it) instead of being refused again and again.
   */
  async run(work: () => Promise<string>, rebase?: () => void): Promise<void> {
    this.busy.set(true);
    this.error.set(null);
    this.done.set(null);
    try {
      const done = await work();
      await this.reload();
      this.done.set(done);
    } catch (error) {
      // Refused because someone changed it first: the list is read again, so what they did is what is shown.
      const conflict = error instanceof HttpErrorResponse && error.status === 412;
      const reread = conflict && (await this.reload());
      // Refused, and what they saved could not be read either: both said, the editor left as it was.
      if (conflict && !reread) return void this.error.set(`${problemText(error)} ${this.error() ?? ''}`.trim());
      if (conflict && rebase) {
        rebase();
        this.error.set(`${problemText(error)} What they saved is listed; your changes are still in the form: save again to replace theirs, or cancel.`);
      } else this.error.set(problemText(error, { fields: true }));
    } finally {
      this.busy.set(false);
    }
  }

  /** Reads the list again; a failure is said, and the list shown stays. Whether it was read. */
  async reload(): Promise<boolean> {
    try {
      await this.read();
      return true;
    } catch (error) {
      this.error.set(`The ${this.what} could not be read: ${problemText(error)}`);
      return false;
    }
  }
}
