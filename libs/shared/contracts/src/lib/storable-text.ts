import type { FieldError } from './rpc';

/**
 * Text Postgres cannot store: U+0000 (in text or jsonb) and a lone UTF-16
 * surrogate (no UTF-8 for it; jsonb refuses its `\ud800` escape). A string
 * holding either would fail deep in a write or a filter as an internal
 * error, so requests are checked for them on the way in and refused as
 * invalid, with the field that holds one.
 */
export function unstorableTextIn(value: unknown): FieldError | undefined {
  if (typeof value === 'string') {
    const message = problemOf(value);
    return message ? { field: '', message } : undefined;
  }
  if (value === null || typeof value !== 'object') return undefined;
  for (const [key, item] of Object.entries(value)) {
    const inKey = problemOf(key);
    if (inKey) return { field: JSON.stringify(key).slice(1, -1), message: `${inKey} (in the field's name)` };
    const inner = unstorableTextIn(item);
    if (inner) return { ...inner, field: inner.field ? `${key}.${inner.field}` : key };
  }
  return undefined;
}

// With the `u` flag a surrogate pair is one code point: only a lone half is in the category.
const LONE_SURROGATE = /\p{Cs}/u;

function problemOf(text: string): string | undefined {
  if (text.includes('\u0000')) return 'Must not contain the NUL character (U+0000)';
  if (LONE_SURROGATE.test(text)) return 'Must be well-formed Unicode (it holds half of a surrogate pair)';
  return undefined;
}

/**
 * How many characters of `text` the next piece of at most `size` takes: one
 * fewer when the last would be the first half of a surrogate pair, which
 * alone is not text (and which an RPC server refuses).
 */
export function pieceLength(text: string, size: number): number {
  if (text.length <= size) return text.length;
  const last = text.charCodeAt(size - 1);
  return last >= 0xd800 && last <= 0xdbff ? size - 1 : size;
}
