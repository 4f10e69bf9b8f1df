import { Injectable, type OnModuleInit } from '@nestjs/common';
import { FxRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { ExchangeRatesService } from './exchange-rates.service';

@Injectable()
export class ExchangeRatesHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly rates: ExchangeRatesService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(FxRpc.record, ({ rates, actor }) => this.rates.record(rates, actor));
    this.rpc.handle(FxRpc.list, (query) => this.rates.list(query));
  }
}
