import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { EVENT_CATALOGUE } from '@capstan/contracts';

const ROOT = resolve(__dirname, '../../..');

describe('the public event catalogue', () => {
  it('should be current in docs/events.md (npm run docs:events)', async () => {
    const check = promisify(execFile)(process.execPath, ['-r', '@swc-node/register', 'tools/api/generate-event-docs.ts', '--check'], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: 'tsconfig.typecheck.json' },
    });
    await expect(check).resolves.toBeDefined();
  }, 60_000);

  it('should list every event with an example its own schema accepts', () => {
    const text = readFileSync(resolve(ROOT, 'docs/events.md'), 'utf8');
    for (const { contract } of EVENT_CATALOGUE) {
      const section = text.slice(text.indexOf(`### ${contract.type}\n`));
      expect(section.startsWith(`### ${contract.type}`)).toBe(true);
      const start = section.indexOf('```json\n') + '```json\n'.length;
      const example = JSON.parse(section.slice(start, section.indexOf('\n```', start))) as { type: string; payload: unknown };
      expect(example.type).toBe(contract.type);
      const parsed = contract.payload.safeParse(example.payload);
      expect({ type: contract.type, issues: parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) }).toEqual({ type: contract.type, issues: [] });
    }
  });
});
