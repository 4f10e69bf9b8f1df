import { Module } from '@nestjs/common';
import { BudgetsService } from '../budgets/budgets.service';
import { ExchangeRatesHandler } from '../fx/exchange-rates.handler';
import { ExchangeRatesService } from '../fx/exchange-rates.service';
import { RateConversions } from '../fx/rate-conversions';
import { TokenMeteringHandler } from '../metering/token-metering.handler';
import { TokenMeteringService } from '../metering/token-metering.service';
import { AllocationRulesService } from '../imports/allocation-rules.service';
import { CostImportsService } from '../imports/cost-imports.service';
import { ImportReallocationsService } from '../imports/import-reallocations.service';
import { ImportReversalsService } from '../imports/import-reversals.service';
import { ImportsHandler } from '../imports/imports.handler';
import { LedgerHandler } from './ledger.handler';
import { LedgerService } from './ledger.service';
import { UnitEconomicsService } from './unit-economics.service';

@Module({ providers: [LedgerService, LedgerHandler, BudgetsService, AllocationRulesService, CostImportsService, ImportReversalsService, ImportReallocationsService, ImportsHandler, UnitEconomicsService, ExchangeRatesService, ExchangeRatesHandler, RateConversions, TokenMeteringService, TokenMeteringHandler] })
export class LedgerModule {}
