import { Initial1764000000000 } from './1764000000000-initial';
import { Readiness1764100000000 } from './1764100000000-readiness';
import { Registry1764200000000 } from './1764200000000-registry';
import { ListsAndExpiry1764300000000 } from './1764300000000-lists-and-expiry';
import { Imports1764400000000 } from './1764400000000-imports';
import { InitiativeProfile1764500000000 } from './1764500000000-initiative-profile';
import { ImportKinds1764600000000 } from './1764600000000-import-kinds';
import { AuditChain1764700000000 } from './1764700000000-audit-chain';
import { ProcessedRequests1764800000000 } from './1764800000000-processed-requests';
import { ConsumerAttempts1766500000000 } from './1766500000000-consumer-attempts';
import { ImportRowsWritten1766900000000 } from './1766900000000-import-rows-written';
import { AuditFilters1767000000000 } from './1767000000000-audit-filters';
import { DecisionRequests1766200000000 } from './1766200000000-decision-requests';
import { UnreportedTelemetry1766000000000 } from './1766000000000-unreported-telemetry';

export const migrations = [
  Initial1764000000000,
  Readiness1764100000000,
  Registry1764200000000,
  ListsAndExpiry1764300000000,
  Imports1764400000000,
  InitiativeProfile1764500000000,
  ImportKinds1764600000000,
  AuditChain1764700000000,
  ProcessedRequests1764800000000,
  UnreportedTelemetry1766000000000,
  DecisionRequests1766200000000,
  ConsumerAttempts1766500000000,
  ImportRowsWritten1766900000000,
  AuditFilters1767000000000,
];
