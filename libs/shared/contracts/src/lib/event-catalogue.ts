import type { z } from 'zod';
import { CostEvents, FxEvents, UnitEconomicsEvents } from './costs';
import type { EventContract } from './events';
import { InitiativeEvents } from './initiatives';
import { PostureEvents } from './postures';
import { ReadinessEvents } from './readiness';
import { RegistryEvents } from './registry';
import { SequencingEvents } from './sequencing';

/** Which service publishes each group of events. */
const PUBLISHERS: [string, Record<string, EventContract<z.ZodType>>][] = [
  ['intake', InitiativeEvents],
  ['intake', ReadinessEvents],
  ['intake', RegistryEvents],
  ['scoring', PostureEvents],
  ['cost-tracking', CostEvents],
  ['cost-tracking', UnitEconomicsEvents],
  ['cost-tracking', FxEvents],
  ['sequencing', SequencingEvents],
];

export interface CataloguedEvent {
  contract: EventContract<z.ZodType>;
  publisher: string;
}

/**
 * Every event Capstan publishes, for integrators: the documentation
 * (docs/events.md), webhook subscriptions and external consumers read it here.
 */
export const EVENT_CATALOGUE: readonly CataloguedEvent[] = PUBLISHERS.flatMap(([publisher, group]) =>
  Object.values(group).map((contract) => ({ contract, publisher })),
).sort((a, b) => (a.contract.type < b.contract.type ? -1 : 1));

export const EVENT_TYPES: readonly string[] = EVENT_CATALOGUE.map((event) => event.contract.type);
