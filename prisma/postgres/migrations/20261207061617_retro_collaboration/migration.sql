-- CreateTable
CREATE TABLE "trace_comments" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT,
    "authorType" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "authorName" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trace_comments_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "trace_tags" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "trace_tags_pkey" PRIMARY KEY ("projectId","traceId","tag")
);

-- CreateTable
CREATE TABLE "share_links" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "hideContent" BOOLEAN NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "share_links_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "retros" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "alertIncidentId" TEXT,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "retros_pkey" PRIMARY KEY ("projectId","id")
);

-- CreateTable
CREATE TABLE "retro_traces" (
    "projectId" TEXT NOT NULL,
    "retroId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,

    CONSTRAINT "retro_traces_pkey" PRIMARY KEY ("projectId","retroId","traceId")
);

-- CreateIndex
CREATE INDEX "trace_comments_projectId_traceId_createdAt_idx" ON "trace_comments"("projectId", "traceId", "createdAt");

-- CreateIndex
CREATE INDEX "trace_tags_projectId_tag_idx" ON "trace_tags"("projectId", "tag");

-- CreateIndex
CREATE UNIQUE INDEX "share_links_tokenHash_key" ON "share_links"("tokenHash");

-- CreateIndex
CREATE INDEX "share_links_projectId_traceId_idx" ON "share_links"("projectId", "traceId");

-- CreateIndex
CREATE INDEX "retros_projectId_createdAt_idx" ON "retros"("projectId", "createdAt");

