/**
 * Idempotency keys for a form's writes: one key per request body, so a retry of the same request (after a timeout,
 * say) is recognised and answered once, while a changed body is a new request rather than a reuse of the key the
 * gateway would refuse for up to a day. `done()` after a success: the same body sent again is then a new request.
 */
export class RequestKeys {
  private sent: { body: string; key: string } | null = null;

  keyFor(body: unknown): string {
    const json = JSON.stringify(body);
    if (this.sent?.body !== json) this.sent = { body: json, key: crypto.randomUUID() };
    return this.sent.key;
  }

  done(): void {
    this.sent = null;
  }
}
