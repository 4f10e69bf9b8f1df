import { Initial1764000000000 } from './1764000000000-initial';
import { ServiceAccounts1764500000000 } from './1764500000000-service-accounts';
import { Webhooks1764600000000 } from './1764600000000-webhooks';
import { ConsumerAttempts1766500000000 } from './1766500000000-consumer-attempts';
import { IdempotencyEtag1766900000000 } from './1766900000000-idempotency-etag';

export const migrations = [Initial1764000000000, ServiceAccounts1764500000000, Webhooks1764600000000, ConsumerAttempts1766500000000, IdempotencyEtag1766900000000];
