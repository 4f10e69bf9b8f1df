import { RpcError } from './rpc-error';
import { placeholders } from './outbox';
import { messagingTablesUp } from './messaging-tables';

describe(RpcError.name, () => {
  it('should carry its code, message and field errors across the wire', () => {
    const error = new RpcError('validation_failed', 'Invalid', [{ field: 'name', message: 'Required' }]);
    expect(error.toBody()).toEqual({ code: 'validation_failed', message: 'Invalid', errors: [{ field: 'name', message: 'Required' }] });
    expect(RpcError.notFound('Initiative x').toBody()).toEqual({ code: 'not_found', message: 'Initiative x was not found' });
  });
});

describe(placeholders.name, () => {
  it('should number parameters from the offset', () => {
    expect(placeholders(['a', 'b', 'c'])).toBe('$1, $2, $3');
    expect(placeholders(['a', 'b'], 2)).toBe('$3, $4');
  });
});

describe(messagingTablesUp.name, () => {
  it('should key the inbox by consumer and event id so an event applies once', () => {
    const sql = messagingTablesUp('scoring').join('\n');
    expect(sql).toContain('PRIMARY KEY (consumer, event_id)');
    expect(sql).toContain('"scoring".outbox');
  });
});
