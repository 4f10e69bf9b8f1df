#!/usr/bin/env node
// Writes the Capstan services' NATS users — what each may publish and
// subscribe to, everything else denied — into infra/nats/nats-server.conf and
// the cluster's copy in infra/k8s/base/nats.yaml, between the "generated"
// markers. The lists are long (each durable consumer's API subjects), so they
// are made here from one description rather than kept by hand in two places.
//
//   node tools/deploy/nats-users.mjs          rewrite both files
//   node tools/deploy/nats-users.mjs --check  exit 1 if either is out of date
//   --root <dir>                               the files under <dir> instead of this checkout
//
// tests/system/src/nats-users.int-spec.ts runs the system on the written
// configuration and checks `DURABLES` against the consumers it creates: a
// consumer not listed here is refused to its own service too (fails closed).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shipped configuration's subjects are those of CAPSTAN_NAMESPACE "capstan" (streams CAPSTAN_EVENTS, CAPSTAN_DEAD_LETTERS). */
const NAMESPACE = 'capstan';
const STREAMS = ['CAPSTAN_EVENTS', 'CAPSTAN_DEAD_LETTERS'];

/**
 * Each service: the event types it publishes (by first token), the prefix of
 * the requests it answers, the requests it sends (subjects after `rpc.`), and
 * its durable consumers on the event stream.
 */
export const SERVICES = {
  gateway: { events: [], rpc: null, requests: ['>'], durables: ['gateway__webhooks'] },
  intake: {
    events: ['initiative', 'owner', 'evidence', 'telemetry', 'decision', 'dependency'],
    rpc: 'intake',
    requests: [],
    durables: ['intake__posture_changed'],
  },
  scoring: {
    events: ['posture', 'score'],
    rpc: 'scoring',
    requests: [],
    durables: [
      'scoring__budget_burn_changed',
      'scoring__budget_commitment_changed',
      'scoring__cost_unit_economics_changed',
      'scoring__cost_visibility_changed',
      'scoring__decision_recorded',
      'scoring__evidence_expired',
      'scoring__evidence_recorded',
      'scoring__fx_month_rates_recorded',
      'scoring__initiative_archived',
      'scoring__initiative_registered',
      'scoring__initiative_updated',
      'scoring__owner_assigned',
      'scoring__owner_removed',
      'scoring__rollout_contention_measured',
      'scoring__telemetry_recorded',
    ],
  },
  'cost-tracking': { events: ['cost', 'budget', 'fx'], rpc: 'cost', requests: [], durables: ['cost-tracking__initiative_registered'] },
  sequencing: {
    events: ['plan', 'rollout'],
    rpc: 'sequencing',
    // The postures of the initiatives a plan holds back.
    requests: ['scoring.posture.many'],
    durables: [
      'sequencing__decision_recorded',
      'sequencing__dependency_added',
      'sequencing__dependency_removed',
      'sequencing__initiative_archived',
      'sequencing__initiative_registered',
      'sequencing__initiative_updated',
      'sequencing__posture_changed',
    ],
  },
};

/** Every durable consumer a service reads with, by service. */
export const DURABLES = Object.fromEntries(Object.entries(SERVICES).map(([service, { durables }]) => [service, durables]));

/**
 * What a service does with durable consumer `name` of the event stream: create or change it (CREATE, DURABLE.CREATE,
 * filtered CREATE), read its info, pull from it (MSG.NEXT) and acknowledge its messages. Never delete it.
 */
const consumerSubjects = (name) => [
  `$JS.API.CONSUMER.CREATE.${STREAMS[0]}.${name}`,
  `$JS.API.CONSUMER.CREATE.${STREAMS[0]}.${name}.>`,
  `$JS.API.CONSUMER.DURABLE.CREATE.${STREAMS[0]}.${name}`,
  `$JS.API.CONSUMER.INFO.${STREAMS[0]}.${name}`,
  `$JS.API.CONSUMER.MSG.NEXT.${STREAMS[0]}.${name}`,
  `$JS.ACK.${STREAMS[0]}.${name}.>`,
];

