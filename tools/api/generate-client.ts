/**
 * npm run client:generate [-- --from <url|file>] [-- --check]
 *
 * Writes the typed client's types (libs/shared/client/src/generated/openapi.ts)
 * and the document they come from (libs/shared/client/openapi.json) from the
 * gateway's OpenAPI document: read from --from, or from the built system this
 * script starts against the local Postgres and NATS. With --check it changes
 * nothing and fails if the committed files differ from what it would write.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { startTestSystem } from '@capstan/testing';

const ROOT = resolve(__dirname, '../..');
const TYPES = resolve(ROOT, 'libs/shared/client/src/generated/openapi.ts');
const DOCUMENT = resolve(ROOT, 'libs/shared/client/openapi.json');
const HEADER = `/* The Capstan API's types, generated from its OpenAPI document by \`npm run client:generate\`. Do not edit. */\n\n`;

async function readDocument(from: string | undefined): Promise<object> {
  if (from?.startsWith('http')) {
    const response = await fetch(from);
    if (!response.ok) throw new Error(`${from} answered ${response.status}`);
    return (await response.json()) as object;
  }
  if (from) return JSON.parse(await readFile(from, 'utf8')) as object;
  const context = await startTestSystem(ROOT);
  try {
    return await readDocument(`${context.system.gatewayUrl}/api/openapi.json`);
  } finally {
    await context.teardown();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { from: { type: 'string' }, check: { type: 'boolean', default: false } } });
  const document = await readDocument(values.from);
  const files = [
    { path: DOCUMENT, text: `${JSON.stringify(document, null, 2)}\n` },
    { path: TYPES, text: HEADER + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0], { alphabetize: true, defaultNonNullable: false })) },
  ];
  if (values.check) {
    const stale = [];
    for (const file of files) if ((await readFile(file.path, 'utf8').catch(() => '')) !== file.text) stale.push(file.path);
    if (stale.length) {
      console.error(`The typed client is not current with the gateway's document: ${stale.map((p) => p.slice(ROOT.length + 1)).join(', ')}. Run npm run client:generate.`);
      process.exit(1);
    }
    console.log('The typed client is current with the gateway.');
    return;
  }
  for (const file of files) await writeFile(file.path, file.text);
  console.log(`Wrote ${files.map((f) => f.path.slice(ROOT.length + 1)).join(' and ')}.`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
