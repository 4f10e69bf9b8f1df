import { z } from 'zod';

/** The largest value of a Postgres `integer`: versions and sequence numbers are kept in such columns. */
export const PG_INTEGER_MAX = 2_147_483_647;

/** A version a caller names (`If-Match`): past an integer column's range it could only fail there. */
export const versionSchema = z.number().int().positive().max(PG_INTEGER_MAX);
