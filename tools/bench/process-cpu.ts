import { readFileSync, readdirSync } from 'node:fs';

/**
 * CPU seconds used so far by the processes a benchmark cares about, summed by
 * kind: each Capstan service (`dist/apps/<service>/main.js`), Postgres (its
 * connections, autovacuum, background processes, and children that ended),
 * the NATS server and the benchmark itself, with each kind's context
 * switches (its main threads'); and the machine's busy and idle time and
 * context switches. Read from /proc (Linux); elsewhere the map is
 * empty and reports simply leave the breakdown out.
 */
export function cpuSecondsByKind(): Map<string, number> {
  const ticksPerSecond = 100; // USER_HZ on every Linux this runs on
  const totals = new Map<string, number>();
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return totals;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const kind = kindOf(Number(entry), readFileSync(`/proc/${entry}/cmdline`, 'utf8'));
      if (!kind) continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command name (which may hold spaces): utime is the 14th field, stime the 15th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const seconds = (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
      totals.set(kind, (totals.get(kind) ?? 0) + seconds);
      // The server process collects the time of its children that ended (autovacuum workers, closed connections).
      if (kind === 'postgres') totals.set('postgres ended', (totals.get('postgres ended') ?? 0) + (Number(fields[13]) + Number(fields[14])) / ticksPerSecond);
      // How often the process's main thread (a Node event loop) was switched out: its wake-ups, in thousands.
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const switches = [...status.matchAll(/^(?:non)?voluntary_ctxt_switches:\s+(\d+)$/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
      totals.set(`${kind} (context switches, thousands)`, (totals.get(`${kind} (context switches, thousands)`) ?? 0) + switches / 1000);
    } catch {
      // the process ended between listing and reading
    }
  }
  // The whole machine: idle and busy time (busy includes what no process above accounts for) and context switches.
  const machine = readFileSync('/proc/stat', 'utf8');
  const [, user, nice, system, idle, iowait, irq, softirq, steal] = machine.split('\n')[0].split(/\s+/).map(Number);
  totals.set('(machine busy)', (user + nice + system + irq + softirq + steal) / ticksPerSecond);
  totals.set('(machine kernel)', (system + irq + softirq) / ticksPerSecond);
  totals.set('(machine idle)', (idle + iowait) / ticksPerSecond);
  totals.set('(context switches, thousands)', Number(/^ctxt (\d+)$/m.exec(machine)?.[1] ?? 0) / 1000);
  return totals;
}

function kindOf(pid: number, commandLine: string): string | undefined {
  if (pid === process.pid) return 'benchmark';
  const service = /dist\/apps\/([\w-]+)\/main\.js/.exec(commandLine);
  if (service) return service[1];
  // Postgres names its processes by what they do ("postgres: 15/main: autovacuum worker", "… user db 127.0.0.1(5432) idle").
  if (commandLine.startsWith('postgres: ')) {
    if (commandLine.includes('autovacuum')) return 'postgres autovacuum';
    return /\d+\.\d+\.\d+\.\d+|\[local\]/.test(commandLine) ? 'postgres connections' : 'postgres background';
  }
  if (/\/bin\/postgres\0/.test(commandLine)) return 'postgres';
  if (commandLine.includes('nats-server')) return 'nats-server';
  return undefined;
}

/** CPU seconds per `per` units of work between two readings, by kind. */
export function cpuSpent(before: Map<string, number>, after: Map<string, number>, units: number, per = 1000): Record<string, number> {
  const spent: Record<string, number> = {};
  for (const [kind, seconds] of after) spent[kind] = Math.round(((seconds - (before.get(kind) ?? 0)) / units) * per * 100) / 100;
  return spent;
}
