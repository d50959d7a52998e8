// Database failures that a retry may get past (the database restarting, failing over, a dropped
// connection, lock contention): entry points answer them 503 with Retry-After, never 500. Pure.
//
// They come in several wrappings: node-postgres errors (SQLSTATE `code`), socket errors, Prisma's
// errors (a P-code, with the driver adapter's error under `meta.driverAdapterError.cause`), and
// errors of ours that keep the original as `cause`. Each layer is looked at.

const TRANSIENT_CODES = new Set([
  "SQLITE_BUSY",
  "SQLITE_LOCKED",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "57P01", // admin_shutdown (also pg_terminate_backend)
  "57P02", // crash_shutdown
  "57P03", // cannot_connect_now
  "53300", // too_many_connections
  "40001", // serialization_failure
  "40P01", // deadlock_detected
  "25006", // read_only_sql_transaction: a standby that was the primary before a failover
  "08000",
  "08001",
  "08003",
  "08004",
  "08006", // connection exceptions
  // Prisma: can't reach the server, timed out, server closed the connection, pool timeout, write conflict or deadlock.
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  "P2034",
]);

/** Prisma's driver adapter error kinds for the same failures. */
const TRANSIENT_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections", "TransactionWriteConflict"]);

const TRANSIENT_MESSAGE =
  /timeout|timed out|terminat|connection (error|refused|reset|closed)|not queryable|Connection terminated|server closed the connection|the database system is (starting up|shutting down|in recovery mode)/i;

type Layer = { code?: unknown; originalCode?: unknown; kind?: unknown; message?: unknown; cause?: unknown; meta?: { driverAdapterError?: unknown } };

function transient(layer: Layer): boolean {
  for (const code of [layer.code, layer.originalCode]) if (typeof code === "string" && TRANSIENT_CODES.has(code)) return true;
  if (typeof layer.kind === "string" && TRANSIENT_KINDS.has(layer.kind)) return true;
  return typeof layer.message === "string" && TRANSIENT_MESSAGE.test(layer.message);
}

export function isDatabaseUnavailable(error: unknown): boolean {
  const pending: unknown[] = [error];
  const seen = new Set<unknown>();
  while (pending.length > 0 && seen.size < 12) {
    const layer = pending.shift();
    if (layer === null || layer === undefined || seen.has(layer)) continue;
    seen.add(layer);
    if (typeof layer !== "object") {
      if (TRANSIENT_MESSAGE.test(String(layer))) return true;
      continue;
    }
    const e = layer as Layer;
    if (transient(e)) return true;
    pending.push(e.cause, e.meta?.driverAdapterError);
  }
  return false;
}
