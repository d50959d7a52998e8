-- CreateTable
CREATE TABLE "rollup_pending" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "deltas" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "rollup_pending_projectId_idx" ON "rollup_pending"("projectId");


-- The every-task map rows are kept by day only now: their hour rows are never read again.
DELETE FROM "metric_rollups" WHERE "dimension" = 'graph.edge_all' AND "granularity" = '1h';
