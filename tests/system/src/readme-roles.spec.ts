import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ALL, MATRIX } from './role-matrix';

const README = readFileSync(join(resolve(__dirname, '../../..'), 'README.md'), 'utf8');
const COLUMNS = ['admin', 'pmo', 'finance', 'engineering', 'viewer', 'no token'];
const METHOD = /^(GET|POST|PUT|PATCH|DELETE) /;

/** A route as both sides can spell it: no query, no optional part, parameters unnamed. */
function normalized(method: string, path: string): string {
  return `${method} ${path.replace(/\?.*$/, '').replace(/\{[^}]*\}/g, '{}')}`;
}

/** A table cell's routes: `GET /api/v1/plans[?kind=]`, then `/plans/current` under the same method, `[/{deliveryId}]` as both routes. */
function routesOf(cell: string): string[] {
  const routes: string[] = [];
  let method = '';
  for (const [, item] of cell.matchAll(/`([^`]+)`/g)) {
    let path: string;
    if (METHOD.test(item)) [method, path] = item.split(' ', 2);
    else if (item.startsWith('/') && method) path = item.startsWith('/api/') ? item : `/api/v1${item}`;
    else continue; // `text/csv`, `If-Match`: notes, not routes
    const optional = /\[([^\]]*)\]/.exec(path);
    const bare = path.replace(/\[[^\]]*\]/g, '');
    routes.push(normalized(method, bare));
    if (optional?.[1].startsWith('/')) routes.push(normalized(method, path.replace(/\[([^\]]*)\]/g, '$1')));
  }
  return routes;
}

/** The README's "who may call what" table: each route with the columns ticked. */
function readmeTable(): Map<string, string[]> {
  const lines = README.split('\n');
  const start = lines.findIndex((line) => line.startsWith('| route | admin | pmo | finance | engineering | viewer | no token |'));
  expect(start).toBeGreaterThan(-1);
  const table = new Map<string, string[]>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const ticked = COLUMNS.filter((_, index) => cells[index + 1]?.startsWith('✓'));
    for (const route of routesOf(cells[0])) table.set(route, ticked);
  }
  return table;
}

describe("the README's table of who may call what", () => {
  it('should give every operation of the API the roles the gateway enforces (role-matrix.int-spec checks those against it), and name no other', () => {
    const documented = readmeTable();
    const expected = new Map(
      Object.entries(MATRIX).map(([operation, allowed]) => {
        const [method, path] = operation.split(' ');
        return [normalized(method, path), allowed === 'public' ? COLUMNS : ALL.filter((role) => allowed.includes(role))];
      }),
    );
    const apiRoutes = new Map([...documented].filter(([route]) => route.includes(' /api/v1/')));
    expect(Object.fromEntries([...apiRoutes].sort())).toEqual(Object.fromEntries([...expected].sort()));
  });
});
