// GET /api/openapi.json: the OpenAPI 3.1 document of this API (lib/api/openapi/), built once per
// process. Public: it is documentation, and tells nothing a project holds.
import { getOpenApiDocument } from "@/lib/api/openapi/document";

export function GET(): Response {
  return Response.json(getOpenApiDocument());
}
