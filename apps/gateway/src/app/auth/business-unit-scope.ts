import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { IntakeRpc } from '@capstan/contracts';
import { RpcClient } from '@capstan/messaging';
import type { Principal } from './principal';

const INITIATIVE_PATH = /^\/api\/v1\/initiatives\/:id(\/|$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a key scoped to business units may reach: the initiatives of those
 * units (routes naming an initiative by path or by `initiativeId`), registering
 * in them, and the initiative list filtered to one of them. Anything
 * portfolio-wide is refused, so a scoped key never sees or changes another
 * unit's data.
 */
@Injectable()
export class BusinessUnitScope {
  constructor(private readonly rpc: RpcClient) {}

  async check(principal: Principal, request: Request): Promise<void> {
    const units = principal.businessUnits;
    if (!units?.length) return;
    const route = String((request.route as { path?: string } | undefined)?.path ?? request.path);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const query = request.query as Record<string, unknown>;
    const refuse = (why: string): never => {
      throw new ForbiddenException(`This key acts for ${units.join(', ')} only: ${why}`);
    };

    if (route === '/api/v1/initiatives' && request.method === 'POST') {
      if (!units.includes(String(body['businessUnit']))) refuse(`it may not register an initiative in "${String(body['businessUnit'])}"`);
      return;
    }
    if (route === '/api/v1/initiatives' && request.method === 'GET') {
      if (!units.includes(String(query['businessUnit']))) refuse('filter the list by one of its business units (?businessUnit=)');
      return;
    }
    const initiativeId = INITIATIVE_PATH.test(route) ? request.params['id'] : (body['initiativeId'] ?? query['initiativeId']);
    if (typeof initiativeId !== 'string') refuse('this operation is not about one initiative');
    const id = initiativeId as string;
    // A malformed id is left for validation to answer with 400.
    if (!UUID.test(id)) return;
    const initiative = await this.rpc.call(IntakeRpc.get, { id });
    if (!units.includes(initiative.businessUnit)) refuse(`initiative ${id} belongs to "${initiative.businessUnit}"`);
  }
}
