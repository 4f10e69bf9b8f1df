import { Initial1764000000000 } from './1764000000000-initial';
import { AppliedVersions1764100000000 } from './1764100000000-applied-versions';
import { ModelsAndReviews1764200000000 } from './1764200000000-models-and-reviews';
import { EvaluationInputs1764300000000 } from './1764300000000-evaluation-inputs';
import { Commitments1764400000000 } from './1764400000000-commitments';
import { RecentScores1764500000000 } from './1764500000000-recent-scores';
import { WiderCommitments1764600000000 } from './1764600000000-wider-commitments';
import { HoldModelVersion1764700000000 } from './1764700000000-hold-model-version';
import { ArchivedSubjects1764800000000 } from './1764800000000-archived-subjects';
import { MonthRates1766000000000 } from './1766000000000-month-rates';
import { ModelActivations1766200000000 } from './1766200000000-model-activations';
import { ConsumerAttempts1766500000000 } from './1766500000000-consumer-attempts';

export const migrations = [Initial1764000000000, AppliedVersions1764100000000, ModelsAndReviews1764200000000, EvaluationInputs1764300000000, Commitments1764400000000, RecentScores1764500000000, WiderCommitments1764600000000, HoldModelVersion1764700000000, ArchivedSubjects1764800000000, MonthRates1766000000000, ModelActivations1766200000000, ConsumerAttempts1766500000000];
