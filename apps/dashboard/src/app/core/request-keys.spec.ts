import { RequestKeys } from './request-keys';

describe(RequestKeys.name, () => {
  it('should give a retry of the same body its key, a changed body a new one, and the same body after success a new one', () => {
    const keys = new RequestKeys();
    const first = keys.keyFor({ name: 'Claims triage', stage: 'pilot' });
    expect(keys.keyFor({ name: 'Claims triage', stage: 'pilot' })).toBe(first);
    const changed = keys.keyFor({ name: 'Claims triage', stage: 'scaling' });
    expect(changed).not.toBe(first);
    keys.done();
    expect(keys.keyFor({ name: 'Claims triage', stage: 'scaling' })).not.toBe(changed);
  });
});
