import { Initial1764000000000 } from './1764000000000-initial';
import { RolloutPlanning1764700000000 } from './1764700000000-rollout-planning';

export const migrations = [Initial1764000000000, RolloutPlanning1764700000000];
