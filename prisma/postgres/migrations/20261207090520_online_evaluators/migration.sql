-- CreateTable
CREATE TABLE "evaluators" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "scoreName" TEXT NOT NULL,
    "target" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "sampleRate" DOUBLE PRECISION NOT NULL,
    "type" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "maxCostUsdPerDay" DOUBLE PRECISION,
    "enabled" BOOLEAN NOT NULL,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,
    "lastError" TEXT,
    "lastErrorMs" BIGINT,
    "failureCount" INTEGER NOT NULL DEFAULT 0,
    "costDay" TEXT,
    "costDayUsd" DOUBLE PRECISION NOT NULL DEFAULT 0,

    CONSTRAINT "evaluators_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "evaluator_runs" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "targetId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "scoreId" TEXT,
    "createdMs" BIGINT NOT NULL,

    CONSTRAINT "evaluator_runs_pkey" PRIMARY KEY ("projectId","traceId","evaluatorId","targetId")
);

-- CreateTable
CREATE TABLE "evaluation_queue" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "lastDirtyMs" BIGINT NOT NULL,
    "claimedUntilMs" BIGINT NOT NULL DEFAULT 0,
    "claimedBy" TEXT,

    CONSTRAINT "evaluation_queue_pkey" PRIMARY KEY ("projectId","traceId")
);

-- CreateTable
CREATE TABLE "evaluator_backfills" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "evaluatorId" TEXT NOT NULL,
    "fromMs" BIGINT NOT NULL,
    "toMs" BIGINT NOT NULL,
    "state" TEXT NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL,
    "cursorStartNs" BIGINT,
    "cursorTraceId" TEXT,
    "claimedUntilMs" BIGINT NOT NULL DEFAULT 0,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,

    CONSTRAINT "evaluator_backfills_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateIndex
CREATE INDEX "evaluators_projectId_createdMs_idx" ON "evaluators"("projectId", "createdMs");

-- CreateIndex
CREATE INDEX "evaluator_runs_projectId_evaluatorId_idx" ON "evaluator_runs"("projectId", "evaluatorId");

-- CreateIndex
CREATE INDEX "evaluation_queue_projectId_lastDirtyMs_idx" ON "evaluation_queue"("projectId", "lastDirtyMs");

-- CreateIndex
CREATE INDEX "evaluator_backfills_projectId_evaluatorId_createdMs_idx" ON "evaluator_backfills"("projectId", "evaluatorId", "createdMs");

-- CreateIndex
CREATE INDEX "evaluator_backfills_projectId_state_idx" ON "evaluator_backfills"("projectId", "state");

