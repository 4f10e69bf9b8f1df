import { z } from 'zod';
import { EVENT_CATALOGUE, subjectsFor } from '@capstan/contracts';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  exclusiveMinimum?: number;
  minLength?: number;
  default?: unknown;
  examples?: unknown[];
  additionalProperties?: JsonSchema | boolean;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  description?: string;
};

const SAMPLE_ID = '0b6f3a52-8c1e-4d7a-9f25-3e8a1c4b7d90';
const SAMPLE_INSTANT = '2026-11-30T09:00:00.000Z';

/** A plausible value for a schema: the first option of a choice, every property of an object. */
function sampleOf(schema: JsonSchema, defs: Record<string, JsonSchema>, name = ''): unknown {
  if (schema.$ref) return sampleOf(defs[schema.$ref.split('/').pop() ?? ''] ?? {}, defs, name);
  if (schema.examples?.length) return schema.examples[0];
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const choice = schema.anyOf ?? schema.oneOf;
  if (choice) return sampleOf(choice.find((option) => option.type !== 'null') ?? choice[0], defs, name);
  if (schema.allOf) return Object.assign({}, ...schema.allOf.map((part) => sampleOf(part, defs, name)));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, value]) => [key, sampleOf(value, defs, key)]));
    case 'array':
      return schema.prefixItems ? schema.prefixItems.map((item) => sampleOf(item, defs, name)) : [sampleOf(schema.items ?? {}, defs, name)];
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? 0, schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 0);
    case 'boolean':
      return true;
    case 'string':
      return sampleString(schema, name);
    default:
      return null;
  }
}

/** Sample values by field name, for strings whose schema says no more than "a string". */
const SAMPLE_BY_NAME: [RegExp, string][] = [
  [/^(actor|addedBy|decidedBy|recordedBy|publishedBy|createdBy)$/, 'pat.lee@example.com'],
  [/^businessUnits?$/, 'Claims'],
  [/^(key|dependsOnKey)$/, 'AI-0042'],
  [/^name$/, 'Claims triage assistant'],
  [/^(period|latestCostPeriod|months?)$/, '2026-11'],
  [/^(burn|threshold|thresholds|crossed|attributedShare|productionToPilot)$/, '0.8'],
  [/^unitCost$/, '0.42'],
  [/^volume$/, '12000'],
  [/^(metric|unit)$/, 'transactions'],
  [/^person$/, 'Pat Lee'],
  [/^(team|sponsor)$/, 'Claims Operations'],
  [/^modelVersion$/, 'default-3'],
];

function sampleString(schema: JsonSchema, name: string): string {
  if (schema.format === 'uuid' || schema.pattern?.includes('[0-9a-fA-F]{8}')) return SAMPLE_ID;
  if (schema.format === 'date-time') return SAMPLE_INSTANT;
  if (schema.format === 'date' || schema.pattern?.includes('-02-29')) return '2026-11-30';
  if (schema.pattern === '^[A-Z]{3}$' || /currency/i.test(name)) return 'EUR';
  // An amount where the field takes one: the sample itself decides, not a copy of each money pattern.
  if (schema.pattern && new RegExp(schema.pattern).test('1250.00')) return '1250.00';
  if (schema.pattern?.startsWith('^[a-z][a-zA-Z0-9_]')) return 'costCentre';
  const known = SAMPLE_BY_NAME.find(([pattern]) => pattern.test(name));
  if (known) return known[1];
  if (/(At|On)$/.test(name)) return SAMPLE_INSTANT;
  if (/(Date|Start)$/.test(name)) return '2026-11-30';
  if (/(^|[A-Z])[Ii]d$/.test(name)) return SAMPLE_ID;
  return name ? `<${name}>` : '<string>';
}

/** docs/events.md: every public event with its subject, publisher, version, schema and an example. */
export function renderEventCatalogue(): string {
  const subjects = subjectsFor('capstan');
  const lines: string[] = [
    '# Events',
    '',
    '<!-- Generated from the contracts lib by `npm run docs:events`; a test fails when it is out of date. Do not edit. -->',
    '',
    'Every change in Capstan is announced as an event, written in the same transaction as',
    'the change (a transactional outbox) and published to the JetStream stream',
    `\`${subjects.eventStream}\` on the subject \`${subjects.event('<type>')}\` (the prefix is`,
    '`CAPSTAN_NAMESPACE`). Delivery is at least once: de-duplicate on the envelope `id`.',
    'Within one initiative, events carry versions (`initiativeVersion`, `version`) so a',
    'consumer can ignore one older than what it already applied.',
    '',
    'Ways to receive them: a **webhook** subscription (signed HTTP POSTs, see',
    '[integration.md](integration.md)), or a **durable JetStream consumer** of your own on',
    `\`${subjects.eventStream}\` with the read-only NATS user described there.`,
    '',
    '## The envelope',
    '',
    '| field | meaning |',
    '|---|---|',
    '| `id` | the event id (UUID): the JetStream `Nats-Msg-Id` and the key to de-duplicate on |',
    '| `type` | the event type, below |',
    '| `version` | the payload schema version; a breaking change gets a new version, while a payload may gain fields within its version (read them leniently: the schemas below list the fields of today) |',
    '| `source` | the service that published it |',
    '| `occurredAt` | when the change was committed (ISO 8601) |',
    '| `correlationId` | the id of the HTTP request that caused it, when there was one |',
    '| `traceparent` | the W3C trace context of the change, when tracing is on |',
    '| `payload` | the event itself |',
    '',
    'Money is always a decimal string (`"1250.00"`), never a JSON number.',
    '',
    '## Catalogue',
    '',
    '| type | version | published by | subject |',
    '|---|---|---|---|',
    ...EVENT_CATALOGUE.map(({ contract, publisher }) => `| [\`${contract.type}\`](#${contract.type.replace(/\./g, '')}) | ${contract.version} | ${publisher} | \`${subjects.event(contract.type)}\` |`),
    '',
  ];
  for (const { contract, publisher } of EVENT_CATALOGUE) {
    const { $defs = {}, ...schema } = z.toJSONSchema(contract.payload, { io: 'output', unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    delete (schema as { $schema?: string }).$schema;
    const example = {
      id: SAMPLE_ID,
      type: contract.type,
      version: contract.version,
      source: publisher,
      occurredAt: SAMPLE_INSTANT,
      correlationId: 'req-7f3a2c',
      payload: sampleOf(schema, $defs),
    };
    lines.push(
      `### ${contract.type}`,
      '',
      `Version ${contract.version}, published by ${publisher} on \`${subjects.event(contract.type)}\`.`,
      '',
      'Example:',
      '',
      '```json',
      JSON.stringify(example, null, 2),
      '```',
      '',
      '<details><summary>Payload schema (JSON Schema)</summary>',
      '',
      '```json',
      JSON.stringify(Object.keys($defs).length ? { ...schema, $defs } : schema, null, 2),
      '```',
      '',
      '</details>',
      '',
    );
  }
  return lines.join('\n');
}
