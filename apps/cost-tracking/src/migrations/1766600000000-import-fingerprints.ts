import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each import keeps the SHA-256 of the file it received: the same file sent
 * again (a retry after a lost answer, a month uploaded twice) is refused
 * rather than doubling the spend, unless the caller says it means it.
 */
export class ImportFingerprints1766600000000 implements MigrationInterface {
  name = 'ImportFingerprints1766600000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE cost_tracking.cost_imports ADD COLUMN content_sha256 text, ADD COLUMN allow_duplicate boolean NOT NULL DEFAULT false`);
    await runner.query(`CREATE INDEX cost_imports_content_sha256_idx ON cost_tracking.cost_imports (content_sha256) WHERE content_sha256 IS NOT NULL`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP INDEX cost_tracking.cost_imports_content_sha256_idx`);
    await runner.query(`ALTER TABLE cost_tracking.cost_imports DROP COLUMN content_sha256, DROP COLUMN allow_duplicate`);
  }
}
