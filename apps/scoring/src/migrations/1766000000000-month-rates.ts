import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each month's latest exchange rate into the reporting currency, from cost
 * tracking (`fx.month_rates_recorded`): a scope envelope's monthly cap in
 * another currency is held against the month's spend at it.
 */
export class MonthRates1766000000000 implements MigrationInterface {
  name = 'MonthRates1766000000000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`
      CREATE TABLE scoring.month_rates (
        currency char(3) NOT NULL,
        reporting_currency char(3) NOT NULL,
        month char(7) NOT NULL,
        rate_date date NOT NULL,
        rate numeric(24, 12) NOT NULL CHECK (rate > 0),
        CONSTRAINT month_rates_pkey PRIMARY KEY (currency, reporting_currency, month)
      )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`DROP TABLE scoring.month_rates`);
  }
}
