import { loadServiceConfig } from './config';

describe(loadServiceConfig.name, () => {
  it('should apply defaults', () => {
    const config = loadServiceConfig('cost-tracking', 3103, {});
    expect(config).toMatchObject({ namespace: 'capstan', natsUrl: 'nats://127.0.0.1:4222', port: 3103, migrateOnStart: true, databasePoolSize: 10 });
    expect(config.databaseUrl).toBeUndefined();
  });

  it('should read the service port from its own variable', () => {
    expect(loadServiceConfig('cost-tracking', 3103, { COST_TRACKING_PORT: '4000' }).port).toBe(4000);
  });

  it('should size the Postgres pool, never below what leases need', () => {
    expect(loadServiceConfig('intake', 3101, { DATABASE_POOL_SIZE: '4' }).databasePoolSize).toBe(4);
    expect(() => loadServiceConfig('intake', 3101, { DATABASE_POOL_SIZE: '2' })).toThrow(/DATABASE_POOL_SIZE/);
  });

  it('should stop with a message naming each bad variable', () => {
    expect(() => loadServiceConfig('intake', 3101, { DATABASE_URL: 'mysql://x', RPC_TIMEOUT_MS: '5' })).toThrow(
      /DATABASE_URL: must be a postgres:\/\/ URL.*RPC_TIMEOUT_MS/,
    );
  });
});
