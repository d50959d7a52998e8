-- CreateTable
CREATE TABLE "metric_rollups" (
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
    "costUsd" REAL NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "bins" TEXT NOT NULL,

    PRIMARY KEY ("dimension", "granularity", "bucketStartMs", "groupKey")
);

