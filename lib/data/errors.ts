// Database failures that a retry may get past (the database restarting, failing over, a dropped
// connection, lock contention): entry points answer them 503 with Retry-After, never 500. Pure.

const TRANSIENT_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "57P01", // admin_shutdown
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "08000",
  "08003",
  "08006", // connection exceptions
]);

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
    if (/timeout|terminat|connection (error|refused|reset|closed)|not queryable|Connection terminated/i.test(String((e as Error).message ?? e))) return true;
  }
  return false;
}
