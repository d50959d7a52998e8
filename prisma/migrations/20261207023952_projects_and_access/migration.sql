-- CreateTable
CREATE TABLE "users" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailVerified" BOOLEAN NOT NULL DEFAULT false,
    "image" TEXT,
    "isAdmin" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "sessions" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "expiresAt" DATETIME NOT NULL,
    "token" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "ipAddress" TEXT,
    "userAgent" TEXT,
    "userId" TEXT NOT NULL
);

-- CreateTable
CREATE TABLE "accounts" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "accountId" TEXT NOT NULL,
    "providerId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "accessToken" TEXT,
    "refreshToken" TEXT,
    "idToken" TEXT,
    "accessTokenExpiresAt" DATETIME,
    "refreshTokenExpiresAt" DATETIME,
    "scope" TEXT,
    "password" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "verifications" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "identifier" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "expiresAt" DATETIME NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "project_members" (
    "projectId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,

    PRIMARY KEY ("projectId", "userId")
);

-- CreateTable
CREATE TABLE "invitations" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "invitedById" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "acceptedAt" DATETIME
);

-- CreateTable
CREATE TABLE "audit_events" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT,
    "atMs" BIGINT NOT NULL,
    "actorType" TEXT NOT NULL,
    "actorId" TEXT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "target" TEXT,
    "details" TEXT NOT NULL,
    "ip" TEXT
);

-- CreateTable
CREATE TABLE "sign_in_failures" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "email" TEXT NOT NULL,
    "ip" TEXT NOT NULL,
    "atMs" BIGINT NOT NULL
);

-- CreateTable
CREATE TABLE "instance_settings" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "value" TEXT NOT NULL
);