/**
 * A service's permissions, everything else denied: its own events, dead letters and relay wake-ups; the requests it
 * sends; the streams' info; its own durable consumers; its own requests and
 * replies. Answering a request it received is allowed by `allow_responses` (the reply subject is the caller's).
 */
export function permissionsOf(service) {
  const own = SERVICES[service];
  return {
    publish: [
      ...own.events.map((type) => `${NAMESPACE}.events.${type}.>`),
      ...own.requests.map((request) => `${NAMESPACE}.rpc.${request}`),
      `${NAMESPACE}.relay-wake.${service}`,
      ...own.durables.map((durable) => `${NAMESPACE}.dead-letters.${durable}`),
      '$JS.API.INFO',
      // Read, never made, changed, deleted or purged: the operators' user makes them (the --ensure-streams step).
      ...STREAMS.map((stream) => `$JS.API.STREAM.INFO.${stream}`),
      `$JS.API.CONSUMER.LIST.${STREAMS[0]}`,
      `$JS.API.CONSUMER.NAMES.${STREAMS[0]}`,
      ...own.durables.flatMap(consumerSubjects),
    ],
    subscribe: [
      `_INBOX_${service}.>`,
      ...(own.rpc ? [`${NAMESPACE}.rpc.${own.rpc}.>`] : []),
      // Every service answers its health check under its own name (cost tracking's other requests are `cost.*`).
      ...(own.rpc === service ? [] : [`${NAMESPACE}.rpc.${service}.health`]),
      `${NAMESPACE}.relay-wake.${service}`,
      // The gateway's live event stream reads every event as it is published.
      ...(service === 'gateway' ? [`${NAMESPACE}.events.>`] : []),
    ],
  };
}

const passwordVariable = (service) => `$NATS_${service.toUpperCase().replace(/-/g, '_')}_PASS`;

/** The users block, indented by `indent`. */
function usersBlock(indent) {
  const lines = [];
  for (const service of Object.keys(SERVICES)) {
    const { publish, subscribe } = permissionsOf(service);
    const list = (subjects) => subjects.map((subject, i) => `      ${JSON.stringify(subject)}${i < subjects.length - 1 ? ',' : ''}`);
    lines.push(
      '{',
      `  user: ${service}`,
      `  password: ${passwordVariable(service)}`,
      '  permissions: {',
      '    publish: { allow: [',
      ...list(publish),
      '    ] }',
      '    subscribe: { allow: [',
      ...list(subscribe),
      '    ] }',
      '    allow_responses: true',
      '  }',
      '}',
    );
  }
  return lines.map((line) => `${indent}${line}`).join('\n');
}

const BEGIN = '# BEGIN services (generated by tools/deploy/nats-users.mjs: edit there)';
const END = '# END services';

/** The file with its generated block rewritten, keeping the markers' indentation. */
function rewrite(text, file) {
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file}: no "${BEGIN}" … "${END}" block`);
  const indent = text.slice(text.lastIndexOf('\n', begin) + 1, begin);
  return `${text.slice(0, begin)}${BEGIN}\n${usersBlock(indent)}\n${indent}${text.slice(end)}`;
}

export const FILES = ['infra/nats/nats-server.conf', 'infra/k8s/base/nats.yaml'];

function main() {
  const check = process.argv.includes('--check');
  const at = process.argv.indexOf('--root');
  const root = at > 0 ? process.argv[at + 1] : ROOT;
  let stale = 0;
  for (const file of FILES) {
    const path = join(root, file);
    const text = readFileSync(path, 'utf8');
    const written = rewrite(text, file);
    if (written === text) continue;
    if (check) {
      console.error(`${file} is out of date: run node tools/deploy/nats-users.mjs`);
      stale++;
    } else {
      writeFileSync(path, written);
      console.log(`wrote ${file}`);
    }
  }
  if (stale) process.exitCode = 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
