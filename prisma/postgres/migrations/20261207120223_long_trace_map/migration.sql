-- CreateTable
CREATE TABLE "trace_map_states" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "state" TEXT NOT NULL,

    CONSTRAINT "trace_map_states_pkey" PRIMARY KEY ("projectId","traceId")
);

-- CreateTable
CREATE TABLE "trace_map_spans" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "anchorId" TEXT NOT NULL,
    "wrapper" BOOLEAN NOT NULL,

    CONSTRAINT "trace_map_spans_pkey" PRIMARY KEY ("projectId","traceId","spanId")
);

-- CreateIndex
CREATE INDEX "trace_map_spans_projectId_traceId_anchorId_idx" ON "trace_map_spans"("projectId", "traceId", "anchorId");

