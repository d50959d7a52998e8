-- CreateTable
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeValue" TEXT,
    "threshold" DOUBLE PRECISION,
    "driftPct" DOUBLE PRECISION,
    "windowMinutes" INTEGER NOT NULL,
    "minRuns" INTEGER NOT NULL,
    "webhookUrl" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,
    "lastEvaluatedMs" BIGINT,
    "lastValue" DOUBLE PRECISION,

    CONSTRAINT "alert_rules_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_incidents" (
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "startMs" BIGINT NOT NULL,
    "endMs" BIGINT,
    "startValue" DOUBLE PRECISION NOT NULL,
    "baseline" DOUBLE PRECISION,
    "threshold" DOUBLE PRECISION NOT NULL,
    "peakValue" DOUBLE PRECISION NOT NULL,
    "lastValue" DOUBLE PRECISION NOT NULL,
    "exampleTraceIds" TEXT NOT NULL,

    CONSTRAINT "alert_incidents_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" SERIAL NOT NULL,
    "incidentId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "atMs" BIGINT NOT NULL,
    "durationMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "alert_deliveries_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "alert_incidents_ruleId_state_idx" ON "alert_incidents"("ruleId", "state");

-- CreateIndex
CREATE INDEX "alert_incidents_state_startMs_idx" ON "alert_incidents"("state", "startMs");

-- CreateIndex
CREATE INDEX "alert_deliveries_incidentId_idx" ON "alert_deliveries"("incidentId");

