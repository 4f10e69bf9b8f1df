import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Capital committed (budgeted) per initiative and currency, from cost tracking: for "capital committed ahead of readiness". */
export class Commitments1764400000000 implements MigrationInterface {
  name = 'Commitments1764400000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scoring.commitments (
        initiative_id uuid NOT NULL,
        currency char(3) NOT NULL,
        amount numeric(38, 18) NOT NULL,
        version bigint NOT NULL,
        CONSTRAINT commitments_pkey PRIMARY KEY (initiative_id, currency)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE scoring.commitments`);
  }
}
