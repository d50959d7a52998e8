// Starts a real Hindsight server (the production build, `npm start`'s own script) on a free port with a
// fresh database, for integration and browser tests. Refuses non-local PostgreSQL URLs: tests create
// and drop databases.
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureBuilt } from "../../scripts/lib/build";

export type Database = "sqlite" | "postgres";
/** The instance admin every test server is started with (HINDSIGHT_ADMIN_EMAIL / _PASSWORD). */
export const TEST_ADMIN = { email: "admin@hindsight.test", password: "correct-horse-battery" } as const;

export type TestServer = { name: Database; baseUrl: string; apiKey: string; databaseUrl: string; admin: { email: string; password: string } };
export type RunningServer = TestServer & {
  stop(): Promise<void>;
  /** SIGKILL to the server's whole process group (a crash: no shutdown of any kind); resolves once it exited. */
  kill(): Promise<void>;
  /** SIGTERM to the server's process group (a clean stop); resolves once it exited. Keeps the database: `stop()` still cleans up. */
  terminate(): Promise<void>;
  output(): string;
  /** PID of the start script, which the server replaces once the database is ready (`exec`). */ pid: number;
};

/** Admin connection used to create and drop per-run databases. */
export const TEST_PG_ADMIN_URL = process.env.HINDSIGHT_TEST_PG_URL ?? "postgresql://hindsight:hindsight@127.0.0.1:5432/postgres";

function assertLocal(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", ""].includes(host)) throw new Error(`refusing to run tests against non-local PostgreSQL ${host}`);
}

/** True when the test PostgreSQL accepts connections. */
export async function isPostgresReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: TEST_PG_ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function waitUntilReady(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}:\n${output()}`);
    const ok = await fetch(`${baseUrl}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server did not become ready:\n${output()}`);
}

type Options = {
  database: Database;
  env?: Record<string, string>;
  /** The key registered through HINDSIGHT_INIT_API_KEY; null starts without one (first-start key). */
  apiKey?: string | null;
  /** Reuse an existing database (restart tests); it is then not dropped on stop. */
  databaseUrl?: string;
};

/** Builds once if needed, then starts a server with its own database. */
export async function startHindsight({ database, env = {}, apiKey, databaseUrl: existingUrl }: Options): Promise<RunningServer> {
  ensureBuilt(() => undefined);
  const key = apiKey === undefined ? `hs_test_${randomBytes(12).toString("hex")}` : apiKey;
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (existingUrl) {
    databaseUrl = existingUrl;
    cleanup = async () => undefined;
  } else if (database === "postgres") {
    assertLocal(TEST_PG_ADMIN_URL);
    const name = `hindsight_test_${randomBytes(6).toString("hex")}`;
    await adminQuery(`CREATE DATABASE ${name}`);
    const url = new URL(TEST_PG_ADMIN_URL);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    cleanup = () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "hindsight-test-"));
    databaseUrl = `file:${path.join(dir, "hindsight.db")}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const port = await freePort();
  let log = "";
  const child = spawn("sh", ["scripts/start.sh"], {
    env: {
      ...process.env,
      npm_node_execpath: process.execPath,
      HINDSIGHT_ADMIN_EMAIL: TEST_ADMIN.email,
      HINDSIGHT_ADMIN_PASSWORD: TEST_ADMIN.password,
      // Tests receive webhooks on 127.0.0.1; the address checks have tests of their own.
      HINDSIGHT_WEBHOOK_ALLOW_PRIVATE: "1",
      // Findings of a trace are computed once it has been quiet this long: short, so tests wait little.
      HINDSIGHT_FINDINGS_SETTLE_MS: "300",
      ...env,
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      HINDSIGHT_INIT_API_KEY: key ?? "",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const running = () => child.exitCode === null && child.signalCode === null;
  const kill = async () => {
    if (!running()) return;
    const exited = new Promise((r) => child.once("exit", r));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  };
  const terminate = async () => {
    if (running()) {
      const exited = new Promise((r) => child.once("exit", r));
      process.kill(-child.pid!, "SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
      if (running()) process.kill(-child.pid!, "SIGKILL");
    }
  };
  const stop = async () => {
    await terminate();
    await cleanup();
  };
  try {
    await waitUntilReady(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  const admin = { email: env.HINDSIGHT_ADMIN_EMAIL ?? TEST_ADMIN.email, password: env.HINDSIGHT_ADMIN_PASSWORD ?? TEST_ADMIN.password };
  return { name: database, baseUrl, apiKey: key ?? "", databaseUrl, admin, stop, kill, terminate, output: () => log, pid: child.pid! };
}
