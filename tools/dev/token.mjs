#!/usr/bin/env node
// Prints a signed bearer token for the configured secret:
//   npm run token -- --role pmo [--role finance] [--capability committee] [--sub alice] [--ttl 6h]
// The secret is CAPSTAN_JWT_SECRET, or the development secret `npm start` keeps in .capstan/.
import { parseArgs } from 'node:util';
import { decodeJwt } from 'jose';
import { readDevSecret, signDevToken, tokenMaxAgeHours } from './dev-auth.mjs';

const ROLES = ['admin', 'pmo', 'finance', 'engineering', 'viewer'];

const { values } = parseArgs({
  options: {
    role: { type: 'string', multiple: true, default: [] },
    capability: { type: 'string', multiple: true, default: [] },
    sub: { type: 'string', default: 'dev-user' },
    // 12 hours, or the gateway's longest lifetime when that is shorter.
    ttl: { type: 'string' },
  },
});
const unknown = values.role.filter((role) => !ROLES.includes(role));
if (!values.role.length || unknown.length) {
  console.error(`Give one or more --role of: ${ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`);
  process.exit(2);
}
const secret = process.env.CAPSTAN_JWT_SECRET ?? readDevSecret();
if (!secret) {
  console.error('Set CAPSTAN_JWT_SECRET, or run `npm start` once to create a development secret.');
  process.exit(2);
}
// The gateway refuses a token that lives longer than this: say so now rather than with a 401 later.
let maxHours;
try {
  maxHours = tokenMaxAgeHours();
} catch (error) {
  console.error(error.message);
  process.exit(2);
}
const token = await signDevToken(secret, values.sub, values.role, values.ttl, values.capability);
const { exp, iat } = decodeJwt(token);
if (exp - iat > maxHours * 3600) {
  console.error(`--ttl ${values.ttl ?? ''} is longer than the ${maxHours} h the gateway accepts (CAPSTAN_TOKEN_MAX_AGE_HOURS); for a long-lived caller, create a service account's API key`);
  process.exit(2);
}
console.log(token);

