import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';

const MINUTE_MS = 60_000;
/** Addresses remembered at once (the oldest window is forgotten first). */
const REMEMBERED = 10_000;

/**
 * Failed authentications per caller address per minute, counted per gateway
 * process. The rate limit counts a caller once it has authenticated; made-up
 * credentials never get that far, so they are counted here, against their
 * address — and only they are: a valid token behind the same proxy is never
 * held back by someone else's failures.
 */
@Injectable()
export class AuthFailures {
  private readonly windows = new Map<string, { started: number; count: number }>();
  private readonly limit: number;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.limit = config.rateLimitPerMinute;
  }

  /** Counts a failure from `address`; answers the seconds to wait when that address is past its minute's budget. */
  record(address: string, now = Date.now()): number | undefined {
    if (this.limit <= 0) return undefined;
    let window = this.windows.get(address);
    if (!window || now - window.started >= MINUTE_MS) {
      this.windows.delete(address);
      window = { started: now, count: 0 };
      this.windows.set(address, window);
      if (this.windows.size > REMEMBERED) this.windows.delete(this.windows.keys().next().value as string);
    }
    window.count++;
    return window.count > this.limit ? Math.max(1, Math.ceil((window.started + MINUTE_MS - now) / 1000)) : undefined;
  }
}
