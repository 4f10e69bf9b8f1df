import { pieceLength, unstorableTextIn } from './storable-text';

describe(unstorableTextIn.name, () => {
  it('finds nothing in text Postgres stores, astral characters included', () => {
    expect(unstorableTextIn({ name: 'Claims triage 🙂', tags: ['の', 'b'], count: 3, nested: { ok: null } })).toBeUndefined();
    expect(unstorableTextIn('plain')).toBeUndefined();
    expect(unstorableTextIn(42)).toBeUndefined();
    expect(unstorableTextIn(undefined)).toBeUndefined();
  });

  it('names the field holding U+0000, however deep', () => {
    const nul = 'Must not contain the NUL character (U+0000)';
    expect(unstorableTextIn('a\u0000b')).toEqual({ field: '', message: nul });
    expect(unstorableTextIn({ name: 'ok', summary: 'bad\u0000' })).toEqual({ field: 'summary', message: nul });
    expect(unstorableTextIn({ windows: [{ reason: 'ok' }, { reason: '\u0000' }] })).toEqual({ field: 'windows.1.reason', message: nul });
  });

  it('finds a lone surrogate, high or low, but not a pair', () => {
    const lone = 'Must be well-formed Unicode (it holds half of a surrogate pair)';
    expect(unstorableTextIn({ name: 'a\ud800b' })).toEqual({ field: 'name', message: lone });
    expect(unstorableTextIn({ tags: ['x\udc00'] })).toEqual({ field: 'tags.0', message: lone });
    expect(unstorableTextIn({ name: 'end\ud83d' })).toEqual({ field: 'name', message: lone });
    expect(unstorableTextIn({ name: '\ud83d\ude00' })).toBeUndefined();
  });

  it('finds either in a key, and names the key escaped', () => {
    expect(unstorableTextIn({ customFields: { 'cost\u0000centre': 'x' } })).toEqual({
      field: 'customFields.cost\\u0000centre',
      message: "Must not contain the NUL character (U+0000) (in the field's name)",
    });
  });
});

describe(pieceLength.name, () => {
  it('should never cut a surrogate pair in two', () => {
    expect(pieceLength('abcd', 4)).toBe(4);
    expect(pieceLength('abcde', 4)).toBe(4);
    expect(pieceLength('abc😀', 5)).toBe(5);
    expect(pieceLength('abc😀x', 4)).toBe(3);
    expect(pieceLength('ab😀x', 4)).toBe(4);
  });
});
