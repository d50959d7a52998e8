// Seeds the score benchmark's evaluation results straight into a PostgreSQL server's tables with COPY FROM
// STDIN: the score rows the OTel receiver would store (attributed to their trace's task and agent and their
// span's model, read back from the stored runs) and their score rollups summed by the app's own pure
// ScoreRollupDeltas, so the metrics read exactly what the receiver path would have left. Sending a million
// evaluations through the receiver on PostgreSQL takes longer than the benchmark is worth: what is timed
// is the metrics read, not the load.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { ScoreRollupDeltas } from "../../lib/quality/score-rollups";
import { isPassing } from "../../lib/quality/score-types";
import { copyRows } from "./pg-copy";

/** One evaluation result as the benchmark generates it. */
export type BenchEvaluation = { traceId: string; spanId: string; name: string; value: number; timeMs: number };

const SCORE_COLUMNS = `"projectId", "id", "traceId", "spanId", "name", "value", "label", "comment", "source", "author", "evaluatorId", "createdMs", "timeMs", "passed", "task", "agent", "models"`;
const ROLLUP_COLUMNS = `"projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "name", "count", "valueCount", "valueSum", "passCount"`;
const CHUNK = 50_000;

export async function seedScoresByCopy(databaseUrl: string, projectId: string, count: number, evaluationOf: (k: number) => BenchEvaluation): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const traces = new Map<string, { task: string; agent: string | null }>();
    for (const row of (
      await client.query<{ traceId: string; name: string; agentName: string | null }>(
        `SELECT "traceId", "name", "agentName" FROM "traces" WHERE "projectId" = $1`,
        [projectId],
      )
    ).rows) {
      traces.set(row.traceId, { task: row.name, agent: row.agentName });
    }
    const spanModels = new Map<string, string>();
    for (const row of (
      await client.query<{ traceId: string; spanId: string; model: string }>(
        `SELECT "traceId", "spanId", "model" FROM "spans" WHERE "projectId" = $1 AND "model" IS NOT NULL AND "kind" IN ('llm', 'embedding')`,
        [projectId],
      )
    ).rows) {
      spanModels.set(`${row.traceId}/${row.spanId}`, row.model);
    }
    const deltas = new ScoreRollupDeltas();
    const createdMs = Date.now();
    for (let first = 0; first < count; first += CHUNK) {
      const rows: unknown[][] = [];
      for (let k = first; k < Math.min(count, first + CHUNK); k++) {
        const e = evaluationOf(k);
        const trace = traces.get(e.traceId);
        if (!trace) throw new Error(`run ${e.traceId} is not stored: load the runs first`);
        const model = spanModels.get(`${e.traceId}/${e.spanId}`);
        const attribution = { task: trace.task, agent: trace.agent, models: model ? [model] : [] };
        const passed = isPassing(e.value, null);
        const facts = { name: e.name, value: e.value, passed, timeMs: e.timeMs };
        deltas.addName(facts, 1);
        deltas.addAttribution(facts, attribution, 1);
        rows.push([
          projectId,
          randomUUID(),
          e.traceId,
          e.spanId,
          e.name,
          e.value,
          null,
          null,
          "otel",
          null,
          null,
          createdMs,
          e.timeMs,
          passed,
          trace.task,
          trace.agent,
          JSON.stringify(attribution.models),
        ]);
      }
      await client.query("BEGIN");
      await copyRows(client, "scores", SCORE_COLUMNS, rows);
      await client.query("COMMIT");
    }
    const rollups = deltas
      .changedRows()
      .map((r) => [projectId, r.dimension, r.granularity, r.bucketStartMs, r.groupKey, r.name, r.count, r.valueCount, r.valueSum, r.passCount]);
    await client.query("BEGIN");
    await copyRows(client, "score_rollups", ROLLUP_COLUMNS, rollups);
    await client.query("COMMIT");
    await client.query(`ANALYZE "scores"`);
    await client.query(`ANALYZE "score_rollups"`);
  } finally {
    await client.end();
  }
}
