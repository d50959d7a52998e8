// getEnv: validated environment, errors name the variable; the database kind follows DATABASE_URL.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";

/** Explicit environments only: process.env is cached by getEnv and belongs to the test runner. */
const env = (vars: Record<string, string>) => getEnv(vars as NodeJS.ProcessEnv);
const failure = (vars: Record<string, string>): string => {
  try {
    env(vars);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("getEnv accepted the environment");
};

describe("database", () => {
  it.each<[string, Record<string, string>, ReturnType<typeof getEnv>["database"]]>([
    ["unset → SQLite at ./data/hindsight.db", {}, { kind: "sqlite", file: path.resolve("data", "hindsight.db") }],
    ["empty → SQLite default", { DATABASE_URL: "" }, { kind: "sqlite", file: path.resolve("data", "hindsight.db") }],
    ["blank → SQLite default", { DATABASE_URL: "   " }, { kind: "sqlite", file: path.resolve("data", "hindsight.db") }],
    ["file: relative", { DATABASE_URL: "file:./tmp/test.db" }, { kind: "sqlite", file: path.resolve("tmp/test.db") }],
    ["file: absolute", { DATABASE_URL: "file:/var/lib/hindsight/h.db" }, { kind: "sqlite", file: "/var/lib/hindsight/h.db" }],
    ["postgresql://", { DATABASE_URL: "postgresql://u:p@db:5432/hindsight" }, { kind: "postgres", url: "postgresql://u:p@db:5432/hindsight" }],
    ["postgres://", { DATABASE_URL: "postgres://localhost/h" }, { kind: "postgres", url: "postgres://localhost/h" }],
    ["trimmed", { DATABASE_URL: "  postgresql://localhost/h \n" }, { kind: "postgres", url: "postgresql://localhost/h" }],
  ])("%s", (_label, vars, database) => {
    expect(env(vars).database).toEqual(database);
  });
});

describe("defaults", () => {
  it("fills every default", () => {
    expect(env({})).toMatchObject({
      PORT: 3000,
      HINDSIGHT_MAX_BODY_BYTES: 16 * 1024 * 1024,
      HINDSIGHT_MAX_QUEUED_SPANS: 50_000,
      HINDSIGHT_PROJECT_NAME: "Default project",
      HINDSIGHT_SQLITE_SYNCHRONOUS: "FULL",
      HINDSIGHT_SQLITE_WRITER_THREAD: true,
    });
    expect(env({}).HINDSIGHT_INIT_API_KEY).toBeUndefined();
    expect(env({ HINDSIGHT_SQLITE_WRITER_THREAD: "off" }).HINDSIGHT_SQLITE_WRITER_THREAD).toBe(false);
  });

  it("reads given values", () => {
    expect(
      env({
        PORT: "8080",
        HINDSIGHT_INIT_API_KEY: "hs_abcdefghijklmnop",
        HINDSIGHT_MAX_BODY_BYTES: "2048",
        HINDSIGHT_MAX_QUEUED_SPANS: "100",
        HINDSIGHT_PROJECT_NAME: " Agents ",
        HINDSIGHT_SQLITE_SYNCHRONOUS: "NORMAL",
      }),
    ).toMatchObject({
      PORT: 8080,
      HINDSIGHT_INIT_API_KEY: "hs_abcdefghijklmnop",
      HINDSIGHT_MAX_BODY_BYTES: 2048,
      HINDSIGHT_MAX_QUEUED_SPANS: 100,
      HINDSIGHT_PROJECT_NAME: "Agents",
      HINDSIGHT_SQLITE_SYNCHRONOUS: "NORMAL",
    });
  });

  it.each(["hs_0123456789abcdef", "hs_A-b_C-d_E-f_G-h_", " hs_abcdefghijklmnopqrstuvwxyz "])("accepts the API key %j", (key) => {
    expect(env({ HINDSIGHT_INIT_API_KEY: key }).HINDSIGHT_INIT_API_KEY).toBe(key.trim());
  });

  it("ignores unrelated variables", () => {
    expect(env({ HOME: "/root", NODE_ENV: "test" }).PORT).toBe(3000);
  });
});

describe("bad values name the variable", () => {
  it.each<[string, Record<string, string>, string]>([
    ["mysql URL", { DATABASE_URL: "mysql://localhost/h" }, "DATABASE_URL: must start with postgresql:// (PostgreSQL) or file: (SQLite)"],
    ["bare path", { DATABASE_URL: "./data/h.db" }, "DATABASE_URL: must start with postgresql:// (PostgreSQL) or file: (SQLite)"],
    ["sqlite: scheme", { DATABASE_URL: "sqlite:./h.db" }, "DATABASE_URL: must start with postgresql:// (PostgreSQL) or file: (SQLite)"],
    ["PORT text", { PORT: "http" }, "PORT: "],
    ["PORT zero", { PORT: "0" }, "PORT: "],
    ["PORT too big", { PORT: "65536" }, "PORT: "],
    ["PORT fraction", { PORT: "80.5" }, "PORT: "],
    [
      "key without prefix",
      { HINDSIGHT_INIT_API_KEY: "abcdefghijklmnopqrst" },
      "HINDSIGHT_INIT_API_KEY: must look like hs_ followed by at least 16 letters, digits, _ or -",
    ],
    ["key too short", { HINDSIGHT_INIT_API_KEY: "hs_short" }, "HINDSIGHT_INIT_API_KEY: must look like hs_ followed by at least 16 letters, digits, _ or -"],
    [
      "key with a space",
      { HINDSIGHT_INIT_API_KEY: "hs_abcdefgh ijklmnopq" },
      "HINDSIGHT_INIT_API_KEY: must look like hs_ followed by at least 16 letters, digits, _ or -",
    ],
    ["body limit too small", { HINDSIGHT_MAX_BODY_BYTES: "100" }, "HINDSIGHT_MAX_BODY_BYTES: "],
    ["queue bound too small", { HINDSIGHT_MAX_QUEUED_SPANS: "10" }, "HINDSIGHT_MAX_QUEUED_SPANS: "],
    ["synchronous mode", { HINDSIGHT_SQLITE_SYNCHRONOUS: "OFF" }, "HINDSIGHT_SQLITE_SYNCHRONOUS: "],
    ["writer thread switch", { HINDSIGHT_SQLITE_WRITER_THREAD: "yes" }, "HINDSIGHT_SQLITE_WRITER_THREAD: must be on or off"],
    ["blank project name", { HINDSIGHT_PROJECT_NAME: "  " }, "HINDSIGHT_PROJECT_NAME: "],
  ])("%s", (_label, vars, expected) => {
    const message = failure(vars);
    expect(message.startsWith("Invalid environment:\n  ")).toBe(true);
    expect(message).toContain(`\n  ${expected}`);
  });

  it("lists every bad variable at once", () => {
    const lines = failure({ DATABASE_URL: "mysql://x", PORT: "-1", HINDSIGHT_INIT_API_KEY: "nope" }).split("\n").slice(1);
    expect(lines.map((l) => l.trim().split(":")[0])).toEqual(["DATABASE_URL", "PORT", "HINDSIGHT_INIT_API_KEY"]);
  });
});
