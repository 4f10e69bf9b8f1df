import type { MigrationInterface, QueryRunner } from 'typeorm';
import { consumerAttemptsDown, consumerAttemptsUp } from '@capstan/messaging';

/** Attempts at applying an event delivered again, counted before each begins (see `consumerAttemptsUp`). */
export class ConsumerAttempts1766500000000 implements MigrationInterface {
  name = 'ConsumerAttempts1766500000000';

  async up(runner: QueryRunner): Promise<void> {
    for (const sql of consumerAttemptsUp('scoring')) await runner.query(sql);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const sql of consumerAttemptsDown('scoring')) await runner.query(sql);
  }
}
