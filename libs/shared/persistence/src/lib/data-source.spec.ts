import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serviceDataSourceOptions } from './data-source';

describe(serviceDataSourceOptions.name, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'capstan-persistence-'));

  it('should use the given Postgres URL with timeouts and never synchronize', () => {
    const options = serviceDataSourceOptions({
      schema: 'intake',
      entities: [],
      migrations: [],
      databaseUrl: 'postgres://localhost/capstan',
      dataDir,
    });
    expect(options).toMatchObject({ type: 'postgres', url: 'postgres://localhost/capstan', schema: 'intake', synchronize: false });
    expect(options).toHaveProperty('extra.statement_timeout');
  });

  it('should fall back to an embedded database in the service folder', () => {
    const options = serviceDataSourceOptions({ schema: 'scoring', entities: [], migrations: [], dataDir });
    expect(options).toMatchObject({ type: 'postgres', schema: 'scoring', synchronize: false });
    expect(options).toHaveProperty('driver.Pool');
    expect(options).not.toHaveProperty('url');
  });
});
