// A Sql (lib/db/sql.ts) that charges the time of every call to a label, so the stage profiler can
// split storeBatch into its statements. SQLite calls are synchronous behind their promises, so the
// wall time of each call is its real cost; for PostgreSQL it includes the round trip.
import type { Sql } from "../../lib/db/sql";

export type Totals = Map<string, number>;

export function charge(totals: Totals, label: string, ms: number): void {
  totals.set(label, (totals.get(label) ?? 0) + ms);
}

async function timed<T>(totals: Totals, label: string, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    charge(totals, label, performance.now() - started);
  }
}

/** A short label for a statement: its verb and table. */
function labelOf(text: string): string {
  const match = /^\s*(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[\s\S]*?"(\w+)"/i.exec(text);
  return match ? `sql ${match[1]!.split(" ")[0]!.toLowerCase()} ${match[2]}` : `sql ${text.trim().slice(0, 30)}`;
}

/** Wraps `inner`; transaction time outside the callback is charged to "sql begin/commit". */
export function timingSql(inner: Sql, totals: Totals): Sql {
  const wrap = (sql: Sql): Sql => ({
    dialect: sql.dialect,
    // Rest parameters pass on every argument, including ones the interface gains later (e.g. options).
    query: (...args: Parameters<Sql["query"]>) => timed(totals, labelOf(args[0]), () => sql.query(...args)),
    run: (...args: Parameters<Sql["run"]>) => timed(totals, labelOf(args[0]), () => sql.run(...args)),
    insertMany: (...args: Parameters<Sql["insertMany"]>) => timed(totals, `sql insert ${args[0]}`, () => sql.insertMany(...args)),
    async transaction(fn) {
      let inside = 0;
      const started = performance.now();
      try {
        return await sql.transaction(async (tx) => {
          const entered = performance.now();
          try {
            return await fn(wrap(tx));
          } finally {
            inside = performance.now() - entered;
          }
        });
      } finally {
        charge(totals, "sql begin/commit", performance.now() - started - inside);
      }
    },
    close: () => sql.close(),
  });
  return wrap(inner);
}
