// Price overrides: an unknown model stays unpriced (null, never 0) until a price is added; changing a
// price recomputes stored costs and trace totals; reported costs never change.
import { expect, it } from "vitest";
import { authHeaders, forEachDatabase, getTrace, postOtlp, type TestServer } from "./support";
import { hex, request, span } from "./support/otlp-json";

const json = { "content-type": "application/json" };

async function sendCall(server: TestServer, model: string, extra: Record<string, number> = {}) {
  const traceId = hex(16);
  const body = request([
    span(traceId, hex(8), "", `chat ${model}`, 0, 100, {
      "gen_ai.operation.name": "chat",
      "gen_ai.request.model": model,
      "gen_ai.usage.input_tokens": 2000,
      "gen_ai.usage.output_tokens": 500,
      ...extra,
    }),
  ]);
  expect((await postOtlp(server, JSON.stringify(body), json)).status).toBe(200);
  return traceId;
}

const putPrice = (server: TestServer, model: string, body: unknown) =>
  fetch(`${server.baseUrl}/api/v1/prices/${encodeURIComponent(model)}`, {
    method: "PUT",
    body: JSON.stringify(body),
    headers: { ...authHeaders(server), ...json },
  });
const deletePrice = (server: TestServer, model: string) =>
  fetch(`${server.baseUrl}/api/v1/prices/${encodeURIComponent(model)}`, { method: "DELETE", headers: authHeaders(server) });

forEachDatabase((server) => {
  it("prices an unknown model once the user adds it, and recomputes what is stored", async () => {
    const model = `acme-llm-${hex(3)}`;
    const traceId = await sendCall(server, model);
    const before = await getTrace(server, traceId);
    expect([before.trace.costUsd, before.trace.hasUnpricedCalls, before.spans[0]!.costUsd, before.spans[0]!.costSource]).toEqual([null, true, null, null]);

    const put = await putPrice(server, model, { inputPerMTokUsd: 1, outputPerMTokUsd: 4 });
    expect(put.status).toBe(200);
    expect(((await put.json()) as { recomputedSpans: number }).recomputedSpans).toBe(1);
    const after = await getTrace(server, traceId);
    expect(after.spans[0]).toMatchObject({ costSource: "computed" });
    expect(after.spans[0]!.costUsd).toBeCloseTo((2000 * 1 + 500 * 4) / 1e6, 12);
    expect(after.trace.costUsd).toBeCloseTo(0.004, 12);
    expect(after.trace.hasUnpricedCalls).toBe(false);

    const newTrace = await sendCall(server, `${model}-2025-01-01`); // dated snapshot of the new model
    expect((await getTrace(server, newTrace)).spans[0]!.costUsd).toBeCloseTo(0.004, 12);

    expect((await deletePrice(server, model)).status).toBe(200);
    expect((await getTrace(server, traceId)).trace.costUsd).toBeNull();
    expect((await deletePrice(server, model)).status).toBe(404);
  });

  it("overrides a built-in price, never a reported cost, and lists the table", async () => {
    const computed = await sendCall(server, "gpt-4.1-nano");
    const reported = await sendCall(server, "gpt-4.1-nano", { "gen_ai.usage.cost": 0.5 });
    expect((await getTrace(server, computed)).trace.costUsd).toBeCloseTo((2000 * 0.1 + 500 * 0.4) / 1e6, 12);
    expect((await putPrice(server, "gpt-4.1-nano", { inputPerMTokUsd: 10, outputPerMTokUsd: 10, cacheReadPerMTokUsd: 1 })).status).toBe(200);
    expect((await getTrace(server, computed)).trace.costUsd).toBeCloseTo(0.025, 12);
    expect((await getTrace(server, reported)).spans[0]).toMatchObject({ costUsd: 0.5, costSource: "reported" });
    const table = (await (await fetch(`${server.baseUrl}/api/v1/prices`, { headers: authHeaders(server) })).json()) as {
      data: { model: string; source: string; inputPerMTokUsd: number }[];
    };
    expect(table.data.find((p) => p.model === "gpt-4.1-nano")).toMatchObject({ source: "override", inputPerMTokUsd: 10 });
    expect(table.data.find((p) => p.model === "gpt-4o")).toMatchObject({ source: "built-in", inputPerMTokUsd: 2.5 });
    expect((await deletePrice(server, "gpt-4.1-nano")).status).toBe(200);
    expect((await getTrace(server, computed)).trace.costUsd).toBeCloseTo(0.0004, 12);
  });

  it.each([
    [{ inputPerMTokUsd: -1, outputPerMTokUsd: 1 }, "inputPerMTokUsd"],
    [{ inputPerMTokUsd: 1 }, "outputPerMTokUsd"],
    [{ inputPerMTokUsd: 1, outputPerMTokUsd: 1, surprise: true }, "body"],
    ["not an object", "body"],
  ])("rejects a bad price body %j", async (body, parameter) => {
    const response = await putPrice(server, "gpt-4o", body);
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { error: string; parameter: string };
    expect(answer.parameter).toBe(parameter);
    expect(answer.error.length).toBeGreaterThan(5);
  });

  it("rejects a bad model name and bad JSON", async () => {
    expect((await putPrice(server, " ", { inputPerMTokUsd: 1, outputPerMTokUsd: 1 })).status).toBe(400);
    const response = await fetch(`${server.baseUrl}/api/v1/prices/gpt-4o`, { method: "PUT", body: "{", headers: { ...authHeaders(server), ...json } });
    expect(response.status).toBe(400);
  });
});
