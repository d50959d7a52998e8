-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "loopThreshold" INTEGER NOT NULL DEFAULT 3;

-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "agentCycleCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failureMode" TEXT,
ADD COLUMN     "repeatedLlmCallCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "toolLoopCount" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "findings_queue" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "firstDirtyMs" BIGINT NOT NULL,
    "lastDirtyMs" BIGINT NOT NULL,
    "claimedUntilMs" BIGINT NOT NULL DEFAULT 0,
    "claimedBy" TEXT,

    CONSTRAINT "findings_queue_pkey" PRIMARY KEY ("projectId","traceId")
);

-- CreateTable
CREATE TABLE "trace_findings" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "failureMode" TEXT,
    "toolName" TEXT,
    "agents" TEXT,
    "spanIds" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "wastedMs" DOUBLE PRECISION NOT NULL,
    "wastedCostUsd" DOUBLE PRECISION,
    "message" TEXT,

    CONSTRAINT "trace_findings_pkey" PRIMARY KEY ("projectId","traceId","ordinal")
);

-- CreateTable
CREATE TABLE "trace_analyses" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "analysedAtMs" BIGINT NOT NULL,
    "startMs" BIGINT NOT NULL,
    "task" TEXT NOT NULL,
    "agent" TEXT,
    "userId" TEXT,
    "steps" TEXT NOT NULL,

    CONSTRAINT "trace_analyses_pkey" PRIMARY KEY ("projectId","traceId")
);

-- CreateTable
CREATE TABLE "finding_rollups" (
    "projectId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "findingType" TEXT NOT NULL,
    "traces" INTEGER NOT NULL,
    "occurrences" INTEGER NOT NULL,
    "wastedMs" DOUBLE PRECISION NOT NULL,
    "wastedCostUsd" DOUBLE PRECISION NOT NULL,
    "pricedCount" INTEGER NOT NULL,

    CONSTRAINT "finding_rollups_pkey" PRIMARY KEY ("projectId","dimension","granularity","bucketStartMs","groupKey","findingType")
);

-- CreateIndex
CREATE INDEX "findings_queue_projectId_firstDirtyMs_idx" ON "findings_queue"("projectId", "firstDirtyMs");

-- CreateIndex
CREATE INDEX "traces_projectId_failureMode_startNs_idx" ON "traces"("projectId", "failureMode", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_toolLoopCount_startNs_idx" ON "traces"("projectId", "toolLoopCount", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_agentCycleCount_startNs_idx" ON "traces"("projectId", "agentCycleCount", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_repeatedLlmCallCount_startNs_idx" ON "traces"("projectId", "repeatedLlmCallCount", "startNs");

-- Backfill (hand-written): every stored trace waits for its first analysis, in the order the traces ended.
INSERT INTO "findings_queue" ("projectId", "traceId", "version", "firstDirtyMs", "lastDirtyMs", "claimedUntilMs")
SELECT "projectId", "traceId", 1, "endNs" / 1000000, "endNs" / 1000000, 0 FROM "traces";
