-- CreateTable
CREATE TABLE "job_leases" (
    "name" TEXT NOT NULL,
    "holder" TEXT NOT NULL,
    "expiresMs" BIGINT NOT NULL,

    CONSTRAINT "job_leases_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "alert_outbox" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "ruleId" TEXT NOT NULL,
    "incidentId" TEXT NOT NULL,
    "event" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "nextAttemptMs" BIGINT NOT NULL,
    "claimedBy" TEXT,
    "lastError" TEXT,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,

    CONSTRAINT "alert_outbox_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateIndex
CREATE INDEX "alert_outbox_projectId_state_nextAttemptMs_idx" ON "alert_outbox"("projectId", "state", "nextAttemptMs");

-- CreateIndex
CREATE INDEX "alert_outbox_projectId_ruleId_idx" ON "alert_outbox"("projectId", "ruleId");

