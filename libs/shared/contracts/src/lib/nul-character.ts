/**
 * Postgres cannot store U+0000 in text or jsonb, so a string holding it would
 * fail deep in a write as an internal error. Requests are checked for it on
 * the way in instead, and refused as invalid with the field that holds it.
 */
export const NUL_CHARACTER_MESSAGE = 'Must not contain the NUL character (U+0000)';

/** The path of the first string (or object key) holding U+0000, `''` for the value itself; undefined when there is none. */
export function nulCharacterAt(value: unknown): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? '' : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    if (key.includes('\u0000')) return key.split('\u0000').join('\\u0000');
    const inner = nulCharacterAt(item);
    if (inner !== undefined) return inner ? `${key}.${inner}` : key;
  }
  return undefined;
}
