// Command-line flags of scripts/bench-metrics.ts. `--database-url` points the bench at a database of
// your own (a SQLite file or a local PostgreSQL database you created): it is loaded only when empty and
// kept afterwards, so a change to the read path can be re-timed without reloading a million spans.
import { parseArgs } from "node:util";
import type { Database } from "../../tests/support/hindsight-server";

export type BenchFlags = {
  spans: number;
  days: number;
  runs: number;
  senders: number;
  seed: number;
  databases: Database[];
  /** Reuse (or fill once) this database instead of a fresh, dropped one; one database only. */
  databaseUrl?: string;
};

export function parseBenchFlags(): BenchFlags {
  const { values } = parseArgs({
    options: {
      spans: { type: "string" },
      days: { type: "string" },
      database: { type: "string" },
      runs: { type: "string" },
      senders: { type: "string" },
      seed: { type: "string" },
      "database-url": { type: "string" },
    },
  });
  const int = (raw: string | undefined, fallback: number, flag: string) => {
    const value = raw === undefined ? fallback : Number(raw);
    if (!Number.isInteger(value) || value <= 0) throw new Error(`${flag} expects a positive integer, got "${raw}"`);
    return value;
  };
  const databaseUrl = values["database-url"];
  const database = databaseUrl ? (databaseUrl.startsWith("file:") ? "sqlite" : "postgres") : (values.database ?? "both");
  if (!["sqlite", "postgres", "both"].includes(database)) throw new Error(`--database must be sqlite, postgres or both, got "${database}"`);
  if (databaseUrl && values.database && values.database !== database) throw new Error(`--database ${values.database} contradicts --database-url (${database})`);
  return {
    spans: int(values.spans, 1_000_000, "--spans"),
    days: int(values.days, 30, "--days"),
    runs: int(values.runs, 7, "--runs"),
    senders: int(values.senders, 4, "--senders"),
    seed: int(values.seed, 20261121, "--seed"),
    databases: (database === "both" ? ["sqlite", "postgres"] : [database]) as Database[],
    ...(databaseUrl ? { databaseUrl } : {}),
  };
}
