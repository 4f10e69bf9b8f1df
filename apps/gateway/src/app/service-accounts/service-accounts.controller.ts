import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { ROLES } from '@capstan/domain';
import { CurrentPrincipal, type Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { ServiceAccountsStore } from './service-accounts.store';

const serviceAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  keyPrefix: z.string().describe('The visible start of the key, to tell keys apart'),
  roles: z.array(z.enum(ROLES)),
  businessUnits: z.array(z.string()).nullable().describe('The business units the key may act for; null for all'),
  createdBy: z.string(),
  createdAt: z.iso.datetime(),
  revokedAt: z.iso.datetime().nullable(),
  revokedBy: z.string().nullable(),
  lastUsedAt: z.iso.datetime().nullable().describe('To the minute'),
});

class CreateServiceAccountDto extends createZodDto(
  z
    .object({
      name: z.string().trim().regex(/^[a-z0-9][a-z0-9._-]{1,62}$/, 'lower-case letters, digits, ".", "_" or "-", 2 to 63 characters'),
      roles: z.array(z.enum(ROLES)).min(1, 'name at least one role').refine((roles) => new Set(roles).size === roles.length, 'each role once'),
      businessUnits: z.array(z.string().trim().min(1).max(200)).min(1).max(50).optional().describe('Omit for a key that may act for every business unit'),
    })
    .strict()
    // An admin acts for the whole system (keys, webhooks, models): a business unit cannot bound it.
    .refine((account) => !(account.businessUnits && account.roles.includes('admin')), {
      message: 'a key scoped to business units cannot hold the admin role',
      path: ['roles'],
    }),
) {}
class ServiceAccountIdDto extends createZodDto(z.object({ id: z.uuid() }).strict()) {}
class ServiceAccountDto extends createZodDto(serviceAccountSchema) {}
class CreatedServiceAccountDto extends createZodDto(
  serviceAccountSchema.extend({ key: z.string().describe('The API key: shown this once, never again. Send it as `Authorization: Bearer <key>`.') }),
) {}
class ServiceAccountListDto extends createZodDto(z.object({ items: z.array(serviceAccountSchema) })) {}

/** API keys for non-human callers (pipelines feeding telemetry, costs, evidence); administered by admins. */
@ApiTags('service-accounts')
@ApiBearerAuth()
@Controller('v1/service-accounts')
export class ServiceAccountsController {
  constructor(private readonly accounts: ServiceAccountsStore) {}

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: CreatedServiceAccountDto })
  create(@Body() body: CreateServiceAccountDto, @CurrentPrincipal() principal: Principal) {
    return this.accounts.create(body, principal.subject);
  }

  @Get()
  @Roles('admin')
  @ApiOkResponse({ type: ServiceAccountListDto })
  async list() {
    return { items: await this.accounts.list() };
  }

  /** Revokes the key at once: its next request is refused. */
  @Post(':id/revocation')
  @Roles('admin')
  @HttpCode(200)
  @ApiOkResponse({ type: ServiceAccountDto })
  revoke(@Param() params: ServiceAccountIdDto, @CurrentPrincipal() principal: Principal) {
    return this.accounts.revoke(params.id, principal.subject);
  }
}
