/**
 * npm run docs:events [-- --check]
 *
 * Writes docs/events.md, the public event catalogue, from the contracts lib.
 * With --check it changes nothing and fails if the file is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { renderEventCatalogue } from './event-catalogue';

const path = resolve(__dirname, '../../docs/events.md');
const text = renderEventCatalogue();
if (process.argv.includes('--check')) {
  const current = (() => {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  })();
  if (current !== text) {
    console.error('docs/events.md is out of date: run npm run docs:events');
    process.exit(1);
  }
} else {
  writeFileSync(path, text);
  console.log('Wrote docs/events.md');
}
