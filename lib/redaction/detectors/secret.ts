// API keys, tokens and private keys. secretlint's recommended preset does the detection
// (secretlint-rules.ts); the formats below are the ones the contract names that the preset does not
// cover, each with its provider's documented prefix, so a scan never starts elsewhere.
import type { Detector, Match } from "../types";
import { loadSecretRules, type SecretRule } from "./secretlint-rules";

const TOKEN_CHAR = "A-Za-z0-9_-";
const before = `(?<![${TOKEN_CHAR}])`;
const after = `(?![${TOKEN_CHAR}])`;

/** Formats the preset misses: the hint finds the prefix (from a rare character, as in secretlint-rules.ts), the pattern the whole token. */
const EXTRA: { prefix: string; pattern: string }[] = [
  // JSON Web Tokens: base64url header and payload both start with `{"` (eyJ); the signature may be empty.
  { prefix: "J(?<=eyJ)", pattern: `${before}eyJ[${TOKEN_CHAR}]{8,}\\.eyJ[${TOKEN_CHAR}]{8,}\\.[${TOKEN_CHAR}]*${after}` },
  // Google API keys.
  { prefix: "AIza", pattern: `${before}AIza[${TOKEN_CHAR}]{35}${after}` },
  // Google OAuth 2.0 access tokens and client secrets.
  { prefix: "\\.(?<=ya29\\.)", pattern: `${before}ya29\\.[${TOKEN_CHAR}]{20,}${after}` },
  { prefix: "GOCSPX-", pattern: `${before}GOCSPX-[${TOKEN_CHAR}]{28}${after}` },
  // Anthropic admin keys (the preset knows `sk-ant-api0N-` only).
  { prefix: "-(?<=sk-ant-)admin", pattern: `${before}sk-ant-admin0\\d-[${TOKEN_CHAR}]{80,128}${after}` },
  // OpenAI project, service-account and admin keys (the preset knows the legacy `sk-…T3BlbkFJ…` shape
  // of exactly 20 + 20 characters; current keys are longer and may hold "-" and "_").
  { prefix: "T3BlbkFJ", pattern: `${before}sk-(?:proj-|svcacct-|admin-)?[${TOKEN_CHAR}]{20,200}T3BlbkFJ[${TOKEN_CHAR}]{20,200}${after}` },
  // Stripe live secret and restricted keys.
  { prefix: "_(?<=[sr]k_live_)", pattern: `${before}[sr]k_live_[A-Za-z0-9]{20,247}${after}` },
];

let shared: SecretRule[] | null = null;

/** The preset's rules are created once per thread and reused by every redactor. */
function secretRules(): SecretRule[] {
  return (shared ??= loadSecretRules());
}

export function secretDetector(name = "secret"): Detector {
  const rules = secretRules();
  const extras = EXTRA.map(({ prefix, pattern }) => ({ hint: new RegExp(prefix), pattern: new RegExp(pattern, "g") }));
  return {
    name,
    hint: [...rules.map((r) => r.hint.source), ...EXTRA.map((e) => e.prefix)].join("|"),
    find(text: string, out: Match[]) {
      for (const rule of rules) if (rule.hint.test(text)) rule.scan(text, name, out);
      for (const { hint, pattern } of extras) {
        if (!hint.test(text)) continue;
        for (const m of text.matchAll(pattern)) out.push({ start: m.index, end: m.index + m[0].length, name });
      }
    },
  };
}
