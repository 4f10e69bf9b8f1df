import { isDatabaseOutage, isTransactionConflict, isUniqueViolation } from './database-outage';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

describe(isDatabaseOutage.name, () => {
  it('should recognise a server going away, refusing connections or unreachable', () => {
    expect(isDatabaseOutage(withCode('terminating connection due to administrator command', '57P01'))).toBe(true);
    expect(isDatabaseOutage(withCode('the database system is starting up', '57P03'))).toBe(true);
    expect(isDatabaseOutage(withCode('connection failure', '08006'))).toBe(true);
    expect(isDatabaseOutage(withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED'))).toBe(true);
    expect(isDatabaseOutage(new Error('Connection terminated unexpectedly'))).toBe(true);
  });

  it('should look inside the wrappers a driver error arrives in', () => {
    const wrapped = Object.assign(new Error('Query failed'), { driverError: withCode('terminating connection', '57P01') });
    expect(isDatabaseOutage(wrapped)).toBe(true);
    expect(isDatabaseOutage(new Error('Could not apply', { cause: withCode('refused', 'ECONNREFUSED') }))).toBe(true);
  });

  it('should not mistake a failing statement or a bug for an outage', () => {
    expect(isDatabaseOutage(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isDatabaseOutage(withCode('deadlock detected', '40P01'))).toBe(false);
    expect(isDatabaseOutage(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseOutage('Connection terminated')).toBe(false);
  });

  it('should tell a transaction that lost a deadlock or a serialization check from one whose statement failed', () => {
    expect(isTransactionConflict(Object.assign(new Error('Query failed'), { driverError: withCode('deadlock detected', '40P01') }))).toBe(true);
    expect(isTransactionConflict(withCode('could not serialize access', '40001'))).toBe(true);
    expect(isTransactionConflict(withCode('duplicate key value violates unique constraint', '23505'))).toBe(false);
    expect(isTransactionConflict(withCode('terminating connection', '57P01'))).toBe(false);
  });
});

describe(isUniqueViolation.name, () => {
  it('should recognise a unique key refusing a row, through TypeORM\'s wrapper, and nothing else', () => {
    expect(isUniqueViolation(Object.assign(new Error('Query failed'), { driverError: withCode('duplicate key value violates unique constraint', '23505') }))).toBe(true);
    expect(isUniqueViolation(withCode('null value in column violates not-null constraint', '23502'))).toBe(false);
    expect(isUniqueViolation(withCode('deadlock detected', '40P01'))).toBe(false);
  });
});
