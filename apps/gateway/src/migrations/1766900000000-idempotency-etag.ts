import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A replayed answer keeps the first answer's `ETag`, as it keeps its `Location`: the client's next `If-Match` needs it. */
export class IdempotencyEtag1766900000000 implements MigrationInterface {
  name = 'IdempotencyEtag1766900000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE gateway.idempotency_keys ADD COLUMN response_etag text`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE gateway.idempotency_keys DROP COLUMN response_etag`);
  }
}
