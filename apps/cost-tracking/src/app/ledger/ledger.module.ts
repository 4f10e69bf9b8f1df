import { Module } from '@nestjs/common';
import { BudgetsService } from '../budgets/budgets.service';
import { LedgerHandler } from './ledger.handler';
import { LedgerService } from './ledger.service';

@Module({ providers: [LedgerService, LedgerHandler, BudgetsService] })
export class LedgerModule {}
