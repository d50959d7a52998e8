// One webhook POST that connects only to an address the checks allow: the host is resolved and checked
// (webhook-address.ts) at connection time, inside the request, so the address used is the address checked.
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { checkWebhookUrl, refusedAddressReason } from "./webhook-address";

export type PostResult = { status: number | null; error: string | null; retryable: boolean };

/** A lookup for node:http that resolves as usual, then refuses addresses webhooks must not reach. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    void checkWebhookUrl(`http://${hostname.includes(":") ? `[${hostname}]` : hostname}/`, { allowPrivate }).then((check) => {
      if (!check.ok) return callback(Object.assign(new Error(check.reason), { code: "EHINDSIGHTADDRESS" }), "", 4);
      const address = check.addresses[0]!;
      if (options.all) return callback(null, [{ address, family: address.includes(":") ? 6 : 4 }] as never, 4);
      callback(null, address, address.includes(":") ? 6 : 4);
    });
  };
}

/** POSTs `body`; never throws. A refused address is not worth retrying; a network error or timeout is. */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<PostResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return resolve({ status: null, error: "invalid URL", retryable: false });
    }
    const literal = target.hostname.replace(/^\[|\]$/g, "");
    const literalReason = !options.allowPrivate && /^[\d.]+$|:/.test(literal) ? refusedAddressReason(literal) : null;
    if (literalReason) return resolve({ status: null, error: `refused: ${literal} is ${literalReason}`, retryable: false });
    const client = target.protocol === "https:" ? https : http;
    const request = client.request(
      target,
      {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: options.timeoutMs,
      },
      (response) => {
        response.resume(); // the answer's body is not read
        response.on("end", () => resolve({ status: response.statusCode ?? null, error: null, retryable: false }));
        response.on("error", () => resolve({ status: response.statusCode ?? null, error: null, retryable: false }));
      },
    );
    request.on("timeout", () => request.destroy(Object.assign(new Error(`no answer within ${options.timeoutMs} ms`), { code: "ETIMEDOUT" })));
    request.on("error", (error: Error & { code?: string }) => {
      const refused = error.code === "EHINDSIGHTADDRESS";
      resolve({ status: null, error: refused ? `refused: ${error.message}` : `${error.name}: ${error.message}`, retryable: !refused });
    });
    request.end(body);
  });
}
