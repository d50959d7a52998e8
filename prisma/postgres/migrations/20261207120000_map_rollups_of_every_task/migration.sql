-- The pipeline map of every task reads `graph.edge_all` (the edge rows summed over tasks) and draws approval
-- gates from the `gate` approval rollups (per task, agent and action). Both are kept at ingest from now on;
-- this builds them from what was stored before, so older ranges read the same as new ones. Group texts are
-- built as the app writes them (JSON without spaces), so later deltas land on the same rows.

-- graph.edge_all: each group is the per-task group with its task set to "".
INSERT INTO "metric_rollups" ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "count", "errorCount", "llmCallCount",
  "toolCallCount", "durationSumMs", "maxMs", "p50Ms", "p95Ms", "p99Ms", "costUsd", "inputTokens", "outputTokens", "bins")
WITH "edges" AS (
  SELECT r.*, '[""' || substr(r."groupKey", length(to_json(r."groupKey"::json->>0)::text) + 2) AS "allKey" FROM "metric_rollups" r
  WHERE r."dimension" = 'graph.edge' AND r."count" > 0
), "binSums" AS (
  SELECT e."projectId", e."granularity", e."bucketStartMs", e."allKey", b."key" AS "bin", SUM(b."value"::numeric) AS "n"
  FROM "edges" e, jsonb_each_text(e."bins"::jsonb) b GROUP BY 1, 2, 3, 4, 5
), "binObjects" AS (
  SELECT "projectId", "granularity", "bucketStartMs", "allKey", json_object_agg("bin", "n")::text AS "bins" FROM "binSums" WHERE "n" <> 0 GROUP BY 1, 2, 3, 4
)
SELECT e."projectId", 'graph.edge_all', e."granularity", e."bucketStartMs", e."allKey", SUM(e."count"), SUM(e."errorCount"), SUM(e."llmCallCount"),
  SUM(e."toolCallCount"), SUM(e."durationSumMs"), MAX(e."maxMs"), MAX(e."p50Ms"), MAX(e."p95Ms"), MAX(e."p99Ms"), SUM(e."costUsd"),
  SUM(e."inputTokens"), SUM(e."outputTokens"), COALESCE(MAX(o."bins"), '{}')
FROM "edges" e LEFT JOIN "binObjects" o ON o."projectId" = e."projectId" AND o."granularity" = e."granularity"
  AND o."bucketStartMs" = e."bucketStartMs" AND o."allKey" = e."allKey"
GROUP BY e."projectId", e."granularity", e."bucketStartMs", e."allKey";

-- gate: one row per task, agent ("" when none) and action, hourly and daily; the wait histogram uses the
-- sketch's bins (lib/analytics/sketch.ts: ceil(ln(ms) / ln(1.009 / 0.991)), -384 below a microsecond).
INSERT INTO "approval_rollups" ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "requests", "approved", "rejected",
  "timedOut", "escalated", "waitSumMs", "maxWaitMs", "p50WaitMs", "p95WaitMs", "bins")
WITH "gates" AS (
  SELECT a."projectId", g."granularity", (a."startNs" / 1000000) / g."ms" * g."ms" AS "bucketStartMs",
    '[' || to_json(a."task")::text || ',' || to_json(COALESCE(a."agentName", ''))::text || ',' || to_json(a."action")::text || ']' AS "groupKey",
    a."waitMs", a."decision",
    CASE WHEN a."waitMs" >= 0.001 THEN ceil(ln(a."waitMs"::float8) / ln((1 + 0.009::float8) / (1 - 0.009::float8)))::int ELSE -384 END AS "bin"
  FROM "approvals" a, (VALUES ('1h', 3600000::bigint), ('1d', 86400000::bigint)) AS g("granularity", "ms")
  WHERE a."action" IS NOT NULL AND a."action" <> ''
), "binObjects" AS (
  SELECT "projectId", "granularity", "bucketStartMs", "groupKey", json_object_agg("bin", "n")::text AS "bins"
  FROM (SELECT "projectId", "granularity", "bucketStartMs", "groupKey", "bin", COUNT(*) AS "n" FROM "gates" GROUP BY 1, 2, 3, 4, 5) s
  GROUP BY 1, 2, 3, 4
)
SELECT g."projectId", 'gate', g."granularity", g."bucketStartMs", g."groupKey", COUNT(*), COUNT(*) FILTER (WHERE g."decision" = 'approved'),
  COUNT(*) FILTER (WHERE g."decision" = 'rejected'), COUNT(*) FILTER (WHERE g."decision" = 'timed_out'), COUNT(*) FILTER (WHERE g."decision" = 'escalated'),
  SUM(g."waitMs"), MAX(g."waitMs"), 0, 0, MAX(o."bins")
FROM "gates" g JOIN "binObjects" o ON o."projectId" = g."projectId" AND o."granularity" = g."granularity"
  AND o."bucketStartMs" = g."bucketStartMs" AND o."groupKey" = g."groupKey"
GROUP BY g."projectId", g."granularity", g."bucketStartMs", g."groupKey";
