import { Initial1764000000000 } from './1764000000000-initial';
import { RolloutPlanning1764700000000 } from './1764700000000-rollout-planning';
import { InitiativeVersion1764900000000 } from './1764900000000-initiative-version';
import { DraftChanges1765100000000 } from './1765100000000-draft-changes';
import { WaveProgress1765800000000 } from './1765800000000-wave-progress';
import { RemovedDependencies1766000000000 } from './1766000000000-removed-dependencies';
import { AdoptedChanges1766100000000 } from './1766100000000-adopted-changes';
import { InputVersions1766200000000 } from './1766200000000-input-versions';
import { RequestIds1766300000000 } from './1766300000000-request-ids';
import { ProjectionOrder1766400000000 } from './1766400000000-projection-order';
import { ConsumerAttempts1766500000000 } from './1766500000000-consumer-attempts';

export const migrations = [Initial1764000000000, RolloutPlanning1764700000000, InitiativeVersion1764900000000, DraftChanges1765100000000, WaveProgress1765800000000, RemovedDependencies1766000000000, AdoptedChanges1766100000000, InputVersions1766200000000, RequestIds1766300000000, ProjectionOrder1766400000000, ConsumerAttempts1766500000000];
