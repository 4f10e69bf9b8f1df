/** The later of two ETags of one initiative (`"7"`), for a write that must start from the newest version seen; `*` loses. */
export function newerEtag(a: string, b: string): string {
  const version = (etag: string) => Number(/^(?:W\/)?"(\d+)"$/.exec(etag)?.[1] ?? -1);
  return version(b) > version(a) ? b : a;
}

/**
 * The version a form's writes are checked against (If-Match): the one on screen when the form opened, then the one
 * it last wrote. After a 412, the version the user sees next — on screen already where a live reload came first,
 * else the one the reload brings. Never `*`, which would skip the check and let a retry overwrite what changed.
 */
export class WriteBase {
  private base = '*';
  private followReload = false;

  /** `shown`: the version on screen. */
  constructor(private readonly shown: () => string) {}

  get current(): string {
    return this.base;
  }

  /** The form opens: from the newer of the version on screen and the one last written. */
  open(): void {
    this.base = newerEtag(this.shown(), this.base);
  }

  /** Written as `version`: the next write starts from it, even before the page's reload brings it. */
  wrote(version: number): void {
    this.base = newerEtag(this.shown(), `"${version}"`);
  }

  /** Refused with 412 (the page reloads). */
  refused(): void {
    const shown = this.shown();
    if (shown !== this.base && newerEtag(shown, this.base) === shown) this.base = shown;
    else this.followReload = true;
  }

  /** The page shows `etag` now. */
  reloaded(etag: string): void {
    if (!this.followReload) return;
    this.followReload = false;
    this.base = etag;
  }
}
