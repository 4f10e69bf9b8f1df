import type { MigrationInterface, QueryRunner } from 'typeorm';
import { messagingTablesDown, messagingTablesUp } from '@capstan/messaging';

export class Initial1764000000000 implements MigrationInterface {
  name = 'Initial1764000000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of messagingTablesUp('scoring')) await runner.query(sql);
    // What scoring knows of each initiative, assembled from other services' events.
    await runner.query(`
      CREATE TABLE scoring.subjects (
        initiative_id uuid PRIMARY KEY,
        inputs jsonb NOT NULL,
        posture text,
        evaluation_id uuid,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await runner.query(`
      CREATE TABLE scoring.evaluations (
        id uuid PRIMARY KEY,
        initiative_id uuid NOT NULL,
        posture text NOT NULL,
        result jsonb NOT NULL,
        model_version text NOT NULL,
        input_hash text NOT NULL,
        evaluated_at timestamptz NOT NULL
      )`);
    await runner.query(
      `CREATE INDEX evaluations_initiative_time_idx ON scoring.evaluations (initiative_id, evaluated_at DESC)`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE scoring.evaluations`);
    await runner.query(`DROP TABLE scoring.subjects`);
    for (const sql of messagingTablesDown('scoring')) await runner.query(sql);
  }
}
