import { z } from 'zod';
import { rpcContract } from './rpc';

/** The back-end services the gateway checks; each answers `<service>.health` over NATS. */
export const SERVICES = ['intake', 'scoring', 'cost-tracking', 'sequencing'] as const;
export type ServiceName = (typeof SERVICES)[number];

export const healthReportSchema = z.object({
  service: z.string(),
  status: z.enum(['up', 'down']),
  checks: z.record(z.string(), z.enum(['up', 'down'])),
});
export type HealthReport = z.infer<typeof healthReportSchema>;

export function healthRpc(service: string) {
  return rpcContract(`${service}.health`, z.object({}).strict(), healthReportSchema);
}
