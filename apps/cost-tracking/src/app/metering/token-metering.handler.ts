import { Injectable, type OnModuleInit } from '@nestjs/common';
import { TokenRpc } from '@capstan/contracts';
import { RpcServer } from '@capstan/messaging';
import { TokenMeteringService } from './token-metering.service';

@Injectable()
export class TokenMeteringHandler implements OnModuleInit {
  constructor(
    private readonly rpc: RpcServer,
    private readonly metering: TokenMeteringService,
  ) {}

  onModuleInit(): void {
    this.rpc.handle(TokenRpc.setPrice, ({ model, price, actor }) => this.metering.setPrice(model, price, actor));
    this.rpc.handle(TokenRpc.prices, ({ model }) => this.metering.prices(model));
    this.rpc.handle(TokenRpc.recordUsage, ({ usage, actor, requestId }, context) => this.metering.recordUsage(usage, actor, context, requestId));
    this.rpc.handle(TokenRpc.reprice, ({ model, range, actor }, context) => this.metering.reprice(model, range, actor, context));
  }
}
