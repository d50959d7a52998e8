// LLM judges: a model on the OpenAI-compatible endpoint (HINDSIGHT_JUDGE_BASE_URL), a prompt template with
// {{input}}, {{output}} and {{expected}}, and the answer asked for: one of `labels`, or a number in `range`
// (default 0–1). A prompt without {{output}} would judge nothing of the run, so it is refused. Pure.

export type JudgeConfig = { model: string; prompt: string; labels: string[] | null; range: [number, number] | null };

export const MAX_PROMPT = 20_000;
const MAX_LABELS = 20;
const MAX_LABEL = 100;

type Checked = { ok: true; judge: JudgeConfig } | { ok: false; field: string; message: string };
const fail = (field: string, message: string): Checked => ({ ok: false, field: `judge.${field}`, message });

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;
export const PLACEHOLDERS = ["input", "output", "expected"] as const;

export function checkJudge(input: unknown): Checked {
  if (typeof input !== "object" || input === null || Array.isArray(input))
    return { ok: false, field: "judge", message: "must be an object { model, prompt, labels? | range? }" };
  const j = input as Record<string, unknown>;
  const extra = Object.keys(j).find((k) => !["model", "prompt", "labels", "range"].includes(k));
  if (extra) return fail(extra, "is not a judge field");
  if (typeof j.model !== "string" || j.model.trim() === "" || j.model.length > 200) return fail("model", "must be the model name (1–200 characters)");
  if (typeof j.prompt !== "string" || j.prompt.trim() === "") return fail("prompt", "must be the prompt template (a non-empty string)");
  if (j.prompt.length > MAX_PROMPT) return fail("prompt", `must be at most ${MAX_PROMPT} characters`);
  const names = [...j.prompt.matchAll(PLACEHOLDER)].map((m) => m[1]!);
  const unknown = names.find((n) => !(PLACEHOLDERS as readonly string[]).includes(n));
  if (unknown) return fail("prompt", `has an unknown placeholder {{${unknown}}}: use {{input}}, {{output}} and {{expected}}`);
  if (!names.includes("output")) return fail("prompt", "must contain {{output}}: the judge has to see what the run answered");
  let labels: string[] | null = null;
  if (j.labels !== undefined && j.labels !== null) {
    if (!Array.isArray(j.labels) || j.labels.length < 2 || j.labels.length > MAX_LABELS) return fail("labels", `must be a list of 2–${MAX_LABELS} labels`);
    labels = [];
    for (const label of j.labels) {
      if (typeof label !== "string" || label.trim() === "" || label.length > MAX_LABEL)
        return fail("labels", `must be non-empty strings of at most ${MAX_LABEL} characters`);
      if (labels.some((l) => l.toLowerCase() === label.trim().toLowerCase())) return fail("labels", `lists "${label}" twice`);
      labels.push(label.trim());
    }
  }
  let range: [number, number] | null = null;
  if (j.range !== undefined && j.range !== null) {
    if (labels) return fail("range", "is for numeric judges: give labels or range, not both");
    const r = j.range;
    if (!Array.isArray(r) || r.length !== 2 || !r.every((n) => typeof n === "number" && Number.isFinite(n)) || (r[0] as number) >= (r[1] as number)) {
      return fail("range", "must be [min, max] with min < max");
    }
    range = [r[0] as number, r[1] as number];
  }
  return { ok: true, judge: { model: j.model.trim(), prompt: j.prompt, labels, range: labels ? null : (range ?? [0, 1]) } };
}

/** The prompt with its placeholders filled in (unknown ones cannot occur: checkJudge refused them). */
export function renderJudgePrompt(template: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return template.replace(PLACEHOLDER, (_, name: string) => values[name as (typeof PLACEHOLDERS)[number]] ?? "");
}

/** The instructions appended to the user's prompt, so the answer can be read back. */
export function answerInstructions(judge: JudgeConfig): string {
  if (judge.labels) {
    return `Answer with a JSON object only: {"label": one of ${JSON.stringify(judge.labels)}, "explanation": "<one sentence>"}.`;
  }
  const [min, max] = judge.range ?? [0, 1];
  return `Answer with a JSON object only: {"score": a number from ${min} to ${max}, "explanation": "<one sentence>"}.`;
}

export type JudgeVerdict = { ok: true; value: number | null; label: string | null; explanation: string | null } | { ok: false; reason: string };

/** Reads the judge's answer: JSON (possibly in a code fence) first, else the bare label or number. */
export function parseJudgeAnswer(judge: JudgeConfig, text: string): JudgeVerdict {
  const trimmed = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/.exec(trimmed)?.[1] ?? trimmed;
  const objectText = /\{[\s\S]*\}/.exec(fenced)?.[0];
  let parsed: Record<string, unknown> | null = null;
  if (objectText) {
    try {
      const value = JSON.parse(objectText) as unknown;
      if (typeof value === "object" && value !== null && !Array.isArray(value)) parsed = value as Record<string, unknown>;
    } catch {
      parsed = null;
    }
  }
  const explanation = typeof parsed?.explanation === "string" ? parsed.explanation.slice(0, 10_000) : null;
  if (judge.labels) {
    const raw = parsed ? parsed.label : trimmed;
    const said =
      typeof raw === "string"
        ? raw
            .trim()
            .replace(/^["'`]|["'`.]$/g, "")
            .toLowerCase()
        : "";
    const label = judge.labels.find((l) => l.toLowerCase() === said);
    return label
      ? { ok: true, value: null, label, explanation }
      : { ok: false, reason: `the judge answered no label of ${judge.labels.join(", ")}: ${trimmed.slice(0, 200)}` };
  }
  const raw = parsed ? parsed.score : trimmed;
  const value = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
  const [min, max] = judge.range ?? [0, 1];
  if (!Number.isFinite(value)) return { ok: false, reason: `the judge answered no number: ${trimmed.slice(0, 200)}` };
  if (value < min || value > max) return { ok: false, reason: `the judge answered ${value}, outside ${min}–${max}` };
  return { ok: true, value, label: null, explanation };
}
