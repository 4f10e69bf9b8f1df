import { Initial1764000000000 } from './1764000000000-initial';
import { Ledger1764100000000 } from './1764100000000-ledger';
import { Budgets1764200000000 } from './1764200000000-budgets';
import { FocusImports1764300000000 } from './1764300000000-focus-imports';
import { BusinessVolumes1764400000000 } from './1764400000000-business-volumes';
import { ProcessedRequests1764500000000 } from './1764500000000-processed-requests';
import { ExchangeRates1764600000000 } from './1764600000000-exchange-rates';
import { TokenMetering1764700000000 } from './1764700000000-token-metering';
import { ConversionBackfills1764800000000 } from './1764800000000-conversion-backfills';
import { ImportWritePath1765000000000 } from './1765000000000-import-write-path';
import { ImportConversions1765200000000 } from './1765200000000-import-conversions';
import { LedgerImportIndexes1765300000000 } from './1765300000000-ledger-import-indexes';
import { WiderConversions1765400000000 } from './1765400000000-wider-conversions';
import { StalledUploads1765500000000 } from './1765500000000-stalled-uploads';
import { UsageRequests1765600000000 } from './1765600000000-usage-requests';
import { BudgetBurnVersions1765700000000 } from './1765700000000-budget-burn-versions';
import { VisibilityVersions1765800000000 } from './1765800000000-visibility-versions';

export const migrations = [Initial1764000000000, Ledger1764100000000, Budgets1764200000000, FocusImports1764300000000, BusinessVolumes1764400000000, ProcessedRequests1764500000000, ExchangeRates1764600000000, TokenMetering1764700000000, ConversionBackfills1764800000000, ImportWritePath1765000000000, ImportConversions1765200000000, LedgerImportIndexes1765300000000, WiderConversions1765400000000, StalledUploads1765500000000, UsageRequests1765600000000, BudgetBurnVersions1765700000000, VisibilityVersions1765800000000];
