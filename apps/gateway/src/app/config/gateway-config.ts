import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { loadServiceConfig, type ServiceConfig } from '@capstan/service-kit';
import { parseRoleMap, type OidcConfig } from '../auth/oidc';

export interface GatewayConfig extends ServiceConfig {
  jwtSecret: Uint8Array;
  /** The longest lifetime (expiry less issue time) a token signed with `jwtSecret` may have. */
  tokenMaxAgeSeconds: number;
  /** The built dashboard to serve at `/`, when there is one. */
  dashboardDir?: string;
  corsOrigins: string[];
  bodyLimit: string;
  importLimit: string;
  /** Largest billing export streamed to cost tracking, in bytes. */
  costImportLimitBytes: number;
  /** Most lines a billing export may have (a row spans one line unless a quoted cell holds a line break). */
  costImportMaxRows: number;
  /** Single sign-on: tokens from this identity provider are accepted beside Capstan's own. */
  oidc?: OidcConfig;
  webhooks: WebhookSettings;
  /** Requests per caller per minute; 0 turns the limit off. */
  rateLimitPerMinute: number;
  /** The internal port of `/metrics` (0: any free one). */
  metricsPort: number;
  /** How long a request holds its Idempotency-Key; after a crash, a retry may run it again once this lapses. */
  idempotencyLockSeconds: number;
  /** How often keys past their 24 hours are deleted. */
  idempotencyPruneIntervalMs: number;
}

export interface WebhookSettings {
  /** Deliver to loopback and private addresses (tests, a receiver inside the same network). */
  allowPrivateTargets: boolean;
  /** First retry delay; doubled each attempt, at most an hour. */
  retryBaseMs: number;
  /** Attempts before a delivery is given up (it can still be replayed). */
  maxAttempts: number;
  timeoutMs: number;
  /** How often due deliveries are looked for. */
  pollMs: number;
  /** Deliveries in flight at once, across all subscriptions (one per subscription). */
  concurrency: number;
}

const gatewayEnvSchema = z.object({
  CAPSTAN_JWT_SECRET: z
    .string({ error: 'is required (a random string of at least 32 characters)' })
    .min(32, 'must be at least 32 characters'),
  CAPSTAN_TOKEN_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(8_760).default(24),
  CAPSTAN_DASHBOARD_DIR: z.string().default('dist/apps/dashboard/browser'),
  CAPSTAN_CORS_ORIGINS: z.string().default(''),
  CAPSTAN_BODY_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'a size such as 1mb or 512kb').default('1mb'),
  CAPSTAN_IMPORT_LIMIT: z.string().regex(/^\d+(kb|mb)$/, 'a size such as 50mb').default('50mb'),
  CAPSTAN_COST_IMPORT_LIMIT: z.string().regex(/^\d+(mb|gb)$/, 'a size such as 500mb or 4gb').default('4gb'),
  CAPSTAN_COST_IMPORT_MAX_ROWS: z.coerce.number().int().min(1).default(50_000_000),
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).optional(),
  OIDC_JWKS_URI: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_ROLES_CLAIM: z.string().min(1).default('groups'),
  OIDC_ROLE_MAP: z.string().default(''),
  OIDC_COMMITTEE_GROUPS: z.string().default(''),
  OIDC_SUBJECT_CLAIM: z.string().min(1).default('sub'),
  OIDC_ALGORITHMS: z
    .string()
    .regex(/^(RS|PS|ES)(256|384|512)(,(RS|PS|ES)(256|384|512))*$|^EdDSA$/, 'asymmetric algorithms only, e.g. RS256,ES256')
    .default('RS256,ES256'),
  OIDC_JWKS_COOLDOWN_MS: z.coerce.number().int().min(0).default(30_000),
  CAPSTAN_IDEMPOTENCY_LOCK_SECONDS: z.coerce.number().int().min(1).max(3_600).default(120),
  IDEMPOTENCY_PRUNE_INTERVAL_MS: z.coerce.number().int().min(100).default(3_600_000),
  GATEWAY_METRICS_PORT: z.coerce.number().int().min(0).max(65_535).default(9400),
  CAPSTAN_RATE_LIMIT: z.coerce.number().int().min(0).default(1_200),
  CAPSTAN_WEBHOOK_ALLOW_PRIVATE: z.enum(['true', 'false']).default('false'),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(10).default(5_000),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(15),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  WEBHOOK_POLL_MS: z.coerce.number().int().min(10).default(500),
  WEBHOOK_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),
});

