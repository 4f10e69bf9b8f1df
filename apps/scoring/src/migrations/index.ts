import { Initial1764000000000 } from './1764000000000-initial';
import { AppliedVersions1764100000000 } from './1764100000000-applied-versions';

export const migrations = [Initial1764000000000, AppliedVersions1764100000000];
