// Which failures answer 503 (retry later) rather than 500: the shapes the drivers and Prisma really
// produce when PostgreSQL connections drop (captured from pg 8 and @prisma/adapter-pg 6 against a
// server whose backends were terminated), SQLite lock timeouts, and what must stay a 500.
import { describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/data/errors";

const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });

describe("isDatabaseUnavailable", () => {
  it.each<[string, unknown]>([
    ["a terminated backend (pg)", pgError("57P01", "terminating connection due to administrator command")],
    ["a connection lost mid-transaction (pg)", new Error("Connection terminated unexpectedly")],
    ["a query on a client whose connection failed (pg)", new Error("Client has encountered a connection error and is not queryable")],
    ["a refused connection", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", syscall: "connect", errno: -111 })],
    ["a pool that could not connect in time (pg)", new Error("timeout exceeded when trying to connect")],
    ["a deadlock", pgError("40P01", "deadlock detected")],
    ["a server starting up", pgError("57P03", "the database system is starting up")],
    [
      "Prisma's raw query on a terminated backend",
      Object.assign(new Error("Invalid `prisma.$queryRaw()` invocation: Raw query failed. Code: `57P01`."), {
        code: "P2010",
        meta: { driverAdapterError: { name: "DriverAdapterError", cause: { kind: "postgres", code: "57P01", originalCode: "57P01", message: "terminating connection" } } },
      }),
    ],
    [
      "Prisma with a closed connection and a bare message",
      Object.assign(new Error("Invalid `prisma.trace.findMany()` invocation"), { code: "P2010", meta: { driverAdapterError: { cause: { kind: "ConnectionClosed" } } } }),
    ],
    ["Prisma's pool timeout", Object.assign(new Error("Timed out fetching a new connection from the connection pool."), { code: "P2024" })],
    ["a SQLite lock wait that timed out (Prisma)", new Error("Invalid `prisma.apiKey.updateMany()` invocation:\n\nOperation has timed out")],
    ["SQLITE_BUSY", Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" })],
    ["an error of ours wrapping one", new Error("storing the batch failed", { cause: pgError("08006", "connection failure") })],
  ])("is true for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each<[string, unknown]>([
    ["a syntax error", pgError("42601", "syntax error at or near")],
    ["a value out of range", pgError("22003", "value \"3000000000\" is out of range for type integer")],
    ["Prisma's unique violation", Object.assign(new Error("Unique constraint failed"), { code: "P2002", meta: { driverAdapterError: { cause: { kind: "UniqueConstraintViolation" } } } })],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["nothing", undefined],
  ])("is false for %s", (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("does not loop on errors that are their own cause", () => {
    const error = new Error("odd") as Error & { cause?: unknown };
    error.cause = error;
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
