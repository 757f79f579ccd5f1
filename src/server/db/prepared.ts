// Queries built and compiled once, run many times with new values: the statements every request
// runs (the caller's user row and grants, the unit, a submission's transaction). Kysely builds an
// immutable tree and compiles it to SQL text at every execution; for these few statements that was a
// fifth of a submission's time (docs/performance.md). The query is still written with Kysely's
// builder, type-checked against the schema, in the dialect of the database that runs it: each value
// that changes is a named slot, and the compiled statement's parameters are filled in per call.
// (kysely-params does this, but for Kysely 0.24 only.)
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema';
import { directStatements } from './statements';

/** A value to be given at each run, standing in the query's parameters until then. */
class Slot {
  constructor(readonly name: string) {}
}

/** `param('id')` in a builder: the place of the run's value `id` (typed as that value). */
export type Param<P> = <K extends keyof P & string>(name: K) => P[K];

const slot = ((name: string) => new Slot(name)) as Param<never>;

export interface PreparedQuery<P, R> {
  /** Runs the statement with these values (in the transaction given as `db`, if it is one). */
  execute(db: Kysely<Database>, values: P): Promise<R[]>;
  executeTakeFirst(db: Kysely<Database>, values: P): Promise<R | undefined>;
}

/**
 * @example
 * const byId = preparedQuery<{ id: string }, UserRow>((db, param) => db.selectFrom('users').selectAll().where('id', '=', param('id')));
 * const user = await byId.executeTakeFirst(db, { id });
 */
export function preparedQuery<P extends Record<string, unknown>, R>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<R>,
): PreparedQuery<P, R> {
  // One compiled form per dialect adapter: SQLite and PostgreSQL differ in placeholders and quoting;
  // a transaction shares its database's adapter.
  const compiled = new WeakMap<object, CompiledQuery<R>>();
  const compiledFor = (db: Kysely<Database>): CompiledQuery<R> => {
    const adapter = db.getExecutor().adapter;
    let query = compiled.get(adapter);
    if (!query) {
      // Values known when the query is built (constants) stay in it; every run's value must be a slot.
      query = build(db, slot as Param<P>).compile();
      compiled.set(adapter, query);
    }
    return query;
  };
  const execute = async (db: Kysely<Database>, values: P): Promise<R[]> => {
    const query = compiledFor(db);
    const parameters = query.parameters.map((p) => {
      if (!(p instanceof Slot)) return p;
      const value = values[p.name];
      // A missing value would be bound as NULL and silently match nothing.
      if (value === undefined) throw new Error(`preparedQuery: no value for ${p.name}`);
      return value;
    });
    // In a grouped SQLite transaction, straight on the connection it holds (db/statements.ts).
    const direct = directStatements(db);
    if (direct) return direct.run<R>(query.sql, parameters);
    return (await db.executeQuery<R>({ ...query, parameters })).rows;
  };
  return {
    execute,
    executeTakeFirst: async (db, values) => (await execute(db, values))[0],
  };
}
