import { instanceOf } from './problem';

describe(instanceOf.name, () => {
  it('should leave out the event stream token and keep the rest of the query', () => {
    expect(instanceOf('/api/v1/events?access_token=secret.jwt.value&types=initiative.registered')).toBe('/api/v1/events?types=initiative.registered');
    expect(instanceOf('/api/v1/events?access_token=cap_abc')).toBe('/api/v1/events');
    expect(instanceOf('/api/v1/initiatives?limit=5')).toBe('/api/v1/initiatives?limit=5');
  });

  it('should leave out the token whose name is percent-encoded, as the guard reads it', () => {
    expect(instanceOf('/api/v1/events?access%5Ftoken=secret.jwt.value&types=a')).toBe('/api/v1/events?types=a');
  });

  it('should answer for a request line no URL parser accepts', () => {
    expect(instanceOf('//[/x?access_token=1')).toBe('//[/x');
    expect(instanceOf('//[/x')).toBe('//[/x');
  });
});
