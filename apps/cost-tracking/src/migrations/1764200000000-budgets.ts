import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Budgets per initiative × month × category, and the threshold alerts already sent (each once). */
export class Budgets1764200000000 implements MigrationInterface {
  name = 'Budgets1764200000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE cost_tracking.budgets (
        initiative_id uuid NOT NULL REFERENCES cost_tracking.initiatives (id),
        period char(7) NOT NULL,
        category text NOT NULL,
        currency char(3) NOT NULL,
        amount numeric(30, 10) NOT NULL CHECK (amount >= 0),
        thresholds text[] NOT NULL,
        set_by text NOT NULL,
        set_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budgets_pkey PRIMARY KEY (initiative_id, period, category, currency)
      )`);
    await runner.query(`
      CREATE TABLE cost_tracking.budget_alerts (
        initiative_id uuid NOT NULL,
        period char(7) NOT NULL,
        category text NOT NULL,
        currency char(3) NOT NULL,
        threshold text NOT NULL,
        sent_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT budget_alerts_pkey PRIMARY KEY (initiative_id, period, category, currency, threshold)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE cost_tracking.budget_alerts`);
    await runner.query(`DROP TABLE cost_tracking.budgets`);
  }
}
