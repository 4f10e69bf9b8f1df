import { ForbiddenException, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { IntakeRpc } from '@capstan/contracts';
import { RpcClient } from '@capstan/messaging';
import type { Principal } from './principal';

const INITIATIVE_PATH = /^\/api\/v1\/initiatives\/:id(\/|$)/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What a key scoped to business units may reach, and nothing else: the
 * initiatives of those units — by path (`/initiatives/{id}…`) or by the
 * `initiativeId` a route marked `@InitiativeIn` takes — registering in them,
 * the initiative list filtered to one of them, and who it is. Anything
 * portfolio-wide or unmarked is refused, so a scoped key never sees or changes
 * another unit's data.
 */
@Injectable()
export class BusinessUnitScope {
  constructor(private readonly rpc: RpcClient) {}

  async check(principal: Principal, request: Request, initiativeIn: 'body' | 'query' | undefined): Promise<void> {
    const units = principal.businessUnits;
    if (!units?.length) return;
    const route = String((request.route as { path?: string } | undefined)?.path ?? request.path);
    const body = (typeof request.body === 'object' && request.body !== null ? request.body : {}) as Record<string, unknown>;
    const query = request.query as Record<string, unknown>;
    const refuse = (why: string): never => {
      throw new ForbiddenException(`This key acts for ${units.join(', ')} only: ${why}`);
    };

    if (route === '/api/v1/auth/me') return;
    if (route === '/api/v1/initiatives' && request.method === 'POST') {
      if (!units.includes(String(body['businessUnit']))) refuse(`it may not register an initiative in "${String(body['businessUnit'])}"`);
      return;
    }
    if (route === '/api/v1/initiatives' && request.method === 'GET') {
      if (!units.includes(String(query['businessUnit']))) refuse('filter the list by one of its business units (?businessUnit=)');
      return;
    }
    // Refused, not left to validation: the id checked must be the one the handler acts on, or none.
    const ownInitiative = async (id: unknown, field: string) => {
      if (typeof id !== 'string' || !UUID.test(id)) refuse(`name one initiative of its units (${field})`);
      const initiative = await this.rpc.call(IntakeRpc.get, { id: id as string });
      if (!units.includes(initiative.businessUnit)) refuse(`initiative ${id as string} belongs to "${initiative.businessUnit}"`);
    };
    const byPath = INITIATIVE_PATH.test(route);
    if (!byPath && !initiativeIn) refuse('this operation is not about one initiative of its units');
    await ownInitiative(byPath ? request.params['id'] : (initiativeIn === 'body' ? body : query)['initiativeId'], 'initiativeId');
    // Nor may it tie one of its initiatives to another unit's (the answer would name it).
    if (route === '/api/v1/initiatives/:id/dependencies' && request.method === 'POST') await ownInitiative(body['dependsOn'], 'dependsOn');
    // Nor take away another unit's prerequisite: it was set for that unit's rollout as much as for this one.
    if (route === '/api/v1/initiatives/:id/dependencies/:dependsOn' && request.method === 'DELETE') await ownInitiative(request.params['dependsOn'], 'dependsOn');
    // Moving an initiative out of the key's units would hand it to another unit.
    if (route === '/api/v1/initiatives/:id' && request.method === 'PATCH' && 'businessUnit' in body && !units.includes(String(body['businessUnit']))) {
      refuse(`it may not move an initiative to "${String(body['businessUnit'])}"`);
    }
  }
}
