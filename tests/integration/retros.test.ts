// Retros over real HTTP on SQLite and PostgreSQL: one created from an alert incident brings the incident's
// example traces and a timeline; its Markdown export holds the title, summary, timeline, every trace with
// its link, cost and failure mode, and the comments, with span text escaped.
import { randomBytes } from "node:crypto";
import { beforeAll, expect, it } from "vitest";
import { userSession } from "../support/seed-users";
import { forEachDatabase } from "./support";
import { sendAgentRun } from "./support/collab-seed";

const JSON_TYPE = { "content-type": "application/json" };

type Retro = {
  id: string;
  incident: { id: string; ruleName: string; endedAt: string | null } | null;
  title: string;
  status: string;
  traces: { traceId: string; name: string }[];
  timeline: { kind: string; text: string; traceId?: string }[];
  comments: { body: string }[];
};

forEachDatabase((server) => {
  const tag = randomBytes(3).toString("hex");
  const task = `retro-task-${tag} [x](javascript:1) <b>`;
  const url = (path: string) => `${server.baseUrl}${path}`;
  const key = { authorization: `Bearer ${server.apiKey}`, ...JSON_TYPE };
  let member: Record<string, string>;
  let viewer: Record<string, string>;
  let incidentId: string;
  let exampleIds: string[];

  beforeAll(async () => {
    await sendAgentRun(server.baseUrl, server.apiKey, task, Date.now() - 120_000);
    await sendAgentRun(server.baseUrl, server.apiKey, task, Date.now() - 60_000);
    member = { cookie: await userSession(server, `member-${tag}@retro.test`, "member"), origin: server.baseUrl, ...JSON_TYPE };
    viewer = { cookie: await userSession(server, `viewer-${tag}@retro.test`, "viewer"), origin: server.baseUrl, ...JSON_TYPE };
    const rule = await fetch(url("/api/v1/alerts/rules"), {
      method: "POST",
      headers: key,
      body: JSON.stringify({ name: `errors of ${tag}`, metric: "error_rate", scope: "task", scopeValue: task, threshold: 0.5, minRuns: 1, enabled: false }),
    });
    expect(rule.status).toBe(201);
    const ruleId = ((await rule.json()) as { id: string }).id;
    const fired = (await (await fetch(url(`/api/v1/alerts/rules/${ruleId}/evaluate`), { method: "POST", headers: key, body: "{}" })).json()) as {
      transition: string;
      incident: { id: string };
    };
    expect(fired.transition).toBe("fire");
    incidentId = fired.incident.id;
    const incidents = (await (await fetch(url(`/api/v1/alerts/incidents?ruleId=${ruleId}`), { headers: key })).json()) as {
      data: { id: string; exampleTraceIds: string[] }[];
    };
    exampleIds = incidents.data[0]!.exampleTraceIds;
    expect(exampleIds.length).toBeGreaterThan(0);
  });

  it("creates a retro from an alert incident with its example traces, a timeline and a Markdown export", async () => {
    const body = { title: `Search timeouts ${tag}`, severity: "sev2", summary: "The **search** tool timed out.", traceIds: [], alertIncidentId: incidentId };
    expect((await fetch(url("/api/v1/retros"), { method: "POST", headers: viewer, body: JSON.stringify(body) })).status).toBe(403);
    const created = await fetch(url("/api/v1/retros"), { method: "POST", headers: member, body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const retro = (await created.json()) as Retro;
    expect(retro.traces.map((t) => t.traceId).sort()).toEqual([...exampleIds].sort());
    expect(retro.status).toBe("open");
    // The runs failed first, then the alert fired on them.
    expect(retro.timeline.map((e) => e.kind)).toEqual(["first_failure", "alert_fired"]);
    expect(retro.timeline[1]!.text).toContain(`errors of ${tag}`);
    expect(exampleIds).toContain(retro.timeline[0]!.traceId);
    expect(retro.incident).toMatchObject({ id: incidentId, ruleName: `errors of ${tag}`, endedAt: null });

    // The incident lists its retro on the Alerts page, and the retro page links back to its incident.
    const alertsPage = await (await fetch(url("/projects/default/alerts"), { headers: viewer })).text();
    expect(alertsPage).toContain(`href="/projects/default/retros/${retro.id}"`);
    const retroPage = await (await fetch(url(`/projects/default/retros/${retro.id}`), { headers: viewer })).text();
    expect(retroPage).toContain(`href="/projects/default/alerts#incident-${incidentId}"`);

    const traceId = exampleIds[0]!;
    await fetch(url(`/api/v1/traces/${traceId}/comments`), {
      method: "POST",
      headers: member,
      body: JSON.stringify({ body: "Search backend was <b>down</b>" }),
    });
    const closed = await fetch(url(`/api/v1/retros/${retro.id}`), { method: "PATCH", headers: member, body: JSON.stringify({ status: "closed" }) });
    expect(closed.status).toBe(200);
    const after = (await closed.json()) as Retro;
    expect(after.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(["alert_fired", "first_failure", "comment", "retro_closed"]));
    expect(after.comments.map((c) => c.body)).toEqual(["Search backend was <b>down</b>"]);

    const md = await fetch(url(`/api/v1/retros/${retro.id}/export.md`), { headers: viewer });
    expect(md.status).toBe(200);
    expect(md.headers.get("content-type")).toContain("text/markdown");
    const text = await md.text();
    expect(text).toMatch(new RegExp(`^# Search timeouts ${tag}\\n`));
    expect(text).toContain("**Severity:** sev2 · **Status:** closed");
    expect(text).toContain("## Summary\n\nThe **search** tool timed out.");
    expect(text).toContain("## Timeline");
    expect(text).toContain(`Alert "errors of ${tag}" fired`);
    expect(text).toContain(`## Traces (${exampleIds.length})`);
    for (const id of exampleIds) expect(text).toContain(`(${server.baseUrl}/projects/default/traces/${id})`);
    expect(text).toContain("failure mode: ");
    expect(text).toMatch(/\$0\.\d{4}|unpriced/);
    expect(text).toContain("> Search backend was &lt;b>down&lt;/b>");
    // The hostile task name is escaped: no live link, no HTML.
    expect(text).not.toContain("[x](javascript:1)");
    expect(text).not.toContain("<b>");
  });

  it("refuses bad retros with a clear 4xx", async () => {
    const post = (body: unknown) => fetch(url("/api/v1/retros"), { method: "POST", headers: member, body: JSON.stringify(body) });
    for (const [body, parameter] of [
      [{ title: "", severity: "sev1" }, "title"],
      [{ title: "t", severity: "sev9" }, "severity"],
      [{ title: "t", severity: "sev1", traceIds: ["nope"] }, "traceIds.0"],
    ] as const) {
      const response = await post(body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { parameter: string }).parameter).toBe(parameter);
    }
    expect((await post({ title: "t", severity: "sev1", traceIds: ["a".repeat(32)] })).status).toBe(404);
    expect((await post({ title: "t", severity: "sev1", alertIncidentId: "no-such-incident" })).status).toBe(404);
    expect((await fetch(url("/api/v1/retros/no-such-retro/export.md"), { headers: viewer })).status).toBe(404);
  });
});
