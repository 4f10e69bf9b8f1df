import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import { Session } from './session';

export interface LiveEvent {
  id: string;
  type: string;
  payload: unknown;
}

/** The gateway's server-sent events; EventSource reconnects by itself after a drop. */
@Injectable({ providedIn: 'root' })
export class LiveEvents {
  private readonly session = inject(Session);
  readonly connected = signal(false);

  subscribe(types: string[], listener: (event: LiveEvent) => void, destroyRef: DestroyRef): void {
    const token = this.session.token();
    if (!token) return;
    const source = new EventSource(`/api/v1/events?access_token=${encodeURIComponent(token)}`);
    source.onopen = () => this.connected.set(true);
    source.onerror = () => this.connected.set(false);
    for (const type of types) {
      source.addEventListener(type, (message) => listener(JSON.parse((message as MessageEvent<string>).data) as LiveEvent));
    }
    destroyRef.onDestroy(() => source.close());
  }
}
