import { Initial1764000000000 } from './1764000000000-initial';
import { RolloutPlanning1764700000000 } from './1764700000000-rollout-planning';
import { InitiativeVersion1764900000000 } from './1764900000000-initiative-version';

export const migrations = [Initial1764000000000, RolloutPlanning1764700000000, InitiativeVersion1764900000000];