export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const base = loadServiceConfig('gateway', 3000, env);
  const parsed = gatewayEnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')} ${issue.message}`).join('; ');
    throw new Error(`Invalid configuration for gateway: ${problems}`);
  }
  const dashboardDir = resolve(parsed.data.CAPSTAN_DASHBOARD_DIR);
  // The default folder may simply not be built (API only); a folder someone named must hold the dashboard.
  if (env['CAPSTAN_DASHBOARD_DIR'] !== undefined && !existsSync(resolve(dashboardDir, 'index.html'))) {
    throw new Error(`Invalid configuration for gateway: CAPSTAN_DASHBOARD_DIR has no index.html (${dashboardDir})`);
  }
  const oidc = oidcConfigOf(parsed.data);
  return {
    ...base,
    jwtSecret: new TextEncoder().encode(parsed.data.CAPSTAN_JWT_SECRET),
    tokenMaxAgeSeconds: parsed.data.CAPSTAN_TOKEN_MAX_AGE_HOURS * 3600,
    dashboardDir: existsSync(resolve(dashboardDir, 'index.html')) ? dashboardDir : undefined,
    corsOrigins: parsed.data.CAPSTAN_CORS_ORIGINS.split(',').map((o) => o.trim()).filter(Boolean),
    bodyLimit: parsed.data.CAPSTAN_BODY_LIMIT,
    importLimit: parsed.data.CAPSTAN_IMPORT_LIMIT,
    costImportLimitBytes: Number.parseInt(parsed.data.CAPSTAN_COST_IMPORT_LIMIT, 10) * (parsed.data.CAPSTAN_COST_IMPORT_LIMIT.endsWith('gb') ? 2 ** 30 : 2 ** 20),
    costImportMaxRows: parsed.data.CAPSTAN_COST_IMPORT_MAX_ROWS,
    oidc,
    rateLimitPerMinute: parsed.data.CAPSTAN_RATE_LIMIT,
    metricsPort: parsed.data.GATEWAY_METRICS_PORT,
    idempotencyLockSeconds: parsed.data.CAPSTAN_IDEMPOTENCY_LOCK_SECONDS,
    idempotencyPruneIntervalMs: parsed.data.IDEMPOTENCY_PRUNE_INTERVAL_MS,
    webhooks: {
      allowPrivateTargets: parsed.data.CAPSTAN_WEBHOOK_ALLOW_PRIVATE === 'true',
      retryBaseMs: parsed.data.WEBHOOK_RETRY_BASE_MS,
      maxAttempts: parsed.data.WEBHOOK_MAX_ATTEMPTS,
      timeoutMs: parsed.data.WEBHOOK_TIMEOUT_MS,
      pollMs: parsed.data.WEBHOOK_POLL_MS,
      concurrency: parsed.data.WEBHOOK_CONCURRENCY,
    },
  };
}

function oidcConfigOf(env: z.output<typeof gatewayEnvSchema>): OidcConfig | undefined {
  if (!env.OIDC_ISSUER) return undefined;
  if (!env.OIDC_AUDIENCE) throw new Error('Invalid configuration for gateway: OIDC_AUDIENCE is required with OIDC_ISSUER');
  try {
    return {
      issuer: env.OIDC_ISSUER,
      audience: env.OIDC_AUDIENCE,
      jwksUri: env.OIDC_JWKS_URI,
      clientId: env.OIDC_CLIENT_ID,
      rolesClaim: env.OIDC_ROLES_CLAIM,
      roleMap: parseRoleMap(env.OIDC_ROLE_MAP),
      committeeGroups: env.OIDC_COMMITTEE_GROUPS.split(',').map((group) => group.trim()).filter(Boolean),
      subjectClaim: env.OIDC_SUBJECT_CLAIM,
      algorithms: env.OIDC_ALGORITHMS.split(','),
      jwksCooldownMs: env.OIDC_JWKS_COOLDOWN_MS,
    };
  } catch (error) {
    throw new Error(`Invalid configuration for gateway: OIDC_ROLE_MAP ${(error as Error).message}`);
  }
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');
