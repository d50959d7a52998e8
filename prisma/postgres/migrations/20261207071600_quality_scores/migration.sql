-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "scoreName" TEXT;

-- CreateTable
CREATE TABLE "scores" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT,
    "name" TEXT NOT NULL,
    "value" DOUBLE PRECISION,
    "label" TEXT,
    "comment" TEXT,
    "source" TEXT NOT NULL,
    "author" TEXT,
    "evaluatorId" TEXT,
    "createdMs" BIGINT NOT NULL,
    "timeMs" BIGINT NOT NULL,
    "passed" BOOLEAN NOT NULL,
    "task" TEXT,
    "agent" TEXT,
    "models" TEXT,

    CONSTRAINT "scores_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "score_rollups" (
    "projectId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "valueCount" INTEGER NOT NULL,
    "valueSum" DOUBLE PRECISION NOT NULL,
    "passCount" INTEGER NOT NULL,

    CONSTRAINT "score_rollups_pkey" PRIMARY KEY ("projectId","dimension","granularity","bucketStartMs","groupKey","name")
);

-- CreateIndex
CREATE INDEX "scores_projectId_traceId_name_value_idx" ON "scores"("projectId", "traceId", "name", "value");

-- CreateIndex
CREATE INDEX "scores_projectId_createdMs_idx" ON "scores"("projectId", "createdMs");

-- CreateIndex
CREATE INDEX "scores_projectId_name_timeMs_idx" ON "scores"("projectId", "name", "timeMs");

