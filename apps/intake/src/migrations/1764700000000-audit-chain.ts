import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A tamper-evident audit trail: each record, once sealed, carries the hash of
 * its content and of the record before it (`chain_seq` orders the chain). A
 * trigger refuses deletes and any change but the sealing itself; the chain
 * shows what someone able to bypass the trigger changed (npm run audit:verify).
 */
export class AuditChain1764700000000 implements MigrationInterface {
  name = 'AuditChain1764700000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE intake.audit_trail ADD COLUMN chain_seq bigint UNIQUE, ADD COLUMN prev_hash text, ADD COLUMN hash text`);
    await runner.query(`CREATE INDEX audit_trail_unsealed_idx ON intake.audit_trail (id) WHERE chain_seq IS NULL`);
    await runner.query(`
      CREATE FUNCTION intake.audit_trail_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'DELETE' THEN
          RAISE EXCEPTION 'the audit trail is append-only: record % may not be deleted', OLD.id;
        END IF;
        IF OLD.chain_seq IS NOT NULL
           OR (NEW.id, NEW.initiative_id, NEW.actor, NEW.action, NEW.changes, NEW.at)
              IS DISTINCT FROM (OLD.id, OLD.initiative_id, OLD.actor, OLD.action, OLD.changes, OLD.at) THEN
          RAISE EXCEPTION 'the audit trail is append-only: record % may only be sealed, once', OLD.id;
        END IF;
        RETURN NEW;
      END $$`);
    await runner.query(`
      CREATE TRIGGER audit_trail_append_only BEFORE UPDATE OR DELETE ON intake.audit_trail
      FOR EACH ROW EXECUTE FUNCTION intake.audit_trail_append_only()`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TRIGGER audit_trail_append_only ON intake.audit_trail`);
    await runner.query(`DROP FUNCTION intake.audit_trail_append_only()`);
    await runner.query(`DROP INDEX intake.audit_trail_unsealed_idx`);
    await runner.query(`ALTER TABLE intake.audit_trail DROP COLUMN hash, DROP COLUMN prev_hash, DROP COLUMN chain_seq`);
  }
}
