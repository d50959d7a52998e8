// One operation of the document: a zod-to-openapi route plus who may call it. `operation()` adds what
// every operation with that access shares (security requirements, the permission in words and as
// `x-hindsight-permission`, the 401/403/500/503 answers), so each path file lists only its own.
import type { ResponseConfig, RouteConfig } from "@asteasolutions/zod-to-openapi";
import type { z } from "zod";
import { ROLES, roleAllows, type Permission } from "@/lib/access/permissions";
import { errorSchema } from "./schemas/common";

/** Who may call an operation: a permission, an instance admin's session, anyone, or Better Auth's own checks. */
export type Access = Permission | "instance-admin" | "public" | "auth";
export const PERMISSION_EXTENSION = "x-hindsight-permission";

export type ApiOperation = RouteConfig & { [PERMISSION_EXTENSION]: Access };
type Spec = Omit<RouteConfig, "security" | "responses"> & { access: Access; responses: Record<number, ResponseConfig> };

/** Security scheme names (components.securitySchemes). */
export const SCHEMES = { bearer: "apiKeyBearer", header: "apiKeyHeader", basic: "apiKeyBasic", session: "sessionCookie" } as const;

type Requirement = Record<string, string[]>;
/** Alternatives: any one of them suffices. */
const anyOf = (...schemes: string[]): Requirement[] => schemes.map((scheme) => ({ [scheme]: [] }));
export const KEY_OR_BASIC = anyOf(SCHEMES.basic, SCHEMES.bearer, SCHEMES.header);
const KEY_OR_SESSION = anyOf(SCHEMES.bearer, SCHEMES.header, SCHEMES.session);
const SECURITY: Record<Access, Requirement[]> = {
  read: KEY_OR_SESSION,
  write: KEY_OR_SESSION,
  admin: KEY_OR_SESSION,
  ingest: anyOf(SCHEMES.bearer, SCHEMES.header),
  "instance-admin": anyOf(SCHEMES.session),
  public: [],
  auth: [],
};

const rolesWith = (permission: Permission) =>
  ROLES.filter((role) => roleAllows(role, permission))
    .join(", ")
    .replace(/, ([^,]+)$/, " or $1");

/** The permission in words, as the description's last paragraph says it. */
export function describeAccess(access: Access): string {
  switch (access) {
    case "public":
      return "**Access:** public, no credentials.";
    case "auth":
      return "**Access:** Better Auth checks the credentials itself.";
    case "ingest":
      return "**Access:** `ingest`: an API key with the `ingest` scope.";
    case "instance-admin":
      return "**Access:** an instance administrator's session; API keys are refused (403).";
    default:
      return `**Access:** \`${access}\`: an API key with the \`${access}\` scope, or the session of a project ${rolesWith(access)}.`;
  }
}

export const jsonContent = (schema: z.ZodType) => ({ "application/json": { schema } });
export const errorAnswer = (description: string): ResponseConfig => ({ description, content: jsonContent(errorSchema) });
export const retryAfter = { "Retry-After": { description: "Seconds to wait before retrying.", schema: { type: "integer" as const } } };

const STANDARD: Record<number, ResponseConfig> = {
  401: errorAnswer("No credentials, or an unknown, expired or revoked API key."),
  403: errorAnswer("The key's scopes or the session's role do not allow this; or a cross-site browser request."),
  500: errorAnswer("Internal error (details go to the server log)."),
  503: { ...errorAnswer("The database is unavailable: retry later."), headers: retryAfter },
};

/** Standard answers an operation with this access can give (the OTLP receiver answers in OTLP's own shape). */
const standardAnswers = (access: Access): number[] => (access === "public" || access === "auth" || access === "ingest" ? [] : [401, 403, 500, 503]);

export function operation({ access, responses, description, ...route }: Spec): ApiOperation {
  const all: Record<number, ResponseConfig> = { ...responses };
  for (const status of standardAnswers(access)) all[status] ??= STANDARD[status]!;
  const sorted = Object.fromEntries(Object.entries(all).sort(([a], [b]) => Number(a) - Number(b)));
  return {
    ...route,
    description: [description, describeAccess(access)].filter(Boolean).join("\n\n"),
    security: SECURITY[access],
    responses: sorted,
    [PERMISSION_EXTENSION]: access,
  };
}
