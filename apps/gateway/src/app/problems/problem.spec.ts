import { instanceOf } from './problem';

describe(instanceOf.name, () => {
  it('should leave out the event stream token and keep the rest of the query', () => {
    expect(instanceOf('/api/v1/events?access_token=secret.jwt.value&types=initiative.registered')).toBe('/api/v1/events?types=initiative.registered');
    expect(instanceOf('/api/v1/events?access_token=cap_abc')).toBe('/api/v1/events');
    expect(instanceOf('/api/v1/initiatives?limit=5')).toBe('/api/v1/initiatives?limit=5');
  });
});
