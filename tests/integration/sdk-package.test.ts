// The SDK as users get it: `npm pack` of the workspace package, installed into a scratch project outside the
// repository (so nothing resolves from the repo's node_modules; its OpenTelemetry dependencies come from the npm
// cache or registry), compiled there with TypeScript against the shipped declarations, and run against a real
// server: the trace must come back through the read API.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, expect, it } from "vitest";
import { forEachDatabase, getTrace } from "./support";

const run = promisify(execFile);
const REPO = path.resolve(import.meta.dirname, "../..");
const INSTALL_TIMEOUT_MS = 240_000;

// What a user writes. The @ts-expect-error lines fail the compile if the declarations did not resolve (every
// import would be `any`) or lost their precision.
const CONSUMER = `
import { checkHindsightConnection, registerHindsight, traceAgent, traceApproval, traceLlmCall, traceMcpTool, traceTool, withSession } from "@hindsight/sdk";
import type { ApprovalDecision, HindsightHandle } from "@hindsight/sdk";

const [endpoint, apiKey] = process.argv.slice(2);
const check = await checkHindsightConnection({ endpoint, apiKey });
if (!check.ok) throw new Error("connection check failed: " + check.message);

const hindsight: HindsightHandle = registerHindsight({ endpoint, apiKey, serviceName: "sdk-package-consumer" });
// Compiled, never called.
export function misuses(): void {
  // @ts-expect-error "maybe" is not an approval decision
  void traceApproval("typo", () => "maybe");
  // @ts-expect-error an effect is read or write
  void traceTool("typo", {}, () => 1, { effect: "delete" });
}

const traceId = await withSession({ sessionId: "pack-session", userId: "pack-user" }, () =>
  traceAgent("refund-agent", { input: "Refund order A-1" }, async (agent) => {
    await traceLlmCall({ model: "gpt-4o-mini", provider: "openai", messages: "Refund order A-1?" }, () => ({
      usage: { inputTokens: 120, outputTokens: 8 },
    }));
    const approval = await traceApproval("issue_refund", () => ({ decision: "approved" as const, approver: "maya" }), {
      policy: "refunds-over-100",
      request: { orderId: "A-1", amount: 250 },
    });
    const decision: ApprovalDecision = approval.decision;
    await traceTool("issue_refund", { orderId: "A-1", amount: 250 }, () => ({ refunded: true }), { effect: "write" });
    await traceMcpTool({ name: "warehouse", address: "mcp.internal", port: 8931, transport: "tcp" }, "query", { sql: "select 1" }, () => ({
      content: [{ type: "text", text: "1" }],
    }));
    agent.setOutput("Refund " + decision);
    return agent.traceId;
  }),
);
await hindsight.shutdown();
console.log(JSON.stringify({ traceId, stats: hindsight.getExportStats() }));
`;

const TSCONFIG = {
  compilerOptions: {
    target: "ES2022",
    module: "NodeNext",
    moduleResolution: "NodeNext",
    strict: true,
    // Checks the shipped declarations too, not only the consumer.
    skipLibCheck: false,
    outDir: "out",
    typeRoots: [path.join(REPO, "node_modules/@types")],
    types: ["node"],
  },
  files: ["consumer.ts"],
};

/** The environment without what `npm run` exports about the repository (its prefix, package, lifecycle). */
function scratchEnv(): NodeJS.ProcessEnv {
  const keep = /^npm_config_(cache|registry|userconfig|globalconfig|proxy|https_proxy|noproxy|strict_ssl|cafile|offline|prefer_offline)$/i;
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith("npm_") || keep.test(key))) as NodeJS.ProcessEnv;
}

let workDir = "";
let appDir = "";
let packedFiles: string[] = [];

beforeAll(async () => {
  workDir = mkdtempSync(path.join(tmpdir(), "hindsight-sdk-package-"));
  await run("npm", ["pack", "--workspace", "@hindsight/sdk", "--pack-destination", workDir], { cwd: REPO });
  const tarball = readdirSync(workDir).find((name) => name.endsWith(".tgz"));
  if (!tarball) throw new Error(`npm pack wrote no tarball to ${workDir}`);
  packedFiles = (await run("tar", ["-tzf", path.join(workDir, tarball)])).stdout.split("\n").filter(Boolean);

  appDir = path.join(workDir, "app");
  mkdirSync(appDir);
  writeFileSync(path.join(appDir, "package.json"), JSON.stringify({ name: "scratch-consumer", private: true, type: "module" }));
  writeFileSync(path.join(appDir, "tsconfig.json"), JSON.stringify(TSCONFIG));
  writeFileSync(path.join(appDir, "consumer.ts"), CONSUMER);
  const env = scratchEnv();
  await run("npm", ["install", path.join(workDir, tarball), "--no-audit", "--no-fund", "--prefer-offline"], { cwd: appDir, env, timeout: INSTALL_TIMEOUT_MS });
  await run(process.execPath, [path.join(REPO, "node_modules/typescript/bin/tsc"), "--project", appDir], { cwd: appDir, env }).catch(
    (error: { stdout?: string }) => {
      throw new Error(`the consumer does not compile against the packed declarations:\n${error.stdout ?? String(error)}`);
    },
  );
}, INSTALL_TIMEOUT_MS + 60_000);

afterAll(() => {
  if (workDir) rmSync(workDir, { recursive: true, force: true });
});

it("packs the built ESM with declarations, the README and nothing else", () => {
  expect(packedFiles).toEqual(expect.arrayContaining(["package/package.json", "package/README.md", "package/dist/index.js", "package/dist/index.d.ts"]));
  const unexpected = packedFiles.filter((file) => !/^package\/(package\.json|README\.md|dist\/[a-z-]+\.(js|d\.ts))$/.test(file));
  expect(unexpected).toEqual([]);
});

forEachDatabase((server) => {
  it("exports a trace from the installed package that the read API returns", async () => {
    const { stdout } = await run(process.execPath, ["out/consumer.js", server.baseUrl, server.apiKey], { cwd: appDir, env: scratchEnv() });
    const { traceId, stats } = JSON.parse(stdout.trim().split("\n").at(-1)!) as { traceId: string; stats: { exportedSpans: number; failedSpans: number } };
    expect(stats).toMatchObject({ exportedSpans: 5, failedSpans: 0 });

    const { trace, spans } = await getTrace(server, traceId);
    const byName = new Map(spans.map((span) => [span.name, span]));
    expect([...byName.keys()].sort()).toEqual([
      "approval issue_refund",
      "chat gpt-4o-mini",
      "execute_tool issue_refund",
      "invoke_agent refund-agent",
      "tools/call query",
    ]);
    expect(trace).toMatchObject({ sessionId: "pack-session", userId: "pack-user", spanCount: 5, inputTokens: 120, outputTokens: 8 });
    expect(byName.get("invoke_agent refund-agent")).toMatchObject({ kind: "agent", serviceName: "sdk-package-consumer", parentSpanId: null });
    expect(byName.get("approval issue_refund")?.attributes).toMatchObject({
      "hindsight.approval.action": "issue_refund",
      "hindsight.approval.decision": "approved",
      "hindsight.approval.approver": "maya",
      "hindsight.approval.policy": "refunds-over-100",
    });
    expect(byName.get("execute_tool issue_refund")).toMatchObject({ kind: "tool", toolName: "issue_refund", attributes: { "hindsight.tool.effect": "write" } });
    expect(byName.get("tools/call query")).toMatchObject({
      kind: "tool",
      toolName: "query",
      attributes: { "mcp.method.name": "tools/call", "mcp.server.name": "warehouse", "server.address": "mcp.internal" },
    });
  });
});
