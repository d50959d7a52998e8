-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateTable
CREATE TABLE "projects" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "projects_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "resources" (
    "id" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,

    CONSTRAINT "resources_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "spans" (
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "parentSpanId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "spanKind" INTEGER NOT NULL,
    "serviceName" TEXT,
    "scopeName" TEXT,
    "resourceId" TEXT,
    "startNs" BIGINT NOT NULL,
    "endNs" BIGINT NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL,
    "statusMessage" TEXT,
    "model" TEXT,
    "provider" TEXT,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "cacheReadTokens" INTEGER,
    "cacheWriteTokens" INTEGER,
    "reasoningTokens" INTEGER,
    "costUsd" DOUBLE PRECISION,
    "costSource" TEXT,
    "toolName" TEXT,
    "toolCallId" TEXT,
    "agentName" TEXT,
    "sessionId" TEXT,
    "userId" TEXT,
    "input" TEXT,
    "output" TEXT,
    "attributes" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "links" TEXT,

    CONSTRAINT "spans_pkey" PRIMARY KEY ("traceId","spanId")
);

-- CreateTable
CREATE TABLE "traces" (
    "traceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "serviceName" TEXT,
    "rootSpanId" TEXT,
    "startNs" BIGINT NOT NULL,
    "endNs" BIGINT NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,
    "status" TEXT NOT NULL,
    "spanCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "llmCallCount" INTEGER NOT NULL,
    "toolCallCount" INTEGER NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "totalTokens" INTEGER NOT NULL,
    "costUsd" DOUBLE PRECISION,
    "hasUnpriced" BOOLEAN NOT NULL DEFAULT false,
    "sessionId" TEXT,
    "userId" TEXT,
    "agentName" TEXT,
    "models" TEXT NOT NULL,

    CONSTRAINT "traces_pkey" PRIMARY KEY ("traceId")
);

-- CreateTable
CREATE TABLE "trace_facets" (
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,

    CONSTRAINT "trace_facets_pkey" PRIMARY KEY ("facet","value","traceId")
);

-- CreateTable
CREATE TABLE "span_logs" (
    "id" SERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "timeNs" BIGINT NOT NULL,
    "body" TEXT,
    "attributes" TEXT NOT NULL,

    CONSTRAINT "span_logs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_prices" (
    "model" TEXT NOT NULL,
    "provider" TEXT,
    "inputPerMTokUsd" DOUBLE PRECISION NOT NULL,
    "outputPerMTokUsd" DOUBLE PRECISION NOT NULL,
    "cacheReadPerMTokUsd" DOUBLE PRECISION,
    "cacheWritePerMTokUsd" DOUBLE PRECISION,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "model_prices_pkey" PRIMARY KEY ("model")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");

-- CreateIndex
CREATE INDEX "spans_model_idx" ON "spans"("model");

-- CreateIndex
CREATE INDEX "traces_startNs_idx" ON "traces"("startNs");

-- CreateIndex
CREATE INDEX "traces_sessionId_startNs_idx" ON "traces"("sessionId", "startNs");

-- CreateIndex
CREATE INDEX "traces_userId_startNs_idx" ON "traces"("userId", "startNs");

-- CreateIndex
CREATE INDEX "traces_name_startNs_idx" ON "traces"("name", "startNs");

-- CreateIndex
CREATE INDEX "traces_status_startNs_idx" ON "traces"("status", "startNs");

-- CreateIndex
CREATE INDEX "traces_agentName_startNs_idx" ON "traces"("agentName", "startNs");

-- CreateIndex
CREATE INDEX "traces_durationMs_idx" ON "traces"("durationMs");

-- CreateIndex
CREATE INDEX "traces_costUsd_idx" ON "traces"("costUsd");

-- CreateIndex
CREATE INDEX "trace_facets_traceId_idx" ON "trace_facets"("traceId");

-- CreateIndex
CREATE UNIQUE INDEX "span_logs_dedupeKey_key" ON "span_logs"("dedupeKey");

-- CreateIndex
CREATE INDEX "span_logs_traceId_spanId_idx" ON "span_logs"("traceId", "spanId");

