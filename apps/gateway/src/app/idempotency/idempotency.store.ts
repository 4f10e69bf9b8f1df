import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { GATEWAY_CONFIG, type GatewayConfig } from '../config/gateway-config';

export type Reservation =
  | { kind: 'reserved' }
  | { kind: 'replay'; status: number; body: unknown; location: string | null; etag: string | null }
  | { kind: 'in_flight' }
  | { kind: 'mismatch' };

const KEEP_HOURS = 24;

/**
 * First-response storage for `Idempotency-Key` (IETF httpapi draft): the first
 * request with a key reserves it; repeats replay the stored response, a repeat
 * while the first is running gets 409, and a repeat with another body 422.
 */
@Injectable()
export class IdempotencyStore {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async reserve(scope: string, requestHash: string): Promise<Reservation> {
    const inserted: unknown[] = await this.dataSource.query(
      `INSERT INTO gateway.idempotency_keys (scope, request_hash, state, locked_until, expires_at)
       VALUES ($1, $2, 'in_flight', now() + make_interval(secs => $3), now() + make_interval(hours => $4))
       ON CONFLICT (scope) DO UPDATE SET request_hash = EXCLUDED.request_hash, state = 'in_flight',
         locked_until = EXCLUDED.locked_until, expires_at = EXCLUDED.expires_at,
         response_status = NULL, response_body = NULL, response_location = NULL, response_etag = NULL
       WHERE gateway.idempotency_keys.expires_at < now()
          OR (gateway.idempotency_keys.state = 'in_flight' AND gateway.idempotency_keys.locked_until < now()
              AND gateway.idempotency_keys.request_hash = EXCLUDED.request_hash)
       RETURNING scope`,
      [scope, requestHash, this.config.idempotencyLockSeconds, KEEP_HOURS],
    );
    if (inserted.length) return { kind: 'reserved' };
    const [row] = (await this.dataSource.query(
      `SELECT request_hash, state, response_status, response_body, response_location, response_etag FROM gateway.idempotency_keys WHERE scope = $1`,
      [scope],
    )) as { request_hash: string; state: string; response_status: number; response_body: unknown; response_location: string | null; response_etag: string | null }[];
    if (!row) return this.reserve(scope, requestHash);
    if (row.request_hash !== requestHash) return { kind: 'mismatch' };
    if (row.state === 'in_flight') return { kind: 'in_flight' };
    return { kind: 'replay', status: row.response_status, body: row.response_body, location: row.response_location, etag: row.response_etag };
  }

  async complete(scope: string, status: number, body: unknown, headers: { location: string | null; etag: string | null }): Promise<void> {
    await this.dataSource.query(
      `UPDATE gateway.idempotency_keys SET state = 'done', response_status = $2, response_body = $3, response_location = $4, response_etag = $5
       WHERE scope = $1`,
      [scope, status, JSON.stringify(body ?? null), headers.location, headers.etag],
    );
  }

  /**
   * Deletes up to `batch` keys past their keeping time; returns how many.
   * Replicas may prune at once: each skips the rows another holds.
   */
  async pruneExpired(batch = 5_000): Promise<number> {
    const deleted = (await this.dataSource.query(
      `DELETE FROM gateway.idempotency_keys WHERE scope IN (
         SELECT scope FROM gateway.idempotency_keys WHERE expires_at < now() ORDER BY expires_at LIMIT $1 FOR UPDATE SKIP LOCKED)
       RETURNING 1`,
      [batch],
    )) as unknown[];
    return deleted.length;
  }

  /** A failed first attempt frees the key so the client can retry it. */
  async release(scope: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM gateway.idempotency_keys WHERE scope = $1 AND state = 'in_flight'`, [scope]);
  }
}
