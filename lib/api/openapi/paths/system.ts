// Health, this document, and Better Auth's sign-in endpoints.
import { z } from "zod";
import { jsonContent, operation, retryAfter, type ApiOperation } from "../operations";
import { authErrorSchema, healthSchema, unavailableSchema } from "../schemas/system";

export const systemOperations: ApiOperation[] = [
  operation({
    method: "get",
    path: "/api/health",
    tags: ["System"],
    summary: "Liveness and readiness",
    description: "For load balancers: 200 when the database answers, with how ingest runs; 503 without details when it does not.",
    access: "public",
    responses: {
      200: { description: "Ready.", content: jsonContent(healthSchema) },
      503: { description: "The database does not answer.", content: jsonContent(unavailableSchema) },
    },
  }),
  operation({
    method: "get",
    path: "/api/openapi.json",
    tags: ["System"],
    summary: "This OpenAPI document",
    description: "The API's contract, generated from the schemas the routes validate with. Rendered as Markdown in the repository's docs/api.md.",
    access: "public",
    responses: { 200: { description: "An OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
  }),
  ...(["get", "post"] as const).map((method) =>
    operation({
      method,
      path: "/api/auth/{all}",
      tags: ["System"],
      summary: `Sign-in endpoints (${method.toUpperCase()})`,
      description:
        "Better Auth's endpoints, used by the dashboard: `POST sign-in/email` (`{ email, password }`; 10 failures for one email or address within 10 minutes → 429 with Retry-After), `POST sign-out`, `GET get-session`, and the OpenID Connect sign-in and callback when SSO is configured. Sign-up is closed: users are invited. Mutations need a same-origin `Origin`.",
      externalDocs: { description: "Better Auth API", url: "https://www.better-auth.com/docs/concepts/api" },
      access: "auth",
      request: { params: z.object({ all: z.string().meta({ description: "The rest of the path; may contain `/`.", example: "sign-in/email" }) }) },
      responses: {
        200: { description: "Better Auth's answer (JSON); sign-in sets the session cookie." },
        302: { description: "OpenID Connect redirects." },
        401: { description: "Wrong email or password.", content: jsonContent(authErrorSchema) },
        429: { description: "Too many failed sign-ins.", content: jsonContent(authErrorSchema), headers: retryAfter },
      },
    }),
  ),
];
