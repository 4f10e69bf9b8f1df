import { WriteBase, newerEtag } from './etags';

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

describe(WriteBase.name, () => {
  let shown = '"5"';
  const writes = new WriteBase(() => shown);

  it('should write against the version the form opened on, then the one it wrote, never *', () => {
    expect(writes.current).toBe('*');
    writes.open();
    expect(writes.current).toBe('"5"');
    // A live reload while the form is open does not move it: a change made meanwhile is refused, not overwritten.
    shown = '"6"';
    expect(writes.current).toBe('"5"');
    writes.wrote(7);
    expect(writes.current).toBe('"7"');
  });

  it('should take, after a 412, the version the reload brings, once, or the one on screen when it came first', () => {
    shown = '"7"';
    writes.refused();
    writes.reloaded('"8"');
    expect(writes.current).toBe('"8"');
    // A later change reloaded live does not move it: the retry is refused again.
    writes.reloaded('"9"');
    expect(writes.current).toBe('"8"');
    // The change that caused the refusal was on screen already.
    shown = '"9"';
    writes.refused();
    expect(writes.current).toBe('"9"');
    writes.reloaded('"10"');
    expect(writes.current).toBe('"9"');
  });
});
