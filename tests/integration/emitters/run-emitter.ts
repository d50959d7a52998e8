// Runs one emitter script in its own Node process against a Hindsight server and returns the JSON line
// it prints (the facts the test should find through the read API).
import { spawn } from "node:child_process";
import path from "node:path";
import type { Kind } from "@/lib/trace/types";

export type EmitterName =
  | "vercel-ai"
  | "openai-official"
  | "openinference-openai"
  | "openllmetry"
  | "langfuse"
  | "openinference-anthropic"
  | "traceloop-anthropic"
  | "anthropic-sdk"
  | "langgraph"
  | "mastra"
  | "vercel-ai-approval"
  | "openai-agents"
  | "mcp-openllmetry";

type SpanRef = { name: string; traceId: string; spanId: string; parentSpanId: string | null };
type LlmCall = { spanId?: string; inputTokens: number; outputTokens: number; cacheReadTokens?: number; mockCachedTokens?: number };
type Totals = { inputTokens: number; outputTokens: number; llmCallCount: number; toolCallCount: number };
type ToolFacts = { name: string; input: unknown; output: unknown; callId?: string };

type Common = {
  framework: string;
  serviceName: string;
  traceId: string;
  sessionId: string;
  userId: string;
  kinds: Record<string, Kind>;
  totals: Totals;
  tool: ToolFacts;
  finalText: string;
  spans: SpanRef[];
};

export type VercelResult = Common & {
  embedTraceId: string;
  functionId: string;
  model: string;
  provider: string;
  llmCalls: LlmCall[];
  totals: Totals & { cacheReadTokens: number };
  embedding: { model: string; tokens: number };
};

export type OpenAIOfficialResult = Common & {
  agentName: string;
  model: string;
  provider: string;
  llmCalls: LlmCall[];
  embedding: { spanId: string; model: string; inputTokens: number };
  logEvents: Record<string, string[]>;
  userMessage: string;
};

export type OpenInferenceResult = Common & {
  agentName: string;
  model: string;
  provider: string;
  llmCalls: LlmCall[];
  embedding: { model: string; inputTokens: null };
  spansWithoutSession: string[];
  userMessage: string;
};

export type OpenLLMetryResult = Common & {
  workflowName: string;
  agentName: string;
  model: string;
  provider: string;
  llmSpanName: string;
  llmCalls: LlmCall[];
  userMessage: string;
};

type Generation = {
  model: string;
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number | null;
  costUsd?: number;
  costSource: "reported" | "computed";
};

export type LangfuseResult = Common & {
  traceName: string;
  agentName: string;
  generations: Record<"classify-intent" | "draft-reply", Generation>;
  totals: Totals & { minCostUsd: number };
  userMessage: string;
};

const EMITTER_DIR = import.meta.dirname;
const TIMEOUT_MS = 45_000;

/**
 * Spawns `emitters/<name>.mjs` with HINDSIGHT_URL/HINDSIGHT_API_KEY and resolves with its result line.
 * `env` passes scenario overrides (such as EMITTER_FUNCTION_ID). Rejects with the emitter's stderr when it exits non-zero (which it does when an export was refused).
 */
export function runEmitter<T>(name: EmitterName, server: { baseUrl: string; apiKey: string }, env: Record<string, string> = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(EMITTER_DIR, `${name}.mjs`)], {
      env: { ...process.env, ...env, HINDSIGHT_URL: server.baseUrl, HINDSIGHT_API_KEY: server.apiKey },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), TIMEOUT_MS);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code !== 0) {
        reject(new Error(`emitter ${name} exited with ${signal ?? code}\n${stderr}`));
        return;
      }
      const line = stdout.trim().split("\n").at(-1) ?? "";
      try {
        resolve(JSON.parse(line) as T);
      } catch {
        reject(new Error(`emitter ${name} printed no JSON result\nstdout: ${stdout}\nstderr: ${stderr}`));
      }
    });
  });
}
