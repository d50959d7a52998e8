-- CreateTable
CREATE TABLE "tool_calls" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "startNs" BIGINT NOT NULL,
    "toolName" TEXT NOT NULL,
    "mcpServer" TEXT,
    "agentName" TEXT,
    "userId" TEXT,
    "effect" TEXT,
    "status" TEXT NOT NULL,
    "durationMs" REAL NOT NULL,
    "runApproved" BOOLEAN NOT NULL,

    PRIMARY KEY ("projectId", "traceId", "spanId")
);

-- CreateTable
CREATE TABLE "approvals" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "startNs" BIGINT NOT NULL,
    "waitMs" REAL NOT NULL,
    "decision" TEXT NOT NULL,
    "action" TEXT,
    "approver" TEXT,
    "policy" TEXT,
    "agentName" TEXT,
    "task" TEXT NOT NULL,
    "userId" TEXT,

    PRIMARY KEY ("projectId", "traceId", "spanId")
);

-- CreateTable
CREATE TABLE "approval_rollups" (
    "projectId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "approved" INTEGER NOT NULL,
    "rejected" INTEGER NOT NULL,
    "timedOut" INTEGER NOT NULL,
    "escalated" INTEGER NOT NULL,
    "waitSumMs" REAL NOT NULL,
    "maxWaitMs" REAL NOT NULL,
    "p50WaitMs" REAL NOT NULL,
    "p95WaitMs" REAL NOT NULL,
    "bins" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey")
);

-- CreateTable
CREATE TABLE "trace_models" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "requestedModel" TEXT NOT NULL,
    "responseModel" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "startNs" BIGINT NOT NULL,

    PRIMARY KEY ("projectId", "traceId", "requestedModel", "responseModel", "fingerprint")
);

-- CreateTable
CREATE TABLE "model_variants" (
    "projectId" TEXT NOT NULL,
    "task" TEXT NOT NULL,
    "requestedModel" TEXT NOT NULL,
    "responseModel" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "firstSeenNs" BIGINT NOT NULL,
    "firstTraceId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "task", "requestedModel", "responseModel", "fingerprint")
);

-- CreateTable
CREATE TABLE "write_tools" (
    "projectId" TEXT NOT NULL,
    "toolName" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "toolName")
);

-- CreateIndex
CREATE INDEX "tool_calls_projectId_startNs_traceId_spanId_idx" ON "tool_calls"("projectId", "startNs", "traceId", "spanId");

-- CreateIndex
CREATE INDEX "tool_calls_projectId_toolName_startNs_traceId_spanId_idx" ON "tool_calls"("projectId", "toolName", "startNs", "traceId", "spanId");

-- CreateIndex
CREATE INDEX "tool_calls_projectId_agentName_startNs_traceId_spanId_idx" ON "tool_calls"("projectId", "agentName", "startNs", "traceId", "spanId");

-- CreateIndex
CREATE INDEX "tool_calls_projectId_userId_startNs_traceId_spanId_idx" ON "tool_calls"("projectId", "userId", "startNs", "traceId", "spanId");

-- CreateIndex
CREATE INDEX "approvals_projectId_startNs_idx" ON "approvals"("projectId", "startNs");

-- CreateIndex
CREATE INDEX "trace_models_projectId_task_requestedModel_responseModel_fingerprint_startNs_idx" ON "trace_models"("projectId", "task", "requestedModel", "responseModel", "fingerprint", "startNs");

