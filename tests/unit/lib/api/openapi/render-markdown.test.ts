import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi/document";
import { anchorOf, renderMarkdown, typeOf } from "@/lib/api/openapi/render-markdown";

const doc = buildOpenApiDocument();
const markdown = renderMarkdown(doc);
const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!);

describe("renderMarkdown", () => {
  it("has a section for every operation and every named schema", () => {
    for (const [path, item] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(item).filter((k) => ["get", "post", "put", "patch", "delete"].includes(k))) {
        expect(headings).toContain(`${method.toUpperCase()} ${path}`);
      }
    }
    for (const name of Object.keys(doc.components?.schemas ?? {})) expect(headings).toContain(name);
  });

  it("links only to headings it has", () => {
    const anchors = new Set(headings.map(anchorOf));
    const targets = [...markdown.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(100);
    expect(targets.filter((t) => !anchors.has(t))).toEqual([]);
  });

  it("keeps table rows to their columns (pipes in text escaped)", () => {
    for (const row of markdown.split("\n").filter((line) => line.startsWith("| "))) {
      const cells = row.split(/(?<!\\)\|/).length - 2;
      expect([2, 3, 4, 5], row).toContain(cells);
    }
  });

  it("names the permission of each operation", () => {
    expect(markdown).toContain("### GET /api/v1/traces\n\n**List traces**");
    expect(markdown).toMatch(/### PUT \/api\/v1\/prices\/\{model\}[\s\S]*?\*\*Access:\*\* `admin`/);
  });
});

describe("typeOf", () => {
  it.each([
    [{ $ref: "#/components/schemas/TraceSummary" }, "[TraceSummary](#tracesummary)"],
    [{ type: ["string", "null"], format: "date-time" }, "string (date-time) or null"],
    [{ type: "integer", minimum: 1, maximum: 500 }, "integer, 1–500"],
    [{ type: "number", exclusiveMinimum: 0, maximum: 10 }, "number, > 0, ≤ 10"],
    [{ type: "string", enum: ["ok", "error"] }, "`ok`, `error`"],
    [{ type: ["string", "null"], enum: ["reported", "computed", null] }, "`reported`, `computed` or null"],
    [{ type: "array", items: { $ref: "#/components/schemas/Span" } }, "[Span](#span)[]"],
    [{ type: "array", items: { type: "string", enum: ["read", "write"] }, minItems: 1 }, "list of (`read`, `write`), ≥ 1 items"],
    [{ anyOf: [{ $ref: "#/components/schemas/Incident" }, { type: "null" }] }, "[Incident](#incident) or null"],
    [{ type: "object", additionalProperties: {} }, "map of JSON values"],
    [{ description: "anything" }, "any JSON"],
    [{ type: "string", pattern: "^[a-f]{2}$" }, "string, pattern `^[a-f]{2}$`"],
  ])("%j → %s", (schema, expected) => {
    expect(typeOf(schema)).toBe(expected);
  });
});
