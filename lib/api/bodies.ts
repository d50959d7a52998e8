// Reading a JSON body against a zod schema, each problem a 400 naming the field.
import type { z } from "zod";
import { firstError } from "@/lib/forms/access-forms";
import { jsonError, readJsonBody } from "./respond";

export async function readBody<S extends z.ZodType>(request: Request, schema: S): Promise<{ ok: true; value: z.infer<S> } | { ok: false; response: Response }> {
  const body = await readJsonBody(request);
  if (!body.ok) return body;
  if (typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) {
    return { ok: false, response: jsonError(400, "body: must be a JSON object", { parameter: "body" }) };
  }
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) {
    const { field, message } = firstError(parsed.error);
    return { ok: false, response: jsonError(400, message, { parameter: field }) };
  }
  return { ok: true, value: parsed.data };
}
