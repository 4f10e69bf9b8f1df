import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '@capstan/messaging';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('intake')) await runner.query(sql);
    await runner.query(`CREATE SEQUENCE intake.initiative_key_seq`);
    await runner.query(`
      CREATE TABLE intake.initiatives (
        id uuid PRIMARY KEY,
        key text NOT NULL,
        name text NOT NULL,
        summary text NOT NULL DEFAULT '',
        business_unit text NOT NULL,
        sponsor text NOT NULL DEFAULT '',
        use_case_category text NOT NULL DEFAULT '',
        stage text NOT NULL,
        risk_tier text NOT NULL,
        tags text[] NOT NULL DEFAULT '{}',
        created_by text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT initiatives_key_uq UNIQUE (key)
      )`);
    await runner.query(`CREATE INDEX initiatives_business_unit_idx ON intake.initiatives (business_unit)`);
    await runner.query(`CREATE INDEX initiatives_created_idx ON intake.initiatives (created_at, id)`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE intake.initiatives`);
    await runner.query(`DROP SEQUENCE intake.initiative_key_seq`);
    for (const sql of messagingTablesDown('intake')) await runner.query(sql);
  }
}
