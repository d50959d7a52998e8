// Matches the model names that spans carry to price-table keys:
//   gpt-4o-2024-08-06 → gpt-4o, openai/gpt-4o → gpt-4o, claude-3-5-sonnet-20241022 → claude-3-5-sonnet,
//   anthropic.claude-3-5-haiku-20241022-v1:0 (Bedrock) → claude-3-5-haiku, models/gemini-2.5-flash → gemini-2.5-flash,
//   meta-llama/Llama-3.3-70B-Instruct-Turbo → llama-3.3-70b.
// Only snapshot and version suffixes are dropped, never words: gpt-4o-audio-preview is not gpt-4o.

// Bedrock-style vendor prefixes (`anthropic.`, `us.anthropic.`) and region prefixes.
const DOTTED_VENDOR = /^(?:(?:us|eu|apac|global)\.)?(?:anthropic|meta|mistral|amazon|cohere|ai21|deepseek|openai)\./;
// One trailing snapshot or version token: a date, a 3–4 digit build (0613, 001, 2411), latest, a version
// tag (v1:0), a dated preview, or a serving variant. Stripped one at a time, each result a candidate.
const SUFFIX = /[-@:](?:\d{4}-\d{2}-\d{2}|\d{8}|\d{3,4}|latest|v\d+(?::\d+)?|preview-\d{2}-\d{2}|instruct|turbo|versatile|fp8|hf)$/;

/** Candidate keys for a raw model name, most specific first. */
export function modelKeyCandidates(raw: string): string[] {
  let name = raw.trim().toLowerCase();
  name = name.slice(name.lastIndexOf("/") + 1); // provider/ and models/ prefixes
  name = name.replace(DOTTED_VENDOR, "");
  // OpenRouter and others write claude-3.5-sonnet; Anthropic's own ids use dashes.
  if (name.startsWith("claude")) name = name.replace(/(\d)\.(\d)/g, "$1-$2");
  const candidates = [name];
  for (let next = name.replace(SUFFIX, ""); next && next !== candidates.at(-1); next = next.replace(SUFFIX, "")) {
    candidates.push(next);
  }
  return candidates;
}

/** The price-table key for a model name, or null when no entry matches. */
export function matchModelKey(raw: string, has: (key: string) => boolean): string | null {
  for (const candidate of modelKeyCandidates(raw)) if (has(candidate)) return candidate;
  return null;
}
