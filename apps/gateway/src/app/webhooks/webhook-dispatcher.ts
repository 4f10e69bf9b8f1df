import { Inject, Injectable, Logger, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';
import { signWebhook } from './webhook-signature';
import { postWebhook } from './webhook-post';
import { refusedTarget } from './webhook-targets';
import { WebhooksStore, type ClaimedDelivery } from './webhooks.store';

/** Longest wait between two attempts. */
const MAX_BACKOFF_MS = 60 * 60_000;

/**
 * Sends due deliveries: each on its own (a slow endpoint never holds up
 * another's), signed, with a timeout; a failure is retried with exponential
 * backoff and jitter until `maxAttempts`, every attempt logged. Deliveries are
 * claimed with a lease, so several gateways can send without sending twice.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WebhookDispatcher.name);
  private readonly inFlight = new Set<Promise<void>>();
  private running = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly store: WebhooksStore,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.running = true;
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    const settings = this.config.webhooks;
    while (this.running) {
      const free = settings.concurrency - this.inFlight.size;
      let claimed: ClaimedDelivery[] = [];
      if (free > 0) {
        // The lease outlasts the request's timeout, so no other sender takes a delivery still being tried.
        claimed = await this.store.claimDue(free, Math.ceil(settings.timeoutMs / 1000) + 30).catch((error: unknown) => {
          this.logger.warn(`Could not claim webhook deliveries: ${String(error)}`);
          return [];
        });
      }
      for (const delivery of claimed) {
        const sending: Promise<void> = this.send(delivery).finally(() => {
          this.inFlight.delete(sending);
          this.wake?.();
        });
        this.inFlight.add(sending);
      }
      if (claimed.length && claimed.length === free) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, settings.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  private async send(delivery: ClaimedDelivery): Promise<void> {
    const settings = this.config.webhooks;
    const started = performance.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const refused = await refusedTarget(delivery.url, settings.allowPrivateTargets, { resolve: false });
      if (refused) throw new Error(`the URL ${refused}`);
      const body = JSON.stringify(delivery.envelope);
      const timestamp = Math.floor(Date.now() / 1000);
      status = await postWebhook(
        delivery.url,
        {
          'content-type': 'application/json',
          'user-agent': 'Capstan-Webhooks/1',
          'capstan-event-id': delivery.envelope.id,
          'capstan-event-type': delivery.envelope.type,
          'capstan-delivery-id': delivery.id,
          'capstan-timestamp': String(timestamp),
          'capstan-signature': signWebhook(delivery.secret, timestamp, body),
        },
        body,
        { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivateTargets },
      );
      if (status < 200 || status > 299) error = `answered ${status}`;
    } catch (caught) {
      error = caught instanceof Error && (caught.name === 'TimeoutError' || caught.name === 'AbortError') ? `no answer within ${settings.timeoutMs} ms` : String((caught as Error).cause ?? caught);
    }
    const delivered = error === null;
    const attempt = delivery.attemptsSinceQueued + 1;
    const retryAt = delivered || attempt >= settings.maxAttempts ? null : new Date(Date.now() + backoff(settings.retryBaseMs, attempt));
    if (!delivered) {
      this.logger.warn(`Webhook delivery ${delivery.id} (${delivery.envelope.type}) to ${originOf(delivery.url)} failed: ${error}; ${retryAt ? `retrying at ${retryAt.toISOString()}` : 'giving up'}`);
    }
    await this.store
      .settle(delivery, { status, error, durationMs: performance.now() - started, delivered, retryAt })
      .catch((settleError: unknown) => this.logger.error(`Could not record webhook delivery ${delivery.id}: ${String(settleError)}`));
  }
}

/** base · 2^(attempt−1), at most an hour, ±20 % so that retries after an outage spread out. */
export function backoff(baseMs: number, attempt: number): number {
  const exact = Math.min(baseMs * 2 ** (attempt - 1), MAX_BACKOFF_MS);
  return Math.round(exact * (0.8 + Math.random() * 0.4));
}

/** A webhook URL as a log line shows it: its path may hold the receiver's secret (chat services put one there). */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return 'an invalid URL';
  }
}
