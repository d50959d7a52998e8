import "server-only";
// Deletes trace-list facets by their whole primary key (project, facet, value, trace): the table has no
// index on the trace alone. Shared by trace deletion and by ingest when a trace's map changes.
import type { Sql } from "@/lib/db/sql";

/** `keys`: [facet, value, traceId] triples, values already made storable (pgText). */
export async function deleteFacetKeys(tx: Sql, projectId: string, keys: readonly string[][]): Promise<void> {
  if (keys.length === 0) return;
  const json = JSON.stringify(keys.map(([f, v, t]) => ({ f, v, t })));
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
