import { EventEmitter } from 'node:events';
import { PGlite, types, type Results } from '@electric-sql/pglite';

type Callback<T> = (error: Error | null, value?: T) => void;

interface PgStyleResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: Results['fields'];
}

/**
 * A `pg`-compatible pool over one embedded PGlite database, for TypeORM's
 * postgres driver (`driver` option). PGlite is a single connection, so the pool
 * hands it to one query runner at a time: a transaction never interleaves with
 * another caller's statements. It behaves like a `pg` pool of size one.
 */
export function pgliteDriver(dataDir: string): { Pool: new () => PgliteSerialPool } {
  let opened: Promise<PGlite> | undefined;
  // Opened on first use: building data-source options has no side effects.
  const database = () =>
    (opened ??= PGlite.create({
      dataDir,
      // Match node-postgres: int8 and numeric arrive as strings, never as lossy numbers.
      parsers: { [types.INT8]: (value: string) => value, [types.NUMERIC]: (value: string) => value },
    }));
  return {
    Pool: class extends PgliteSerialPool {
      constructor() {
        super(database);
      }
    },
  };
}

/** TypeORM attaches and removes error listeners on connections: an EventEmitter covers that. */
class PgliteConnection extends EventEmitter {
  constructor(private readonly database: PGlite) {
    super();
  }

  query(sql: string, params?: unknown[] | Callback<PgStyleResult>, callback?: Callback<PgStyleResult>): Promise<PgStyleResult> {
    const done = typeof params === 'function' ? params : callback;
    const values = Array.isArray(params) ? params : [];
    const result = this.run(sql, values);
    if (done) {
      result.then((value) => done(null, value), (error: Error) => done(error));
    }
    return result;
  }

  private async run(sql: string, values: unknown[]): Promise<PgStyleResult> {
    const result = values.length
      ? await this.database.query(sql, values)
      : ((await this.database.exec(sql)).at(-1) ?? { rows: [], fields: [], affectedRows: 0 });
    const command = /^\s*(\w+)/.exec(sql)?.[1]?.toUpperCase() ?? '';
    return {
      rows: result.rows,
      rowCount: result.affectedRows ?? result.rows.length,
      command,
      fields: result.fields,
    };
  }
}

export class PgliteSerialPool extends EventEmitter {
  private connection?: PgliteConnection;
  private tail: Promise<void> = Promise.resolve();

  constructor(private readonly database: () => Promise<PGlite>) {
    super();
  }

  connect(callback: (error: Error | null, connection?: PgliteConnection, release?: () => void) => void): void {
    let release!: () => void;
    const turn = new Promise<void>((resolve) => (release = resolve));
    const previous = this.tail;
    this.tail = previous.then(() => turn);
    previous
      .then(() => this.database())
      .then((database) => {
        this.connection ??= new PgliteConnection(database);
        let released = false;
        callback(null, this.connection, () => {
          if (!released) {
            released = true;
            release();
          }
        });
      })
      .catch((error: Error) => {
        release();
        callback(error);
      });
  }

  end(callback: (error: Error | null) => void): void {
    this.tail
      .then(() => this.database())
      .then((database) => database.close())
      .then(() => callback(null), (error: Error) => callback(error));
  }
}
