import { Module } from '@nestjs/common';
import { LedgerHandler } from './ledger.handler';
import { LedgerService } from './ledger.service';

@Module({ providers: [LedgerService, LedgerHandler] })
export class LedgerModule {}
