import type { MigrationInterface, QueryRunner } from 'typeorm';

/** API keys for non-human callers: only a hash of each key's secret is kept. */
export class ServiceAccounts1764500000000 implements MigrationInterface {
  name = 'ServiceAccounts1764500000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE gateway.service_accounts (
        id uuid PRIMARY KEY,
        name text NOT NULL UNIQUE,
        key_prefix text NOT NULL UNIQUE,
        key_hash bytea NOT NULL,
        roles text[] NOT NULL,
        business_units text[],
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz,
        revoked_by text,
        last_used_at timestamptz
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE gateway.service_accounts`);
  }
}
