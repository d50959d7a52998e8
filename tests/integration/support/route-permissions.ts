// Who may call each API route, for the authorisation tests (authorization.test.ts), which walk the route
// tree and fail for any route.ts method missing here. "public" routes answer without credentials; the
// others need a caller with that permission (an API key scope, or a session whose role grants it) and
// answer 401 to none, 403 to too little, 404 for another project's data.
import type { Permission } from "@/lib/access/permissions";

export type RouteRule = Permission | "public" | "instance-admin" | "auth";
export type MethodRules = Partial<Record<"GET" | "POST" | "PUT" | "PATCH" | "DELETE", RouteRule>>;

/** Route path (as under app/, route groups removed) → method → rule. */
export const ROUTE_PERMISSIONS: Record<string, MethodRules> = {
  "/api/health": { GET: "public" },
  "/api/openapi.json": { GET: "public" },
  "/api/auth/[...all]": { GET: "auth", POST: "auth" },
  "/v1/traces": { POST: "ingest" },
  "/v1/logs": { POST: "ingest" },
  "/api/public/otel/v1/traces": { POST: "ingest" },
  "/api/v1/traces": { GET: "read" },
  "/api/v1/traces/[traceId]": { GET: "read" },
  "/api/v1/traces/[traceId]/critical-path": { GET: "read" },
  "/api/v1/traces/diff": { GET: "read" },
  "/api/v1/metrics/latency": { GET: "read" },
  "/api/v1/metrics/cost": { GET: "read" },
  "/api/v1/metrics/findings": { GET: "read" },
  "/api/v1/drift": { GET: "read" },
  "/api/v1/graph": { GET: "read" },
  "/api/v1/prices": { GET: "read" },
  "/api/v1/prices/[model]": { PUT: "admin", DELETE: "admin" },
  "/api/v1/alerts/rules": { GET: "read", POST: "write" },
  "/api/v1/alerts/rules/[id]": { GET: "read", PUT: "write", DELETE: "write" },
  "/api/v1/alerts/rules/[id]/evaluate": { POST: "write" },
  "/api/v1/alerts/incidents": { GET: "read" },
  "/api/v1/projects": { GET: "read", POST: "instance-admin" },
  "/api/v1/projects/[slug]": { PATCH: "admin" },
  "/api/v1/projects/[slug]/api-keys": { GET: "admin", POST: "admin" },
  "/api/v1/projects/[slug]/api-keys/[id]": { DELETE: "admin" },
  "/api/v1/projects/[slug]/members": { GET: "read", POST: "admin" },
  "/api/v1/projects/[slug]/members/[userId]": { PATCH: "admin", DELETE: "admin" },
  "/api/v1/projects/[slug]/audit-log": { GET: "admin" },
  "/api/v1/projects/[slug]/redaction": { GET: "read", PUT: "admin" },
};
