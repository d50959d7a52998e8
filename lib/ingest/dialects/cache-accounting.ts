// Whether an instrumentation's input token count already includes the cached prompt tokens, by instrumentation
// scope and version, as each library was seen to send it (fixtures in tests/fixtures/otlp/). Hindsight stores
// input tokens INCLUDING the cache, with cache reads and writes as parts of it; an "exclusive" count gets the
// cache parts added back. Anthropic's API reports `input_tokens` without the cache, so every library that copies
// it unchanged is exclusive, and every library that adds the parts (or wraps OpenAI, whose prompt_tokens
// include them) is inclusive. Scopes not listed here are read by the generic rule in normalise-usage.ts.
import type { InstrumentationScope as Scope } from "../otlp-types";

export type InputAccounting = "inclusive" | "exclusive";

type Rule = {
  scope: string | RegExp;
  /** The rule holds from this version on (inclusive); absent: every version. */
  fromVersion?: string;
  /** The rule holds below this version; absent: no upper bound. */
  belowVersion?: string;
  input: InputAccounting;
};

export const CACHE_ACCOUNTING: readonly Rule[] = [
  // 0.2.8 sends llm.token_count.prompt = input_tokens + cache_read + cache_creation, with the parts as
  // prompt_details.cache_read/cache_write.
  { scope: "@arizeai/openinference-instrumentation-anthropic", fromVersion: "0.2.8", input: "inclusive" },
  // 0.1.x (0.1.22 read) sends Anthropic's input_tokens as llm.token_count.prompt and no cache attributes.
  { scope: "@arizeai/openinference-instrumentation-anthropic", belowVersion: "0.2.8", input: "exclusive" },
  // 0.27.0 copies Anthropic's input_tokens to gen_ai.usage.input_tokens and the parts to
  // gen_ai.usage.cache_read.input_tokens / cache_creation.input_tokens.
  { scope: "@traceloop/instrumentation-anthropic", input: "exclusive" },
  // The Anthropic SDK's own spans (1.17.0): gen_ai.usage.input_tokens is the sum of the three counts, the parts
  // come as gen_ai.usage.cache_read.input_tokens / cache_write.input_tokens. Other platforms append a suffix.
  { scope: /^com\.anthropic\.sdk\./, input: "inclusive" },
];

/** Numeric dotted versions compared part by part ("0.10.0" > "0.9.3"); pre-release tails are ignored. */
export function compareVersions(a: string, b: string): number {
  const parts = (v: string) =>
    v
      .split("-")[0]!
      .split(".")
      .map((p) => Number.parseInt(p, 10) || 0);
  const [x, y] = [parts(a), parts(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) {
    const d = (x[i] ?? 0) - (y[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

const scopeMatches = (rule: Rule, name: string) => (typeof rule.scope === "string" ? rule.scope === name : rule.scope.test(`${name}.`));

/**
 * How the scope counts input tokens, or null when Hindsight has no rule for it. A version-bound rule needs a
 * version: a scope sent without one matches only the rules that hold for every version.
 */
export function inputAccountingOf(scope: Scope): InputAccounting | null {
  for (const rule of CACHE_ACCOUNTING) {
    if (!scopeMatches(rule, scope.name)) continue;
    if (rule.fromVersion || rule.belowVersion) {
      if (!scope.version) continue;
      if (rule.fromVersion && compareVersions(scope.version, rule.fromVersion) < 0) continue;
      if (rule.belowVersion && compareVersions(scope.version, rule.belowVersion) >= 0) continue;
    }
    return rule.input;
  }
  return null;
}
