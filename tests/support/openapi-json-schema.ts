// The JSON Schemas inside an OpenAPI 3.1 document, compiled with Ajv (JSON Schema 2020-12, strict): a
// schema the generator wrote wrongly fails to compile, and a real answer can be checked against what
// clients of the document read, not only against the zod schema it was made from.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";

type Doc = { components?: { schemas?: Record<string, unknown> } };
const ROOT = "openapi:components";

/** Compiles every named schema of `doc`; `compile` then takes any schema object of the document. */
export function documentSchemas(doc: Doc): { compile: (schema: unknown) => ValidateFunction; names: string[] } {
  const ajv = new Ajv2020({ strict: true, allErrors: true, allowUnionTypes: true, formats: { "date-time": true, email: true } });
  ajv.addKeyword({ keyword: "example" });
  const rewrite = (schema: unknown) => JSON.parse(JSON.stringify(schema).replaceAll('"#/components/schemas/', `"${ROOT}#/$defs/`)) as object;
  const schemas = doc.components?.schemas ?? {};
  ajv.addSchema({ $id: ROOT, $defs: rewrite(schemas) });
  for (const name of Object.keys(schemas)) ajv.getSchema(`${ROOT}#/$defs/${name}`);
  return { compile: (schema) => ajv.compile(rewrite(schema)), names: Object.keys(schemas) };
}
