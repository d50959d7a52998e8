// The package's manifest and its entry point agree with what the code and its README promise.
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { SDK_VERSION } from "../../../instrumentation/attributes";
import * as sdk from "../../../instrumentation/index";

const manifest = JSON.parse(readFileSync(path.resolve(import.meta.dirname, "../../../instrumentation/package.json"), "utf8")) as {
  version: string;
  exports: Record<string, unknown>;
  dependencies: Record<string, string>;
  peerDependencies: Record<string, string>;
};

describe("@hindsight/sdk", () => {
  it("reports the package version as its tracer version", () => {
    expect(SDK_VERSION).toBe(manifest.version);
  });

  it("exposes the built index as its only entry point", () => {
    expect(manifest.exports["."]).toEqual({ types: "./dist/index.d.ts", default: "./dist/index.js" });
  });

  it("exports every helper by name from the index", () => {
    const helpers = [
      "registerHindsight",
      "traceAgent",
      "traceLlmCall",
      "traceTool",
      "traceApproval",
      "traceMcpTool",
      "instrumentMcpClient",
      "traceMcpToolHandler",
    ];
    for (const name of helpers) expect(typeof (sdk as Record<string, unknown>)[name], name).toBe("function");
  });

  it("shares the host's OpenTelemetry API instead of bringing its own", () => {
    expect(manifest.peerDependencies["@opentelemetry/api"]).toBeDefined();
    expect(manifest.dependencies["@opentelemetry/api"]).toBeUndefined();
  });
});
