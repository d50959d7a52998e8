// Checks a real HTTP answer against the OpenAPI document: the status must be one the operation lists,
// and a JSON body must parse with the very zod schema the document was generated from AND validate
// against the JSON Schema the served document gives clients. A body the document does not describe
// fails, and so does an undocumented status.
import type { ResponseConfig } from "@asteasolutions/zod-to-openapi";
import { expect } from "vitest";
import { z } from "zod";
import { API_OPERATIONS } from "@/lib/api/openapi/document";
import { documentSchemas } from "../../support/openapi-json-schema";

type ServedDoc = { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema?: unknown }> }> }>> };

export type AnswerChecker = (response: Response, method: string, path: string) => Promise<unknown>;

/** A checker bound to the document `served` by the server under test. */
export function documentedAnswers(served: ServedDoc): AnswerChecker {
  const { compile } = documentSchemas(served as Parameters<typeof documentSchemas>[0]);
  return async (response, method, path) => {
    const name = `${method} ${path} → ${response.status}`;
    const operation = API_OPERATIONS.find((op) => op.method === method.toLowerCase() && op.path === path);
    expect(operation, `${method} ${path} is not in the document`).toBeDefined();
    const answer = operation!.responses[String(response.status)] as ResponseConfig | undefined;
    expect(answer, `${name} is not a documented answer`).toBeDefined();
    const text = await response.text();
    const contentType = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = answer!.content?.[contentType] as { schema?: unknown } | undefined;
    if (!answer!.content) {
      expect(text, `${name} has a body the document does not describe`).toBe("");
      return null;
    }
    expect(media, `${name}: content type ${contentType} is not documented`).toBeDefined();
    if (!(media!.schema instanceof z.ZodType)) return text;
    const body = JSON.parse(text) as unknown;
    const parsed = media!.schema.safeParse(body);
    expect(parsed.success ? [] : parsed.error.issues, `${name} against the zod schema`).toEqual([]);
    const validate = compile(served.paths[path]![method.toLowerCase()]!.responses[String(response.status)]!.content![contentType]!.schema);
    expect(validate(body) ? [] : validate.errors, `${name} against the served JSON Schema`).toEqual([]);
    return body;
  };
}
