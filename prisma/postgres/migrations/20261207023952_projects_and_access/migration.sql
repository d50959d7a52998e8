-- DropIndex
DROP INDEX "spans_model_idx";

-- DropIndex
DROP INDEX "traces_startNs_idx";

-- DropIndex
DROP INDEX "traces_sessionId_startNs_idx";

-- DropIndex
DROP INDEX "traces_userId_startNs_idx";

-- DropIndex
DROP INDEX "traces_name_startNs_idx";

-- DropIndex
DROP INDEX "traces_status_startNs_idx";

-- DropIndex
DROP INDEX "traces_agentName_startNs_idx";

-- DropIndex
DROP INDEX "traces_durationMs_idx";

-- DropIndex
DROP INDEX "traces_costUsd_idx";

-- DropIndex
DROP INDEX "span_logs_dedupeKey_key";

-- DropIndex
DROP INDEX "span_logs_traceId_spanId_idx";

-- DropIndex
DROP INDEX "metric_rollups_cost_cover";

-- DropIndex
DROP INDEX "alert_incidents_state_startMs_idx";

-- AlterTable
ALTER TABLE "projects" ADD COLUMN     "retentionDays" INTEGER,
ADD COLUMN     "slug" TEXT;
UPDATE "projects" SET "slug" = "id";
ALTER TABLE "projects" ALTER COLUMN "slug" SET NOT NULL;

-- AlterTable
ALTER TABLE "api_keys" ADD COLUMN     "createdById" TEXT,
ADD COLUMN     "expiresAt" TIMESTAMP(3),
ADD COLUMN     "revokedAt" TIMESTAMP(3),
ADD COLUMN     "scopes" TEXT NOT NULL DEFAULT 'ingest read write admin';
ALTER TABLE "api_keys" ALTER COLUMN "scopes" DROP DEFAULT;

-- AlterTable
ALTER TABLE "resources" DROP CONSTRAINT "resources_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "resources_pkey" PRIMARY KEY ("projectId", "id");

-- AlterTable
ALTER TABLE "spans" DROP CONSTRAINT "spans_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "spans_pkey" PRIMARY KEY ("projectId", "traceId", "spanId");

-- AlterTable
ALTER TABLE "traces" DROP CONSTRAINT "traces_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "traces_pkey" PRIMARY KEY ("projectId", "traceId");

-- AlterTable
ALTER TABLE "trace_facets" DROP CONSTRAINT "trace_facets_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "trace_facets_pkey" PRIMARY KEY ("projectId", "facet", "value", "traceId");

-- AlterTable
ALTER TABLE "span_logs" ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default';

-- AlterTable
ALTER TABLE "model_prices" DROP CONSTRAINT "model_prices_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "model_prices_pkey" PRIMARY KEY ("projectId", "model");

-- AlterTable
ALTER TABLE "metric_rollups" DROP CONSTRAINT "metric_rollups_pkey",
ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD CONSTRAINT "metric_rollups_pkey" PRIMARY KEY ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey");

-- AlterTable
ALTER TABLE "alert_rules" ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default',
ADD COLUMN     "webhookSecret" TEXT;

-- AlterTable
ALTER TABLE "alert_incidents" ADD COLUMN     "projectId" TEXT NOT NULL DEFAULT 'default';

-- Rules made before signed webhooks get a signing secret of their own
UPDATE "alert_rules" SET "webhookSecret" = 'whsec_' || replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '') WHERE "webhookSecret" IS NULL;

-- Existing data belongs to the project "default" (the defaults above only fill existing rows)
ALTER TABLE "resources" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "spans" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "traces" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "trace_facets" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "span_logs" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "model_prices" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "metric_rollups" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "alert_rules" ALTER COLUMN "projectId" DROP DEFAULT;
ALTER TABLE "alert_incidents" ALTER COLUMN "projectId" DROP DEFAULT;

-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "users_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL,

    CONSTRAINT "sessions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" TIMESTAMP(3),
    "refreshTokenExpiresAt" TIMESTAMP(3),
    "scope" TEXT,
    "password" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "accounts_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "verifications_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "project_members" (
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "project_members_pkey" PRIMARY KEY ("projectId","userId")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),

    CONSTRAINT "invitations_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL,
    "projectId" TEXT,
    "atMs" BIGINT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" TEXT NOT NULL,
    "ip" TEXT,

    CONSTRAINT "audit_events_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "atMs" BIGINT NOT NULL,

    CONSTRAINT "sign_in_failures_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "instance_settings" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,

    CONSTRAINT "instance_settings_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "users_email_key" ON "users"("email");

-- CreateIndex
CREATE UNIQUE INDEX "sessions_token_key" ON "sessions"("token");

-- CreateIndex
CREATE INDEX "sessions_userId_idx" ON "sessions"("userId");

-- CreateIndex
CREATE INDEX "accounts_userId_idx" ON "accounts"("userId");

-- CreateIndex
CREATE INDEX "verifications_identifier_idx" ON "verifications"("identifier");

-- CreateIndex
CREATE INDEX "project_members_userId_idx" ON "project_members"("userId");

-- CreateIndex
CREATE UNIQUE INDEX "invitations_tokenHash_key" ON "invitations"("tokenHash");

-- CreateIndex
CREATE INDEX "invitations_userId_idx" ON "invitations"("userId");

-- CreateIndex
CREATE INDEX "audit_events_projectId_atMs_idx" ON "audit_events"("projectId", "atMs");

-- CreateIndex
CREATE INDEX "audit_events_actorId_atMs_idx" ON "audit_events"("actorId", "atMs");

-- CreateIndex
CREATE INDEX "sign_in_failures_email_atMs_idx" ON "sign_in_failures"("email", "atMs");

-- CreateIndex
CREATE INDEX "sign_in_failures_ip_atMs_idx" ON "sign_in_failures"("ip", "atMs");

-- CreateIndex
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");

-- CreateIndex
CREATE INDEX "api_keys_projectId_idx" ON "api_keys"("projectId");

-- CreateIndex
CREATE INDEX "spans_projectId_model_idx" ON "spans"("projectId", "model");

-- CreateIndex
CREATE INDEX "traces_projectId_startNs_idx" ON "traces"("projectId", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_sessionId_startNs_idx" ON "traces"("projectId", "sessionId", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_userId_startNs_idx" ON "traces"("projectId", "userId", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_name_startNs_idx" ON "traces"("projectId", "name", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_status_startNs_idx" ON "traces"("projectId", "status", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_agentName_startNs_idx" ON "traces"("projectId", "agentName", "startNs");

-- CreateIndex
CREATE INDEX "traces_projectId_durationMs_idx" ON "traces"("projectId", "durationMs");

-- CreateIndex
CREATE INDEX "traces_projectId_costUsd_idx" ON "traces"("projectId", "costUsd");

-- CreateIndex
CREATE INDEX "span_logs_projectId_traceId_spanId_idx" ON "span_logs"("projectId", "traceId", "spanId");

-- CreateIndex
CREATE UNIQUE INDEX "span_logs_projectId_dedupeKey_key" ON "span_logs"("projectId", "dedupeKey");

-- CreateIndex
CREATE INDEX "metric_rollups_cost_cover" ON "metric_rollups"("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "count", "costUsd", "inputTokens", "outputTokens");

-- CreateIndex
CREATE INDEX "alert_rules_projectId_createdMs_idx" ON "alert_rules"("projectId", "createdMs");

-- CreateIndex
CREATE INDEX "alert_incidents_projectId_state_startMs_idx" ON "alert_incidents"("projectId", "state", "startMs");

