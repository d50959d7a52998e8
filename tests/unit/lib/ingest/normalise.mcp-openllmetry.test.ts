// tests/fixtures/otlp/mcp-openllmetry.json (@traceloop/instrumentation-mcp 0.27.0 with @modelcontextprotocol/sdk
// 1.32.2, client and server in one process).
import { describe, expect, it } from "vitest";
import { inputOf, normaliseFixture, outputOf, spanNamed } from "./support/otlp";

const batch = normaliseFixture("mcp-openllmetry");
const call = spanNamed(batch, "get_forecast.tool");

describe("mcp-openllmetry fixture", () => {
  it("reads protocol requests as chains and the tool call as a tool", () => {
    expect(["initialize.mcp", "tools/list.mcp", "mcp.client.session", "forecast_lookup.workflow"].map((n) => spanNamed(batch, n).kind)).toEqual([
      "chain",
      "chain",
      "chain",
      "chain",
    ]);
    expect(call).toMatchObject({ kind: "tool", toolName: "get_forecast" });
  });

  it("unwraps the arguments and the result", () => {
    expect(inputOf(call)).toEqual({ city: "Nantes" });
    expect(outputOf(call)).toEqual({ city: "Nantes", forecast: "windy", celsius: 12 });
  });

  it("reads the session and user association properties", () => {
    for (const span of batch.spans) expect(span).toMatchObject({ sessionId: expect.stringMatching(/^sess-mcp-/), userId: expect.stringMatching(/^user-mcp-/) });
  });
});
