-- AlterTable
ALTER TABLE "traces" ADD COLUMN     "summaryState" TEXT,
ALTER COLUMN "inputTokens" SET DATA TYPE BIGINT,
ALTER COLUMN "outputTokens" SET DATA TYPE BIGINT,
ALTER COLUMN "totalTokens" SET DATA TYPE BIGINT;

-- CreateTable
CREATE TABLE "trace_covered_spans" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,

    CONSTRAINT "trace_covered_spans_pkey" PRIMARY KEY ("projectId","traceId","spanId")
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

    CONSTRAINT "trace_frontier_pkey" PRIMARY KEY ("projectId","traceId","parentSpanId","spanId")
);

-- CreateIndex
CREATE INDEX "trace_frontier_projectId_traceId_agentCategory_agentDepth_a_idx" ON "trace_frontier"("projectId", "traceId", "agentCategory", "agentDepth", "agentStartNs", "agentSpanId");

