-- CreateTable
CREATE TABLE "facet_pending" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" TEXT NOT NULL,
    "changes" TEXT NOT NULL
);

-- CreateIndex
CREATE INDEX "facet_pending_projectId_idx" ON "facet_pending"("projectId");

