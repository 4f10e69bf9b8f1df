import { nulCharacterAt } from './nul-character';

describe(nulCharacterAt.name, () => {
  it('finds nothing in values without U+0000', () => {
    expect(nulCharacterAt({ name: 'Claims triage', tags: ['a', 'b'], count: 3, nested: { ok: null } })).toBeUndefined();
    expect(nulCharacterAt('plain')).toBeUndefined();
    expect(nulCharacterAt(42)).toBeUndefined();
    expect(nulCharacterAt(undefined)).toBeUndefined();
  });

  it('names the field that holds it, however deep', () => {
    expect(nulCharacterAt('a\u0000b')).toBe('');
    expect(nulCharacterAt({ name: 'ok', summary: 'bad\u0000' })).toBe('summary');
    expect(nulCharacterAt({ windows: [{ reason: 'ok' }, { reason: '\u0000' }] })).toBe('windows.1.reason');
  });

  it('finds it in a key', () => {
    expect(nulCharacterAt({ customFields: { 'cost\u0000centre': 'x' } })).toBe('customFields.cost\\u0000centre');
  });
});
