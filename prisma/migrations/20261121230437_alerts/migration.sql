-- CreateTable
CREATE TABLE "alert_rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeValue" TEXT,
    "threshold" REAL,
    "driftPct" REAL,
    "windowMinutes" INTEGER NOT NULL,
    "minRuns" INTEGER NOT NULL,
    "webhookUrl" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,
    "lastEvaluatedMs" BIGINT,
    "lastValue" REAL
);

-- CreateTable
CREATE TABLE "alert_incidents" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "ruleId" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "startMs" BIGINT NOT NULL,
    "endMs" BIGINT,
    "startValue" REAL NOT NULL,
    "baseline" REAL,
    "threshold" REAL NOT NULL,
    "peakValue" REAL NOT NULL,
    "lastValue" REAL NOT NULL,
    "exampleTraceIds" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "alert_deliveries" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "incidentId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "url" TEXT NOT NULL,
    "httpStatus" INTEGER,
    "ok" BOOLEAN NOT NULL,
    "error" TEXT,
    "atMs" BIGINT NOT NULL,
    "durationMs" REAL NOT NULL
);

-- CreateIndex
CREATE INDEX "alert_incidents_ruleId_state_idx" ON "alert_incidents"("ruleId", "state");

-- CreateIndex
CREATE INDEX "alert_incidents_state_startMs_idx" ON "alert_incidents"("state", "startMs");

-- CreateIndex
CREATE INDEX "alert_deliveries_incidentId_idx" ON "alert_deliveries"("incidentId");

