-- The pipeline map of every task reads `graph.edge_all` (the edge rows summed over tasks) and draws approval
-- gates from the `gate` approval rollups (per task, agent and action). Both are kept at ingest from now on;
-- this builds them from what was stored before, so older ranges read the same as new ones.

-- graph.edge_all: each group is the per-task group with its task set to "".
INSERT INTO "metric_rollups" ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "count", "errorCount", "llmCallCount",
  "toolCallCount", "durationSumMs", "maxMs", "p50Ms", "p95Ms", "p99Ms", "costUsd", "inputTokens", "outputTokens", "bins")
WITH "edges" AS (
  SELECT r.*, json_set(r."groupKey", '$[0]', '') AS "allKey" FROM "metric_rollups" r
  WHERE r."dimension" = 'graph.edge' AND r."count" > 0 AND json_valid(r."groupKey") AND json_valid(r."bins")
), "binSums" AS (
  SELECT e."projectId", e."granularity", e."bucketStartMs", e."allKey", b."key" AS "bin", SUM(b."value") AS "n"
  FROM "edges" e, json_each(e."bins") b GROUP BY 1, 2, 3, 4, 5
), "binObjects" AS (
  SELECT "projectId", "granularity", "bucketStartMs", "allKey", json_group_object("bin", "n") AS "bins" FROM "binSums" WHERE "n" <> 0 GROUP BY 1, 2, 3, 4
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
    json_array(a."task", COALESCE(a."agentName", ''), a."action") AS "groupKey", a."waitMs", a."decision",
    CASE WHEN a."waitMs" >= 0.001 THEN CAST(ceil(ln(a."waitMs") / ln((1 + 0.009) / (1 - 0.009))) AS INTEGER) ELSE -384 END AS "bin"
  FROM "approvals" a, (SELECT '1h' AS "granularity", 3600000 AS "ms" UNION ALL SELECT '1d', 86400000) g
  WHERE a."action" IS NOT NULL AND a."action" <> ''
), "binObjects" AS (
  SELECT "projectId", "granularity", "bucketStartMs", "groupKey", json_group_object("bin", "n") AS "bins"
  FROM (SELECT "projectId", "granularity", "bucketStartMs", "groupKey", "bin", COUNT(*) AS "n" FROM "gates" GROUP BY 1, 2, 3, 4, 5)
  GROUP BY 1, 2, 3, 4
)
SELECT g."projectId", 'gate', g."granularity", g."bucketStartMs", g."groupKey", COUNT(*), SUM(g."decision" = 'approved'), SUM(g."decision" = 'rejected'),
  SUM(g."decision" = 'timed_out'), SUM(g."decision" = 'escalated'), SUM(g."waitMs"), MAX(g."waitMs"), 0, 0, MAX(o."bins")
FROM "gates" g JOIN "binObjects" o ON o."projectId" = g."projectId" AND o."granularity" = g."granularity"
  AND o."bucketStartMs" = g."bucketStartMs" AND o."groupKey" = g."groupKey"
GROUP BY g."projectId", g."granularity", g."bucketStartMs", g."groupKey";
