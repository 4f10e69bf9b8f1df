import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Session } from './session';

export interface LiveEvent {
  id: string;
  type: string;
  payload: unknown;
}

/** Longest wait before opening a refused stream again. */
const MAX_RETRY_MS = 60_000;

/**
 * The gateway's server-sent events. EventSource reconnects by itself after a
 * drop, but with the URL it was given: once the gateway ends the stream at its
 * token's expiry, that reconnect is refused and EventSource gives up. Then the
 * stream is opened again with the session's token as it is now (backing off
 * while it is refused). Events sent while the stream was down are not sent
 * again: each time it opens again after a drop, `resync` reads the page anew.
 */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly session = inject(Session);
  readonly connected = signal(false);

  subscribe(types: string[], listener: (event: LiveEvent) => void, destroyRef: DestroyRef, resync: () => void): void {
    let source: EventSource | undefined;
    let opened = 0;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let delay = 5_000;
    let stopped = false;
    const open = () => {
      const token = this.session.token();
      if (!token || stopped) return;
      const stream = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
      source = stream;
      stream.onopen = () => {
        delay = 5_000;
        this.connected.set(true);
        if (opened++ > 0) resync();
      };
      stream.onerror = () => {
        this.connected.set(false);
        if (stream.readyState !== EventSource.CLOSED || stopped) return;
        retry = setTimeout(open, delay);
        delay = Math.min(delay * 2, MAX_RETRY_MS);
      };
      for (const type of types) {
        stream.addEventListener(type, (message) => listener(JSON.parse((message as MessageEvent<string>).data) as LiveEvent));
      }
    };
    open();
    destroyRef.onDestroy(() => {
      stopped = true;
      clearTimeout(retry);
      source?.close();
    });
  }
}
