-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_metric_rollups" (
    "dimension" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "llmCallCount" INTEGER NOT NULL,
    "toolCallCount" INTEGER NOT NULL,
    "durationSumMs" REAL NOT NULL,
    "maxMs" REAL NOT NULL,
    "p50Ms" REAL NOT NULL DEFAULT 0,
    "p95Ms" REAL NOT NULL DEFAULT 0,
    "p99Ms" REAL NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "bins" TEXT NOT NULL,

    PRIMARY KEY ("dimension", "granularity", "bucketStartMs", "groupKey")
);
INSERT INTO "new_metric_rollups" ("bins", "bucketStartMs", "costUsd", "count", "dimension", "durationSumMs", "errorCount", "granularity", "groupKey", "inputTokens", "llmCallCount", "maxMs", "outputTokens", "toolCallCount") SELECT "bins", "bucketStartMs", "costUsd", "count", "dimension", "durationSumMs", "errorCount", "granularity", "groupKey", "inputTokens", "llmCallCount", "maxMs", "outputTokens", "toolCallCount" FROM "metric_rollups";
DROP TABLE "metric_rollups";
ALTER TABLE "new_metric_rollups" RENAME TO "metric_rollups";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

