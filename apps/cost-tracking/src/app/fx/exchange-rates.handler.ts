import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FxRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { ExchangeRatesService } from './exchange-rates.service';
import { RateConversions } from './rate-conversions';

@Injectable()
export class ExchangeRatesHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly rates: ExchangeRatesService,
    private readonly conversions: RateConversions,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(FxRpc.record, ({ rates, actor }, context) => this.conversions.record(rates, actor, context));
    this.rpc.handle(FxRpc.list, (query) => this.rates.list(query));
    this.rpc.handle(FxRpc.conversions, async () => ({ reportingCurrency: this.rates.reportingCurrency, items: await this.conversions.pending() }));
  }
}
