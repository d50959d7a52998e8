// The document lists exactly the routes the app serves: every method exported by app/**/route.ts is an
// operation, every operation is an exported method, and each says the permission the authorisation
// tests hold that route to (tests/integration/support/route-permissions.ts).
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_OPERATIONS, buildOpenApiDocument } from "@/lib/api/openapi/document";
import { PERMISSION_EXTENSION } from "@/lib/api/openapi/operations";
import { ROUTE_PERMISSIONS } from "../../../../integration/support/route-permissions";
import { exportedMethods, listRouteFiles, toOpenApiPath } from "../../../../support/route-tree";

const APP = path.resolve(import.meta.dirname, "../../../../../app");
const served = listRouteFiles(APP).flatMap(({ route, methods }) => methods.map((method) => `${method} ${toOpenApiPath(route)}`));
const doc = buildOpenApiDocument();
const documented = Object.entries(doc.paths ?? {}).flatMap(([p, item]) =>
  Object.keys(item)
    .filter((key) => ["get", "post", "put", "patch", "delete"].includes(key))
    .map((method) => `${method.toUpperCase()} ${p}`),
);

describe("the OpenAPI document against the route tree", () => {
  it("finds the routes it checks", () => {
    expect(served).toContain("GET /api/v1/traces");
    expect(served).toContain("DELETE /api/v1/projects/{slug}/members/{userId}");
    expect(served.length).toBeGreaterThan(30);
  });

  it("documents every method every route.ts exports", () => {
    expect(served.filter((op) => !documented.includes(op))).toEqual([]);
  });

  it("documents nothing the app does not serve", () => {
    expect(documented.filter((op) => !served.includes(op))).toEqual([]);
  });

  it("says for each operation the permission the authorisation tests hold its route to", () => {
    const tested = Object.entries(ROUTE_PERMISSIONS).flatMap(([route, rules]) =>
      Object.entries(rules).map(([method, rule]) => `${method} ${toOpenApiPath(route)} ${rule}`),
    );
    const said = API_OPERATIONS.map((op) => `${op.method.toUpperCase()} ${op.path} ${op[PERMISSION_EXTENSION]}`);
    expect(said.sort()).toEqual(tested.sort());
  });

  it("puts the permission in every operation's description and security requirements", () => {
    for (const op of API_OPERATIONS) {
      expect(op.description, `${op.method} ${op.path}`).toMatch(/\*\*Access:\*\*/);
      const open = op[PERMISSION_EXTENSION] === "public" || op[PERMISSION_EXTENSION] === "auth";
      expect((op.security ?? []).length > 0, `${op.method} ${op.path}`).toBe(!open);
    }
  });
});

describe("exportedMethods", () => {
  it("reads const, function and re-exported handlers, and nothing else", () => {
    const source = `export const dynamic = "force-dynamic";
      export const GET = withApi("read", handler);
      export async function POST() {}
      const handle = () => null;
      export { handle as DELETE, handle as helper };
      function PUT() {}`;
    expect(exportedMethods(source)).toEqual(["GET", "POST", "DELETE"]);
  });
});
