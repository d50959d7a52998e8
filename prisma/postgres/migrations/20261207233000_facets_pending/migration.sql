-- CreateTable
CREATE TABLE "facet_pending" (
    "seq" SERIAL NOT NULL,
    "projectId" TEXT NOT NULL,
    "changes" TEXT NOT NULL,

    CONSTRAINT "facet_pending_pkey" PRIMARY KEY ("seq")
);

-- CreateIndex
CREATE INDEX "facet_pending_projectId_idx" ON "facet_pending"("projectId");

