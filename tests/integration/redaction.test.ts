// Redaction at ingest through the real OTLP exporters on SQLite and PostgreSQL: what the project's
// settings name is stored as [REDACTED:<name>], and the original text is nowhere in the database
// (on SQLite, not in the database file or its WAL either).
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { beforeAll, expect, it } from "vitest";
import { signIn } from "../support/sign-in";
import { withDatabase } from "../support/seed-users";
import { forEachDatabase, type TestServer } from "./support";
import { exportTraces } from "./support/metrics-seed";

const json = { "content-type": "application/json" };

// Fictional values of each kind (the key has the shape of an OpenAI project key, the card passes Luhn).
const SECRETS = {
  email: "maya.patel@example.org",
  phone: "+44 20 7946 0958",
  card: "4111 1111 1111 1111",
  openaiKey: `sk-proj-${"A1b2C3d4E5f6".repeat(4)}T3BlbkFJ${"x9Y8z7W6v5U4".repeat(4)}`,
  ip: "203.0.113.77",
  order: "ORD-20261207",
};

forEachDatabase((server) => {
  let target: TestServer;
  let slug: string;

  beforeAll(async () => {
    const cookie = await signIn(server.baseUrl, server.admin.email, server.admin.password);
    slug = `redact-${randomBytes(3).toString("hex")}`;
    const headers = { cookie, origin: server.baseUrl, ...json };
    expect((await fetch(`${server.baseUrl}/api/v1/projects`, { method: "POST", headers, body: JSON.stringify({ name: "Redacted", slug }) })).status).toBe(201);
    const created = await fetch(`${server.baseUrl}/api/v1/projects/${slug}/api-keys`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: "all", scopes: ["ingest", "read", "write", "admin"] }),
    });
    target = { ...server, apiKey: ((await created.json()) as { key: string }).key };
  });

  const put = (body: unknown) =>
    fetch(`${target.baseUrl}/api/v1/projects/${slug}/redaction`, {
      method: "PUT",
      headers: { authorization: `Bearer ${target.apiKey}`, ...json },
      body: JSON.stringify(body),
    });

  it("refuses bad settings with a 400 naming them, and keeps the settings it had", async () => {
    for (const [body, parameter] of [
      [{ detectors: ["dna"] }, "detectors"],
      [{ patterns: [{ name: "p", regex: "(" }] }, "patterns"],
      [{ patterns: [{ name: "p", regex: "\\d+" }] }, "patterns"],
      [{ patterns: [{ name: "p", regex: "(a)\\1" }] }, "patterns"],
      [{ patterns: [{ name: "bad name!", regex: "x{1,3}" }] }, "patterns"],
      [[], "body"],
    ] as const) {
      const response = await put(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { parameter: string }).parameter).toBe(parameter);
    }
    const current = await fetch(`${target.baseUrl}/api/v1/projects/${slug}/redaction`, { headers: { authorization: `Bearer ${target.apiKey}` } });
    expect(await current.json()).toEqual({ detectors: [], patterns: [] });
  });

  it("stores matches as [REDACTED:<name>] and never the original text", async () => {
    const settings = { detectors: ["email", "phone", "credit_card", "secret", "ip_address"], patterns: [{ name: "order_id", regex: "ORD-\\d{8}" }] };
    expect((await put(settings)).status).toBe(200);
    const name = `redaction-${randomBytes(3).toString("hex")}`;
    const prompt = `Customer ${SECRETS.email} (${SECRETS.phone}) paid with ${SECRETS.card} for ${SECRETS.order} from ${SECRETS.ip}; key ${SECRETS.openaiKey}`;
    await exportTraces(target, [
      {
        name,
        startMs: Date.now() - 5000,
        durationMs: 300,
        attributes: { "input.value": prompt, "user.note": `mail ${SECRETS.email}` },
        children: [
          {
            name: "chat gpt-4o",
            offsetMs: 10,
            durationMs: 100,
            attributes: {
              "gen_ai.operation.name": "chat",
              "gen_ai.request.model": "gpt-4o",
              "gen_ai.input.messages": JSON.stringify([{ role: "user", parts: [{ type: "text", content: prompt }] }]),
            },
          },
        ],
      },
    ]);
    const list = (await (await fetch(`${target.baseUrl}/api/v1/traces?name=${name}`, { headers: { authorization: `Bearer ${target.apiKey}` } })).json()) as {
      data: { traceId: string }[];
    };
    const detail = await (
      await fetch(`${target.baseUrl}/api/v1/traces/${list.data[0]!.traceId}`, { headers: { authorization: `Bearer ${target.apiKey}` } })
    ).text();
    for (const label of ["email", "phone", "credit_card", "secret", "ip_address", "order_id"]) expect(detail).toContain(`[REDACTED:${label}]`);
    for (const value of Object.values(SECRETS)) expect(detail).not.toContain(value);

    if (server.name === "sqlite") {
      const file = server.databaseUrl.slice("file:".length);
      const bytes = Buffer.concat([readFileSync(file), ...(existsSync(`${file}-wal`) ? [readFileSync(`${file}-wal`)] : [])]);
      for (const value of Object.values(SECRETS)) expect(bytes.includes(Buffer.from(value)), value).toBe(false);
    } else {
      await withDatabase(server.databaseUrl, async (sql) => {
        for (const value of Object.values(SECRETS)) {
          const rows = await sql.query(`SELECT 1 FROM "spans" WHERE "attributes" LIKE ? OR "input" LIKE ? OR "name" LIKE ? LIMIT 1`, [
            `%${value}%`,
            `%${value}%`,
            `%${value}%`,
          ]);
          expect(rows, value).toEqual([]);
        }
      });
    }
    // The change is on the audit log, with the settings before and after.
    const log = (await (
      await fetch(`${target.baseUrl}/api/v1/projects/${slug}/audit-log`, { headers: { authorization: `Bearer ${target.apiKey}` } })
    ).json()) as { data: { action: string; details: { after?: unknown } }[] };
    expect(log.data.find((e) => e.action === "redaction.update")?.details.after).toEqual(settings);
  });
});