-- RedefineTables (existing data belongs to the project "default"; existing keys keep every scope)
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_projects" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "retentionDays" INTEGER,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_projects" ("createdAt", "id", "name", "slug") SELECT "createdAt", "id", "name", "id" FROM "projects";
DROP TABLE "projects";
ALTER TABLE "new_projects" RENAME TO "projects";
CREATE UNIQUE INDEX "projects_slug_key" ON "projects"("slug");
CREATE TABLE "new_api_keys" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "keyHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "scopes" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" DATETIME,
    "expiresAt" DATETIME,
    "revokedAt" DATETIME,
    "createdById" TEXT
);
INSERT INTO "new_api_keys" ("createdAt", "id", "keyHash", "lastUsedAt", "name", "prefix", "projectId", "scopes") SELECT "createdAt", "id", "keyHash", "lastUsedAt", "name", "prefix", "projectId", 'ingest read write admin' FROM "api_keys";
DROP TABLE "api_keys";
ALTER TABLE "new_api_keys" RENAME TO "api_keys";
CREATE UNIQUE INDEX "api_keys_keyHash_key" ON "api_keys"("keyHash");
CREATE INDEX "api_keys_projectId_idx" ON "api_keys"("projectId");
CREATE TABLE "new_resources" (
    "projectId" TEXT NOT NULL,
    "id" TEXT NOT NULL,
    "attributes" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "id")
);
INSERT INTO "new_resources" ("attributes", "id", "projectId") SELECT "attributes", "id", 'default' FROM "resources";
DROP TABLE "resources";
ALTER TABLE "new_resources" RENAME TO "resources";
CREATE TABLE "new_spans" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "parentSpanId" TEXT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "spanKind" INTEGER NOT NULL,
    "serviceName" TEXT,
    "scopeName" TEXT,
    "resourceId" TEXT,
    "startNs" BIGINT NOT NULL,
    "endNs" BIGINT NOT NULL,
    "durationMs" REAL NOT NULL,
    "status" TEXT NOT NULL,
    "statusMessage" TEXT,
    "model" TEXT,
    "provider" TEXT,
    "inputTokens" INTEGER,
    "outputTokens" INTEGER,
    "cacheReadTokens" INTEGER,
    "cacheWriteTokens" INTEGER,
    "reasoningTokens" INTEGER,
    "costUsd" REAL,
    "costSource" TEXT,
    "toolName" TEXT,
    "toolCallId" TEXT,
    "agentName" TEXT,
    "sessionId" TEXT,
    "userId" TEXT,
    "input" TEXT,
    "output" TEXT,
    "attributes" TEXT NOT NULL,
    "events" TEXT NOT NULL,
    "links" TEXT,

    PRIMARY KEY ("projectId", "traceId", "spanId")
);
INSERT INTO "new_spans" ("agentName", "attributes", "cacheReadTokens", "cacheWriteTokens", "costSource", "costUsd", "durationMs", "endNs", "events", "input", "inputTokens", "kind", "links", "model", "name", "output", "outputTokens", "parentSpanId", "provider", "reasoningTokens", "resourceId", "scopeName", "serviceName", "sessionId", "spanId", "spanKind", "startNs", "status", "statusMessage", "toolCallId", "toolName", "traceId", "userId", "projectId") SELECT "agentName", "attributes", "cacheReadTokens", "cacheWriteTokens", "costSource", "costUsd", "durationMs", "endNs", "events", "input", "inputTokens", "kind", "links", "model", "name", "output", "outputTokens", "parentSpanId", "provider", "reasoningTokens", "resourceId", "scopeName", "serviceName", "sessionId", "spanId", "spanKind", "startNs", "status", "statusMessage", "toolCallId", "toolName", "traceId", "userId", 'default' FROM "spans";
DROP TABLE "spans";
ALTER TABLE "new_spans" RENAME TO "spans";
CREATE INDEX "spans_projectId_model_idx" ON "spans"("projectId", "model");
CREATE TABLE "new_traces" (
    "projectId" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "serviceName" TEXT,
    "rootSpanId" TEXT,
    "startNs" BIGINT NOT NULL,
    "endNs" BIGINT NOT NULL,
    "durationMs" REAL NOT NULL,
    "status" TEXT NOT NULL,
    "spanCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "llmCallCount" INTEGER NOT NULL,
    "toolCallCount" INTEGER NOT NULL,
    "inputTokens" INTEGER NOT NULL,
    "outputTokens" INTEGER NOT NULL,
    "totalTokens" INTEGER NOT NULL,
    "costUsd" REAL,
    "hasUnpriced" BOOLEAN NOT NULL DEFAULT false,
    "sessionId" TEXT,
    "userId" TEXT,
    "agentName" TEXT,
    "models" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "traceId")
);
INSERT INTO "new_traces" ("agentName", "costUsd", "durationMs", "endNs", "errorCount", "hasUnpriced", "inputTokens", "llmCallCount", "models", "name", "outputTokens", "rootSpanId", "serviceName", "sessionId", "spanCount", "startNs", "status", "toolCallCount", "totalTokens", "traceId", "userId", "projectId") SELECT "agentName", "costUsd", "durationMs", "endNs", "errorCount", "hasUnpriced", "inputTokens", "llmCallCount", "models", "name", "outputTokens", "rootSpanId", "serviceName", "sessionId", "spanCount", "startNs", "status", "toolCallCount", "totalTokens", "traceId", "userId", 'default' FROM "traces";
DROP TABLE "traces";
ALTER TABLE "new_traces" RENAME TO "traces";
CREATE INDEX "traces_projectId_startNs_idx" ON "traces"("projectId", "startNs");
CREATE INDEX "traces_projectId_sessionId_startNs_idx" ON "traces"("projectId", "sessionId", "startNs");
CREATE INDEX "traces_projectId_userId_startNs_idx" ON "traces"("projectId", "userId", "startNs");
CREATE INDEX "traces_projectId_name_startNs_idx" ON "traces"("projectId", "name", "startNs");
CREATE INDEX "traces_projectId_status_startNs_idx" ON "traces"("projectId", "status", "startNs");
CREATE INDEX "traces_projectId_agentName_startNs_idx" ON "traces"("projectId", "agentName", "startNs");
CREATE INDEX "traces_projectId_durationMs_idx" ON "traces"("projectId", "durationMs");
CREATE INDEX "traces_projectId_costUsd_idx" ON "traces"("projectId", "costUsd");
CREATE TABLE "new_trace_facets" (
    "projectId" TEXT NOT NULL,
    "facet" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "facet", "value", "traceId")
);
INSERT INTO "new_trace_facets" ("facet", "traceId", "value", "projectId") SELECT "facet", "traceId", "value", 'default' FROM "trace_facets";
DROP TABLE "trace_facets";
ALTER TABLE "new_trace_facets" RENAME TO "trace_facets";
CREATE TABLE "new_span_logs" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "projectId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "traceId" TEXT NOT NULL,
    "spanId" TEXT NOT NULL,
    "eventName" TEXT NOT NULL,
    "timeNs" BIGINT NOT NULL,
    "body" TEXT,
    "attributes" TEXT NOT NULL
);
INSERT INTO "new_span_logs" ("attributes", "body", "dedupeKey", "eventName", "id", "spanId", "timeNs", "traceId", "projectId") SELECT "attributes", "body", "dedupeKey", "eventName", "id", "spanId", "timeNs", "traceId", 'default' FROM "span_logs";
DROP TABLE "span_logs";
ALTER TABLE "new_span_logs" RENAME TO "span_logs";
CREATE INDEX "span_logs_projectId_traceId_spanId_idx" ON "span_logs"("projectId", "traceId", "spanId");
CREATE UNIQUE INDEX "span_logs_projectId_dedupeKey_key" ON "span_logs"("projectId", "dedupeKey");
CREATE TABLE "new_model_prices" (
    "projectId" TEXT NOT NULL,
    "model" TEXT NOT NULL,
    "provider" TEXT,
    "inputPerMTokUsd" REAL NOT NULL,
    "outputPerMTokUsd" REAL NOT NULL,
    "cacheReadPerMTokUsd" REAL,
    "cacheWritePerMTokUsd" REAL,
    "updatedAt" DATETIME NOT NULL,

    PRIMARY KEY ("projectId", "model")
);
INSERT INTO "new_model_prices" ("cacheReadPerMTokUsd", "cacheWritePerMTokUsd", "inputPerMTokUsd", "model", "outputPerMTokUsd", "provider", "updatedAt", "projectId") SELECT "cacheReadPerMTokUsd", "cacheWritePerMTokUsd", "inputPerMTokUsd", "model", "outputPerMTokUsd", "provider", "updatedAt", 'default' FROM "model_prices";
DROP TABLE "model_prices";
ALTER TABLE "new_model_prices" RENAME TO "model_prices";
CREATE TABLE "new_metric_rollups" (
    "projectId" TEXT NOT NULL,
    "dimension" TEXT NOT NULL,
    "granularity" TEXT NOT NULL,
    "bucketStartMs" BIGINT NOT NULL,
    "groupKey" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "llmCallCount" INTEGER NOT NULL,
    "toolCallCount" INTEGER NOT NULL,
    "durationSumMs" REAL NOT NULL,
    "maxMs" REAL NOT NULL,
    "p50Ms" REAL NOT NULL DEFAULT 0,
    "p95Ms" REAL NOT NULL DEFAULT 0,
    "p99Ms" REAL NOT NULL DEFAULT 0,
    "costUsd" REAL NOT NULL,
    "inputTokens" BIGINT NOT NULL,
    "outputTokens" BIGINT NOT NULL,
    "bins" TEXT NOT NULL,

    PRIMARY KEY ("projectId", "dimension", "granularity", "bucketStartMs", "groupKey")
);
INSERT INTO "new_metric_rollups" ("bins", "bucketStartMs", "costUsd", "count", "dimension", "durationSumMs", "errorCount", "granularity", "groupKey", "inputTokens", "llmCallCount", "maxMs", "outputTokens", "p50Ms", "p95Ms", "p99Ms", "toolCallCount", "projectId") SELECT "bins", "bucketStartMs", "costUsd", "count", "dimension", "durationSumMs", "errorCount", "granularity", "groupKey", "inputTokens", "llmCallCount", "maxMs", "outputTokens", "p50Ms", "p95Ms", "p99Ms", "toolCallCount", 'default' FROM "metric_rollups";
DROP TABLE "metric_rollups";
ALTER TABLE "new_metric_rollups" RENAME TO "metric_rollups";
CREATE INDEX "metric_rollups_cost_cover" ON "metric_rollups"("projectId", "dimension", "granularity", "bucketStartMs", "groupKey", "count", "costUsd", "inputTokens", "outputTokens");
CREATE TABLE "new_alert_rules" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "scopeValue" TEXT,
    "threshold" REAL,
    "driftPct" REAL,
    "windowMinutes" INTEGER NOT NULL,
    "minRuns" INTEGER NOT NULL,
    "webhookUrl" TEXT,
    "webhookSecret" TEXT,
    "enabled" BOOLEAN NOT NULL,
    "createdMs" BIGINT NOT NULL,
    "updatedMs" BIGINT NOT NULL,
    "lastEvaluatedMs" BIGINT,
    "lastValue" REAL
);
INSERT INTO "new_alert_rules" ("createdMs", "driftPct", "enabled", "id", "lastEvaluatedMs", "lastValue", "metric", "minRuns", "name", "scope", "scopeValue", "threshold", "updatedMs", "webhookUrl", "windowMinutes", "projectId") SELECT "createdMs", "driftPct", "enabled", "id", "lastEvaluatedMs", "lastValue", "metric", "minRuns", "name", "scope", "scopeValue", "threshold", "updatedMs", "webhookUrl", "windowMinutes", 'default' FROM "alert_rules";
DROP TABLE "alert_rules";
ALTER TABLE "new_alert_rules" RENAME TO "alert_rules";
CREATE INDEX "alert_rules_projectId_createdMs_idx" ON "alert_rules"("projectId", "createdMs");
-- Rules made before signed webhooks get a signing secret of their own
UPDATE "alert_rules" SET "webhookSecret" = 'whsec_' || lower(hex(randomblob(24))) WHERE "webhookSecret" IS NULL;
CREATE TABLE "new_alert_incidents" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "projectId" TEXT NOT NULL,
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
INSERT INTO "new_alert_incidents" ("baseline", "endMs", "exampleTraceIds", "id", "lastValue", "peakValue", "ruleId", "startMs", "startValue", "state", "threshold", "projectId") SELECT "baseline", "endMs", "exampleTraceIds", "id", "lastValue", "peakValue", "ruleId", "startMs", "startValue", "state", "threshold", 'default' FROM "alert_incidents";
DROP TABLE "alert_incidents";
ALTER TABLE "new_alert_incidents" RENAME TO "alert_incidents";
CREATE INDEX "alert_incidents_ruleId_state_idx" ON "alert_incidents"("ruleId", "state");
CREATE INDEX "alert_incidents_projectId_state_startMs_idx" ON "alert_incidents"("projectId", "state", "startMs");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

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

