import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FxRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { LedgerService } from '../ledger/ledger.service';
import { ExchangeRatesService } from './exchange-rates.service';

@Injectable()
export class ExchangeRatesHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly rates: ExchangeRatesService,
    private readonly ledger: LedgerService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(FxRpc.record, ({ rates, actor }, context) => this.ledger.recordRates(rates, actor, context));
    this.rpc.handle(FxRpc.list, (query) => this.rates.list(query));
  }
}
