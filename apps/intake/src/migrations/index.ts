import { Initial1764000000000 } from './1764000000000-initial';
import { Readiness1764100000000 } from './1764100000000-readiness';

export const migrations = [Initial1764000000000, Readiness1764100000000];
