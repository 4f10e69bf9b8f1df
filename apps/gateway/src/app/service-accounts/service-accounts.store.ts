import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Role } from '@capstan/domain';
import type { Principal } from '../auth/principal';
import { hashSecret, newApiKey, parseApiKey, secretMatches } from './api-key';

export interface ServiceAccount {
  id: string;
  name: string;
  /** The visible part of the key (`cap_<prefix>_…`), to tell keys apart. */
  keyPrefix: string;
  roles: Role[];
  /** The business units the key may act for; null for all. */
  businessUnits: string[] | null;
  createdBy: string;
  createdAt: string;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
}

interface Row {
  id: string;
  name: string;
  key_prefix: string;
  key_hash: Buffer;
  roles: Role[];
  business_units: string[] | null;
  created_by: string;
  created_at: Date;
  revoked_at: Date | null;
  revoked_by: string | null;
  last_used_at: Date | null;
}

/** How stale "last used" may get: a key used all day costs one write a minute, not one per request. */
const LAST_USED_RESOLUTION = '1 minute';

/** Service accounts and their API keys; the key itself is shown once, at creation, and never stored. */
@Injectable()
export class ServiceAccountsStore {
  private readonly logger = new Logger(ServiceAccountsStore.name);

  constructor(private readonly dataSource: DataSource) {}

  async create(input: { name: string; roles: Role[]; businessUnits?: string[] | null }, actor: string): Promise<ServiceAccount & { key: string }> {
    const { prefix, secret, key } = newApiKey();
    const rows = (await this.dataSource.query(
      `INSERT INTO gateway.service_accounts (id, name, key_prefix, key_hash, roles, business_units, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (name) DO NOTHING RETURNING *`,
      [randomUUID(), input.name, prefix, hashSecret(secret), input.roles, input.businessUnits ?? null, actor],
    )) as Row[];
    if (!rows.length) throw new ConflictException(`A service account named "${input.name}" already exists`);
    this.logger.log(`Service account ${input.name} (${prefix}) created by ${actor}`);
    return { ...toView(rows[0]), key };
  }

  async list(): Promise<ServiceAccount[]> {
    const rows = (await this.dataSource.query(`SELECT * FROM gateway.service_accounts ORDER BY created_at, name`)) as Row[];
    return rows.map(toView);
  }

  /** Revokes a key at once; revoking twice keeps the first revocation. */
  async revoke(id: string, actor: string): Promise<ServiceAccount> {
    await this.dataSource.query(`UPDATE gateway.service_accounts SET revoked_at = now(), revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, actor]);
    const [row] = (await this.dataSource.query(`SELECT * FROM gateway.service_accounts WHERE id = $1`, [id])) as Row[];
    if (!row) throw new NotFoundException(`Service account ${id} does not exist`);
    this.logger.log(`Service account ${row.name} (${row.key_prefix}) revoked by ${actor}`);
    return toView(row);
  }

  /** The principal an API key stands for, or undefined for a malformed, unknown or revoked key. */
  async authenticate(key: string): Promise<Principal | undefined> {
    const parsed = parseApiKey(key);
    if (!parsed) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM gateway.service_accounts WHERE key_prefix = $1 AND revoked_at IS NULL`, [parsed.prefix])) as Row[];
    if (!row || !secretMatches(parsed.secret, row.key_hash)) return undefined;
    void this.dataSource
      .query(
        `UPDATE gateway.service_accounts SET last_used_at = now()
         WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - interval '${LAST_USED_RESOLUTION}')`,
        [row.id],
      )
      .catch((error: unknown) => this.logger.warn(`Could not record the use of ${row.key_prefix}: ${String(error)}`));
    return { subject: `service-account:${row.name}`, roles: row.roles, capabilities: [], businessUnits: row.business_units };
  }
}

function toView(row: Row): ServiceAccount {
  return {
    id: row.id,
    name: row.name,
    keyPrefix: `cap_${row.key_prefix}`,
    roles: row.roles,
    businessUnits: row.business_units,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    revokedBy: row.revoked_by,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
  };
}
