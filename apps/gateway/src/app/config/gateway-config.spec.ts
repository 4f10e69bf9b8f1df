import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadGatewayConfig } from './gateway-config';

describe(loadGatewayConfig.name, () => {
  const secret = 'x'.repeat(32);

  it('should serve the dashboard from a folder that holds it', () => {
    const folder = mkdtempSync(join(tmpdir(), 'capstan-dashboard-'));
    writeFileSync(join(folder, 'index.html'), '<!doctype html>');
    expect(loadGatewayConfig({ CAPSTAN_JWT_SECRET: secret, CAPSTAN_DASHBOARD_DIR: folder }).dashboardDir).toBe(folder);
  });

  it('should stop on a named dashboard folder without the dashboard, rather than serve none', () => {
    const folder = mkdtempSync(join(tmpdir(), 'capstan-dashboard-'));
    expect(() => loadGatewayConfig({ CAPSTAN_JWT_SECRET: secret, CAPSTAN_DASHBOARD_DIR: folder })).toThrow(/CAPSTAN_DASHBOARD_DIR has no index.html/);
  });
});
