-- CreateTable
CREATE TABLE "deletion_requests" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "traces" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdMs" BIGINT NOT NULL,
    "claimedMs" BIGINT,
    "finishedMs" BIGINT
);

-- CreateIndex
CREATE INDEX "deletion_requests_projectId_createdMs_idx" ON "deletion_requests"("projectId", "createdMs");

-- CreateIndex
CREATE INDEX "deletion_requests_status_claimedMs_idx" ON "deletion_requests"("status", "claimedMs");

