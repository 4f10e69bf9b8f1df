import { newerEtag } from './etags';

describe(newerEtag.name, () => {
  it('should keep the later version of an initiative, weak or strong, and let any version beat none', () => {
    expect(newerEtag('"7"', '"8"')).toBe('"8"');
    expect(newerEtag('"12"', '"9"')).toBe('"12"');
    expect(newerEtag('W/"3"', '"2"')).toBe('W/"3"');
    expect(newerEtag('*', '"1"')).toBe('"1"');
    expect(newerEtag('"1"', '*')).toBe('"1"');
    expect(newerEtag('*', '*')).toBe('*');
  });
});
