// Property: random traces (lib/trace's arbitraries: late parents, orphans, wrappers over calls with
// usage, cycles) sent in random orders and batches, with re-sent spans and a price change at a random
// moment, through the real storeBatch and recomputeCosts, leave exactly the summaries, facets and
// rollups a full recomputation over the stored spans gives. With several connections (PostgreSQL),
// they commit concurrently, as several server processes would.
import fc from "fast-check";
import { expect } from "vitest";
import { recomputeCosts } from "@/lib/data/ingest/recompute-costs";
import { storeBatch } from "@/lib/data/ingest/store-batch";
import type { Sql } from "@/lib/db/sql";
import { buildPriceBook } from "@/lib/pricing/compute";
import { arbitraryTrace, arrivals } from "../../trace/trace-arbitraries";
import { clearProject, expectRollupsOfStoredSpans, expectSummariesOfStoredSpans } from "./stored-consistency";

const traceIdOf = (i: number) => `${(0xa0 + i).toString(16)}${"0".repeat(28)}${i.toString(16).padStart(2, "0")}`;

const workload = fc
  .integer({ min: 1, max: 3 })
  .chain((traces) => fc.tuple(...Array.from({ length: traces }, (_, i) => arbitraryTrace(traceIdOf(i), i + 1, 20))))
  .map((traces) => traces.flat());

const repricing = new Map([["gpt-4o", { provider: "openai", input: 7, output: 21, cacheRead: null, cacheWrite: null }]]);

export async function expectRandomArrivalsConsistent(connections: Sql | Sql[], projectId: string, numRuns: number): Promise<void> {
  const sqls = Array.isArray(connections) ? connections : [connections];
  await fc.assert(
    fc.asyncProperty(workload, fc.infiniteStream(fc.nat()), fc.option(fc.nat(), { nil: null }), async (spans, randomness, repriceAt) => {
      await clearProject(sqls[0]!, projectId);
      const batches = arrivals(spans, randomness);
      const priceChangeAt = repriceAt === null ? -1 : repriceAt % batches.length;
      let next = 0;
      const send = async (sql: Sql) => {
        for (let i = next++; i < batches.length; i = next++) {
          await storeBatch(sql, { projectId, spans: batches[i]!, resources: [], logs: [] });
          if (i === priceChangeAt)
            await sql.transaction((tx) => recomputeCosts(tx, projectId, buildPriceBook(), buildPriceBook(repricing), new Set(repricing.keys())));
          if (sqls.length === 1) await expectSummariesOfStoredSpans(sql, projectId);
        }
      };
      await Promise.all(sqls.map(send));
      expect(await expectSummariesOfStoredSpans(sqls[0]!, projectId)).toBeGreaterThan(0);
      await expectRollupsOfStoredSpans(sqls[0]!, projectId);
    }),
    { numRuns },
  );
}
