-- CreateTable
CREATE TABLE "trace_covered_spans" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "traceId", "spanId")
);

-- CreateTable
CREATE TABLE "trace_frontier" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "parentSpanId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "usage" BOOLEAN NOT NULL,
    "agentCategory" INTEGER,
    "agentDepth" INTEGER,
    "agentStartNs" BIGINT,
    "agentSpanId" TEXT,
    "agentName" TEXT,

    PRIMARY KEY ("projectId", "traceId", "parentSpanId", "spanId")
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_traces" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "serviceName" TEXT,
    "rootSpanId" TEXT,
    "startNs" BIGINT NOT NULL,
    "endNs" BIGINT NOT NULL,
    "durationMs" REAL NOT NULL,
    "status" TEXT NOT NULL,
    "spanCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "llmCallCount" INTEGER NOT NULL,
    "toolCallCount" INTEGER NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "totalTokens" BIGINT NOT NULL,
    "costUsd" REAL,
    "hasUnpriced" BOOLEAN NOT NULL DEFAULT false,
    "sessionId" TEXT,
    "userId" TEXT,
    "agentName" TEXT,
    "models" TEXT NOT NULL,
    "summaryState" TEXT,

    PRIMARY KEY ("projectId", "traceId")
);
INSERT INTO "new_traces" ("agentName", "costUsd", "durationMs", "endNs", "errorCount", "hasUnpriced", "inputTokens", "llmCallCount", "models", "name", "outputTokens", "projectId", "rootSpanId", "serviceName", "sessionId", "spanCount", "startNs", "status", "toolCallCount", "totalTokens", "traceId", "userId") SELECT "agentName", "costUsd", "durationMs", "endNs", "errorCount", "hasUnpriced", "inputTokens", "llmCallCount", "models", "name", "outputTokens", "projectId", "rootSpanId", "serviceName", "sessionId", "spanCount", "startNs", "status", "toolCallCount", "totalTokens", "traceId", "userId" FROM "traces";
DROP TABLE "traces";
ALTER TABLE "new_traces" RENAME TO "traces";
CREATE INDEX "traces_projectId_startNs_idx" ON "traces"("projectId", "startNs");
CREATE INDEX "traces_projectId_sessionId_startNs_idx" ON "traces"("projectId", "sessionId", "startNs");
CREATE INDEX "traces_projectId_userId_startNs_idx" ON "traces"("projectId", "userId", "startNs");
CREATE INDEX "traces_projectId_name_startNs_idx" ON "traces"("projectId", "name", "startNs");
CREATE INDEX "traces_projectId_status_startNs_idx" ON "traces"("projectId", "status", "startNs");
CREATE INDEX "traces_projectId_agentName_startNs_idx" ON "traces"("projectId", "agentName", "startNs");
CREATE INDEX "traces_projectId_durationMs_idx" ON "traces"("projectId", "durationMs");
CREATE INDEX "traces_projectId_costUsd_idx" ON "traces"("projectId", "costUsd");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "trace_frontier_projectId_traceId_agentCategory_agentDepth_agentStartNs_agentSpanId_idx" ON "trace_frontier"("projectId", "traceId", "agentCategory", "agentDepth", "agentStartNs", "agentSpanId");

