-- CreateTable
CREATE TABLE "review_queues" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "filter" TEXT NOT NULL,
    "sampleSize" INTEGER NOT NULL,
    "scoreName" TEXT NOT NULL,
    "labels" TEXT,
    "rangeMin" DOUBLE PRECISION,
    "rangeMax" DOUBLE PRECISION,
    "seed" TEXT NOT NULL,
    "total" INTEGER NOT NULL,
    "createdMs" BIGINT NOT NULL,
    "createdBy" TEXT,

    CONSTRAINT "review_queues_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "review_items" (
    "projectId" TEXT NOT NULL,
    "queueId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "traceId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "label" TEXT,
    "value" DOUBLE PRECISION,
    "failureMode" TEXT,
    "comment" TEXT,
    "scoreId" TEXT,
    "reviewer" TEXT,
    "reviewedMs" BIGINT,

    CONSTRAINT "review_items_pkey" PRIMARY KEY ("projectId","queueId","id")
);

-- CreateTable
CREATE TABLE "datasets" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,

    CONSTRAINT "datasets_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "dataset_items" (
    "projectId" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "input" TEXT NOT NULL,
    "expectedOutput" TEXT,
    "metadata" TEXT,
    "sourceTraceId" TEXT,
    "sourceSpanId" TEXT,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,

    CONSTRAINT "dataset_items_pkey" PRIMARY KEY ("projectId","datasetId","id")
);

-- CreateTable
CREATE TABLE "experiments" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "datasetId" TEXT NOT NULL,
    "metadata" TEXT,
    "createdMs" BIGINT NOT NULL,

    CONSTRAINT "experiments_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "experiment_runs" (
    "projectId" TEXT NOT NULL,
    "experimentId" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "error" TEXT,
    "scores" TEXT,

    CONSTRAINT "experiment_runs_pkey" PRIMARY KEY ("projectId","experimentId","itemId")
);

-- CreateIndex
CREATE INDEX "review_queues_projectId_createdMs_idx" ON "review_queues"("projectId", "createdMs");

-- CreateIndex
CREATE UNIQUE INDEX "review_items_projectId_queueId_position_key" ON "review_items"("projectId", "queueId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "review_items_projectId_queueId_traceId_key" ON "review_items"("projectId", "queueId", "traceId");

-- CreateIndex
CREATE UNIQUE INDEX "datasets_projectId_name_key" ON "datasets"("projectId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "dataset_items_projectId_datasetId_position_key" ON "dataset_items"("projectId", "datasetId", "position");

-- CreateIndex
CREATE INDEX "experiments_projectId_datasetId_createdMs_idx" ON "experiments"("projectId", "datasetId", "createdMs");

