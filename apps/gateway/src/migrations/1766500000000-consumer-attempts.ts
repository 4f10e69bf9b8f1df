import { consumerAttemptsMigration } from '@capstan/messaging';

/** Attempts at applying an event delivered again, counted before each begins (see `consumerAttemptsUp`). */
export const ConsumerAttempts1766500000000 = consumerAttemptsMigration('gateway');
