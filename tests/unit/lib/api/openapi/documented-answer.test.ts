// The integration tests' checker of real answers (tests/integration/support/documented-answer.ts) fails
// for what the document does not say: an unlisted status, an unlisted field, a body where none is listed.
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { documentedAnswers } from "../../../../integration/support/documented-answer";

const check = documentedAnswers(JSON.parse(JSON.stringify(buildOpenApiDocument())) as Parameters<typeof documentedAnswers>[0]);
const error = (status: number, body: unknown) => Response.json(body, { status });

describe("documentedAnswers", () => {
  it("takes a documented answer and gives back its body", async () => {
    await expect(check(error(400, { error: "limit: must be at most 500", parameter: "limit" }), "GET", "/api/v1/traces")).resolves.toEqual({
      error: "limit: must be at most 500",
      parameter: "limit",
    });
    await expect(check(new Response(null, { status: 204 }), "DELETE", "/api/v1/projects/{slug}/api-keys/{id}")).resolves.toBeNull();
  });

  it("refuses an undocumented status", async () => {
    await expect(check(error(409, { error: "conflict" }), "GET", "/api/v1/traces")).rejects.toThrow(/not a documented answer/);
  });

  it("refuses an undocumented operation", async () => {
    await expect(check(error(200, {}), "GET", "/api/v1/nothing")).rejects.toThrow(/not in the document/);
  });

  it("refuses fields the schema does not list, and wrong types", async () => {
    await expect(check(error(400, { error: "x", surprise: 1 }), "GET", "/api/v1/traces")).rejects.toThrow(/zod schema/);
    await expect(check(error(400, { error: 42 }), "GET", "/api/v1/traces")).rejects.toThrow(/zod schema/);
  });

  it("refuses a body where the document lists none", async () => {
    await expect(check(new Response("moved", { status: 302 }), "GET", "/api/auth/{all}")).rejects.toThrow(/body the document does not describe/);
  });
});
