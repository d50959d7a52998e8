-- CreateIndex
CREATE INDEX "metric_rollups_cost_cover" ON "metric_rollups"("dimension", "granularity", "bucketStartMs", "groupKey", "count", "costUsd", "inputTokens", "outputTokens");

