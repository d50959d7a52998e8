// Histogram rollup rows as the SQLite writer thread last wrote them. Every ingest transaction merges its
// deltas into ~200 rows with histograms, and most are the same hot rows as in the previous one (this
// minute's, hour's and day's rows of each task, agent, tool, model and kind). Rollups were a fifth of
// the writer's time, and reading those rows back and parsing their bins every time was a good part of
// it. With this cache a row is read once and then kept, decoded, between transactions.
//
// Valid only for a connection that nothing else writes rollups through (the writer thread's own), and
// only while no other connection has committed: `PRAGMA data_version` changes exactly when another
// connection commits (a price change recomputing costs from the request thread, for one), and then
// the cache starts over. A transaction that fails after merging must call clear(): the rows here would
// hold deltas its rollback undid.
import type { Sql } from "@/lib/db/sql";
import type { RollupRow } from "@/lib/analytics/rollup-delta";

/**
 * Enough for the hot rows of every group (~200 a transaction in the benchmark) plus about twenty
 * transactions of cold ones, at ~1.7 KB a row: ~7 MB of the writer thread's heap.
 */
const DEFAULT_MAX_ROWS = 4_096;

export class RollupRowCache {
  private readonly rows = new Map<string, RollupRow>();
  private dataVersion: string | null = null;

  constructor(private readonly maxRows = DEFAULT_MAX_ROWS) {}

  /** Call inside the transaction, before get(): forgets everything if another connection committed since. */
  async validate(tx: Sql): Promise<void> {
    const [row] = await tx.query<{ data_version: unknown }>("PRAGMA data_version");
    const version = String(row?.data_version);
    if (version === this.dataVersion) return;
    this.rows.clear();
    this.dataVersion = version;
  }

  /** The row as stored, or undefined when it is not cached (read it from the database). */
  get(id: string): RollupRow | undefined {
    return this.rows.get(id);
  }

  /** Remembers a row as this transaction stores it; the least recently stored rows go first. */
  set(id: string, row: RollupRow): void {
    this.rows.delete(id); // re-inserted at the end: Map order is the eviction order
    this.rows.set(id, row);
    if (this.rows.size > this.maxRows) this.rows.delete(this.rows.keys().next().value!);
  }

  clear(): void {
    this.rows.clear();
    this.dataVersion = null;
  }

  get size(): number {
    return this.rows.size;
  }
}
