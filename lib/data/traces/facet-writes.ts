import "server-only";
// Writes the trace list's facets: trace_facets rows (project, facet, value) → trace, which its agent,
// model, tool, map node and map edge filters read.
//
// Design
// - A row's key starts with its value and trace ids are random, so a commit's traces land all over each
//   value's range: every SQLite ingest commit rewrote a few hundred index pages of this table for a
//   dozen new rows each, and with the pipeline map on (whose edge and node values hold thousands of
//   traces each) that was the largest item of ingest's WAL after the spans themselves.
// - So on SQLite an ingest commit may leave its facet changes pending: one `facet_pending` row per
//   commit (JSON: the keys it added and removed), in the same transaction as its spans (nothing is lost
//   in a crash), applied by the project's next commit a second or more later, where a second of
//   commits touches each page once.
// - Changes apply in commit order (a map edge a trace lost in one commit may come back in the next):
//   the rows' sequence is the commit order on SQLite's single writer, and a fold replays them oldest
//   first, the last change of each key winning.
// - Every other writer (repairs, cost recomputation, deletion) folds first in its own transaction, and
//   the trace list folds before it filters by a facet (facet-fold.ts).
// - PostgreSQL writes at once: its B-tree inserts log rows, not pages, so waiting would gain nothing.
import { pgText, type Sql, type SqlValue } from "@/lib/db/sql";

/** [facet, value, traceId]: the value as the span sent it (made storable when written). */
export type FacetKey = readonly [facet: string, value: string, traceId: string];

/** The facet keys a transaction added and removed (never the same key in both). */
export class FacetChanges {
  constructor(
    readonly add: FacetKey[] = [],
    readonly remove: FacetKey[] = [],
  ) {}
}

/** How long a project's changes may wait in facet_pending while its ingest goes on. */
const FOLD_EVERY_MS = 1_000;
/** When this thread last folded each project's pending changes (only paces: a clock per process is enough). */
const lastFoldMs = new Map<string, number>();

const isKey = (key: unknown): key is FacetKey => Array.isArray(key) && key.length === 3 && key.every((part) => typeof part === "string");

/**
 * A key as one string that sorts like the key: a facet name holds no NUL, and NUL sorts before every
 * other character (a value holding one may sort out of place, which only costs locality).
 */
const keyText = ([facet, value, traceId]: FacetKey) => `${facet}\u0000${value}\u0000${traceId}`;

/** The final state of each key after the project's pending changes, oldest first, then `latest`'s. */
async function takePending(tx: Sql, projectId: string, latest: FacetChanges): Promise<{ final: Map<string, { key: FacetKey; present: boolean }>; folded: boolean }> {
  // One statement reads and deletes: exactly the rows it saw.
  const rows = await tx.query<{ seq: number | bigint; changes: string }>(`DELETE FROM "facet_pending" WHERE "projectId" = ? RETURNING "seq", "changes"`, [projectId]);
  lastFoldMs.set(projectId, Date.now());
  const final = new Map<string, { key: FacetKey; present: boolean }>();
  const apply = (changes: { add: unknown[]; remove: unknown[] }) => {
    for (const [keys, present] of [
      [changes.remove, false],
      [changes.add, true],
    ] as const) {
      for (const key of keys) if (isKey(key)) final.set(keyText(key), { key, present });
    }
  };
  for (const row of rows.sort((a, b) => Number(a.seq) - Number(b.seq))) {
    try {
      const changes = JSON.parse(row.changes) as { add?: unknown; remove?: unknown };
      apply({ add: Array.isArray(changes.add) ? changes.add : [], remove: Array.isArray(changes.remove) ? changes.remove : [] });
    } catch {
      console.error(`[hindsight] skipped an unreadable pending facet change of project ${projectId}`);
    }
  }
  apply(latest);
  return { final, folded: rows.length > 0 };
}

/** Deletes facets by their whole key: the table has no index on the trace alone. */
async function deleteKeys(tx: Sql, projectId: string, keys: readonly FacetKey[]): Promise<void> {
  if (keys.length === 0) return;
  const json = JSON.stringify(keys.map(([f, v, t]) => ({ f, v: pgText(v), t })));
  if (tx.dialect === "postgres")
    await tx.run(
      `DELETE FROM "trace_facets" f USING json_to_recordset(?::json) AS k("f" text, "v" text, "t" text)
       WHERE f."projectId" = ? AND f."facet" = k."f" AND f."value" = k."v" AND f."traceId" = k."t"`,
      [json, projectId],
    );
  else
    await tx.run(
      `DELETE FROM "trace_facets" WHERE ("projectId", "facet", "value", "traceId") IN
       (SELECT ?, json_extract(value, '$.f'), json_extract(value, '$.v'), json_extract(value, '$.t') FROM json_each(?))`,
      [projectId, json],
    );
}

/** Inserts facets of traces still stored (a pending change may outlive a trace deleted since). */
async function insertKeys(tx: Sql, projectId: string, keys: readonly FacetKey[], checkTraces: boolean): Promise<void> {
  if (keys.length === 0) return;
  let kept = keys;
  if (checkTraces) {
    const ids = [...new Set(keys.map((k) => k[2]))];
    const rows = await tx.query<{ traceId: string }>(
      `SELECT "traceId" FROM "traces" WHERE "projectId" = ? AND "traceId" IN (SELECT value FROM json_each(?))`,
      [projectId, JSON.stringify(ids)],
    );
    const stored = new Set(rows.map((r) => r.traceId));
    kept = keys.filter((k) => stored.has(k[2]));
  }
  const rows = kept.map(([facet, value, traceId]): SqlValue[] => [projectId, facet, value, traceId]);
  await tx.insertMany("trace_facets", ["projectId", "facet", "value", "traceId"], rows, `("projectId", "facet", "value", "traceId") DO NOTHING`);
}

/**
 * Applies a transaction's facet changes (call inside it): at once, after folding what is pending, or
 * for an ingest commit (`mayDefer`) on SQLite, left pending until the project's next fold is due.
 */
export async function writeFacets(tx: Sql, projectId: string, changes: FacetChanges, { mayDefer = false } = {}): Promise<void> {
  if (tx.dialect === "postgres") {
    await deleteKeys(tx, projectId, changes.remove);
    await insertKeys(tx, projectId, changes.add, false);
    return;
  }
  if (mayDefer && Date.now() - (lastFoldMs.get(projectId) ?? -Infinity) < FOLD_EVERY_MS) {
    if (changes.add.length + changes.remove.length > 0)
      await tx.run(`INSERT INTO "facet_pending" ("projectId", "changes") VALUES (?, ?)`, [projectId, JSON.stringify({ add: changes.add, remove: changes.remove })]);
    return;
  }
  const { final: byKey, folded } = await takePending(tx, projectId, changes);
  // In key order, so consecutive rows land on the same index pages.
  const final = [...byKey.keys()].sort().map((text) => byKey.get(text)!);
  await deleteKeys(
    tx,
    projectId,
    final.filter((f) => !f.present).map((f) => f.key),
  );
  // Only folded keys can name a trace deleted since; this transaction's own traces are stored.
  await insertKeys(
    tx,
    projectId,
    final.filter((f) => f.present).map((f) => f.key),
    folded,
  );
}

/** Applies the project's pending facet changes (inside a transaction that is about to read or rewrite facets). */
export const foldFacets = (tx: Sql, projectId: string): Promise<void> => writeFacets(tx, projectId, new FacetChanges());
