import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

/** The Postgres tests run against, as an admin connection that may create databases. */
export const ADMIN_DATABASE_URL = process.env['DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A database of one test file's own on the real Postgres; `drop` removes it whatever still holds it. */
export async function createTestDatabase(adminUrl = ADMIN_DATABASE_URL): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `capstan_it_${randomBytes(4).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** The rows of one query on a database, read directly (what the API does not show), on a connection of its own. */
export async function queryDatabase<T = Record<string, unknown>>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  await queryDatabase(adminUrl, sql);
}
