// Calling a server action over HTTP exactly as React's client does (Next-Action header, arguments encoded
// with React's own encodeReply), to prove an action refuses callers even when no page offers its form.
import { createRequire } from "node:module";

type EncodeReply = (args: unknown[]) => Promise<string | FormData>;
const require = createRequire(import.meta.url);
const { encodeReply } = require("next/dist/compiled/react-server-dom-webpack/client.node") as { encodeReply: EncodeReply };

/** Posts the action `id` to `page` with `args` (FormData values travel as React encodes them); returns the raw answer. */
export async function callServerAction(baseUrl: string, page: string, id: string, args: unknown[], cookie?: string): Promise<{ status: number; text: string }> {
  const body = await encodeReply(args);
  const response = await fetch(`${baseUrl}${page}`, {
    method: "POST",
    headers: {
      "next-action": id,
      accept: "text/x-component",
      origin: baseUrl,
      ...(typeof body === "string" ? { "content-type": "text/plain;charset=UTF-8" } : {}),
      ...(cookie ? { cookie } : {}),
    },
    body,
    redirect: "manual",
  });
  return { status: response.status, text: await response.text() };
}

/** A FormData of string fields. */
export function formOf(fields: Record<string, string | string[]>): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) form.append(key, v);
  return form;
}
