// The document is valid OpenAPI 3.1 (@readme/openapi-parser: the specification's JSON Schema plus its
// rules on path parameters, operation ids and security schemes), its schemas compile as JSON Schema
// 2020-12 in strict mode, and every operation has what a reader needs.
import { compileErrors, validate } from "@readme/openapi-parser";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument, getOpenApiDocument } from "@/lib/api/openapi/document";
import { documentSchemas } from "../../../../support/openapi-json-schema";

const doc = buildOpenApiDocument();
type Operation = {
  summary?: string;
  tags?: string[];
  "x-hindsight-permission"?: string;
  responses?: Record<string, { content?: Record<string, { schema?: unknown }> }>;
};
const operations = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  Object.entries(item as Record<string, Operation>)
    .filter(([method]) => ["get", "post", "put", "patch", "delete"].includes(method))
    .map(([method, op]) => ({ name: `${method.toUpperCase()} ${path}`, op })),
);

describe("the OpenAPI document", () => {
  it("is valid OpenAPI 3.1", async () => {
    expect(doc.openapi).toBe("3.1.0");
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    expect(result.valid ? "" : compileErrors(result)).toBe("");
    expect(result.warnings).toEqual([]);
  });

  it("is refused by the validator when broken (the check can fail)", async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, { get: { parameters: unknown[] } }> };
    broken.paths["/api/v1/traces/{traceId}"]!.get.parameters = [];
    expect((await validate(broken as unknown as Parameters<typeof validate>[0])).valid).toBe(false);
  });

  it("has schemas that compile as strict JSON Schema 2020-12", () => {
    const { compile, names } = documentSchemas(doc);
    expect(names).toEqual(expect.arrayContaining(["TraceSummary", "Span", "Error", "AlertRule", "DriftAnswer"]));
    expect(() => compile({ type: "nonsense" })).toThrow();
    for (const { name, op } of operations) {
      for (const [status, answer] of Object.entries(op.responses ?? {})) {
        for (const media of Object.values(answer.content ?? {})) if (media.schema) expect(() => compile(media.schema), `${name} ${status}`).not.toThrow();
      }
    }
  }, 30_000); // compiles every response schema of the document: seconds on a loaded 2-core machine

  it("gives every operation a summary and a tag of the document, and those that check credentials their error answers", () => {
    const tags = new Set((doc.tags ?? []).map((t) => t.name));
    for (const { name, op } of operations) {
      expect(op.summary, name).toBeTruthy();
      expect(tags.has(op.tags?.[0] ?? ""), name).toBe(true);
      if (op["x-hindsight-permission"] !== "public") expect(Object.keys(op.responses ?? {}), name).toContain("401");
    }
  });

  it("is built once per process", () => {
    expect(getOpenApiDocument()).toBe(getOpenApiDocument());
    expect(getOpenApiDocument()).toEqual(doc);
  });
});
