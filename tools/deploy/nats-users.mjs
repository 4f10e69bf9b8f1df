#!/usr/bin/env node
// Writes the Capstan services' NATS users — what each may not publish or
// subscribe to — into infra/nats/nats-server.conf and the cluster's copy in
// infra/k8s/base/nats.yaml, between the "generated" markers. Deny-lists are
// long (every other service's durable consumers), so they are made here from
// one description rather than kept by hand in two places.
//
//   node tools/deploy/nats-users.mjs          rewrite both files
//   node tools/deploy/nats-users.mjs --check  exit 1 if either is out of date
//   --root <dir>                               the files under <dir> instead of this checkout
//
// tests/system/src/nats-users.int-spec.ts runs the system on the written
// configuration and checks `DURABLES` against the consumers it creates.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** The shipped configuration's subjects are those of CAPSTAN_NAMESPACE "capstan". */
const NAMESPACE = 'capstan';

/**
 * Each service: the event types it publishes (by first token), the prefix of
 * the requests it answers, and its durable consumers on the event stream.
 */
export const SERVICES = {
  gateway: { events: [], rpc: null, durables: ['gateway__webhooks'] },
  intake: {
    events: ['initiative', 'owner', 'evidence', 'telemetry', 'decision', 'dependency'],
    rpc: 'intake',
    durables: ['intake__posture_changed'],
  },
  scoring: {
    events: ['posture', 'score'],
    rpc: 'scoring',
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
  'cost-tracking': { events: ['cost', 'budget', 'fx'], rpc: 'cost', durables: ['cost-tracking__initiative_registered'] },
  sequencing: {
    events: ['plan', 'rollout'],
    rpc: 'sequencing',
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

/**
 * The integrators' read-only users (their blocks in the configuration are
 * written by hand): their durable consumers and inbox prefixes, which no
 * service may touch either. A block copied for another integrator goes here too.
 */
const INTEGRATORS = [{ durable: 'analytics', inbox: '_INBOX_analytics' }];

/** Every durable consumer a service reads with, by service. */
export const DURABLES = Object.fromEntries(Object.entries(SERVICES).map(([service, { durables }]) => [service, durables]));

/** No service may remove what the others rely on: streams, consumers, messages. */
const DESTRUCTIVE = ['$JS.API.STREAM.DELETE.>', '$JS.API.STREAM.PURGE.>', '$JS.API.STREAM.MSG.DELETE.>', '$JS.API.CONSUMER.DELETE.>'];

/**
 * What touches durable consumer `name` on any stream: creating or changing it
 * (CREATE, DURABLE.CREATE, filtered CREATE), reading its info by name, pulling
 * from it (MSG.NEXT) and acknowledging its messages. Listing the stream's
 * consumers stays allowed (it changes nothing).
 */
const consumerSubjects = (name) => [`$JS.API.CONSUMER.*.*.${name}`, `$JS.API.CONSUMER.*.*.*.${name}`, `$JS.API.CONSUMER.CREATE.*.${name}.>`, `$JS.ACK.*.${name}.>`];

/** A service's permissions: none of the others' events, requests, replies or consumers, and nothing destructive. */
export function permissionsOf(service) {
  const others = Object.entries(SERVICES).filter(([name]) => name !== service);
  const own = SERVICES[service];
  const events = own.events.length ? others.flatMap(([, other]) => other.events).map((type) => `${NAMESPACE}.events.${type}.>`) : [`${NAMESPACE}.events.>`];
  const consumers = [...others.flatMap(([, other]) => other.durables), ...INTEGRATORS.map((integrator) => integrator.durable)].flatMap(consumerSubjects);
  return {
    publish: [...events, ...DESTRUCTIVE, ...consumers],
    subscribe: [
      ...others.filter(([, other]) => other.rpc).map(([, other]) => `${NAMESPACE}.rpc.${other.rpc}.>`),
      '_INBOX.>',
      ...others.map(([name]) => `_INBOX_${name}.>`),
      ...INTEGRATORS.map((integrator) => `${integrator.inbox}.>`),
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
      '    publish: { deny: [',
      ...list(publish),
      '    ] }',
      '    subscribe: { deny: [',
      ...list(subscribe),
      '    ] }',
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
