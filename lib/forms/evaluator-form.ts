// The evaluator form as the JSON body the API takes: the filter typed as a trace-list query string (what
// the trace list's URL shows, e.g. `name=refund&status=error`), the rule's value as text (a number for
// the limits, JSON for a schema), labels comma-separated. Pure, without zod (the API's checks judge the
// body itself, so the form and the API refuse the same things).

type FormBody = { ok: true; value: Record<string, unknown> } | { ok: false; field: string; message: string };

export const EVALUATOR_FORM_FIELDS = [
  "name",
  "scoreName",
  "type",
  "target",
  "filter",
  "sampleRate",
  "ruleKind",
  "ruleValue",
  "judgeModel",
  "judgePrompt",
  "judgeLabels",
  "maxCostUsdPerDay",
] as const;

const NUMERIC_KINDS = new Set(["max_cost_usd", "max_duration_ms", "max_tool_calls"]);
const NO_VALUE_KINDS = new Set(["no_error", "no_findings"]);

const number = (text: string): number => (text.trim() === "" ? NaN : Number(text));

function ruleOf(kind: string, text: string): { ok: true; rule: Record<string, unknown> } | { ok: false; field: string; message: string } {
  if (NO_VALUE_KINDS.has(kind)) return { ok: true, rule: { kind } };
  if (NUMERIC_KINDS.has(kind)) {
    const value = number(text);
    return Number.isFinite(value) ? { ok: true, rule: { kind, value } } : { ok: false, field: "ruleValue", message: "rule.value: must be a number" };
  }
  if (kind === "json_schema") {
    try {
      return { ok: true, rule: { kind, value: JSON.parse(text) as unknown } };
    } catch {
      return { ok: false, field: "ruleValue", message: "rule.value: must be a JSON Schema (JSON text)" };
    }
  }
  return { ok: true, rule: { kind, value: text } };
}

export function evaluatorFormBody(values: Record<string, string>): FormBody {
  const filter: Record<string, string> = {};
  const query = (values.filter ?? "").trim().replace(/^.*\?/, "");
  for (const [key, value] of new URLSearchParams(query)) if (key !== "project") filter[key] = value;
  const sampleRate = number(values.sampleRate ?? "1");
  if (!Number.isFinite(sampleRate)) return { ok: false, field: "sampleRate", message: "sampleRate: must be a number between 0 and 1" };
  const body: Record<string, unknown> = {
    name: values.name ?? "",
    scoreName: values.scoreName ?? "",
    type: values.type ?? "rule",
    target: values.target ?? "trace",
    filter,
    sampleRate,
  };
  if (body.type === "llm_judge") {
    const labels = (values.judgeLabels ?? "")
      .split(",")
      .map((label) => label.trim())
      .filter(Boolean);
    body.judge = { model: (values.judgeModel ?? "").trim(), prompt: values.judgePrompt ?? "", ...(labels.length > 0 ? { labels } : {}) };
    const cap = (values.maxCostUsdPerDay ?? "").trim();
    body.maxCostUsdPerDay = cap === "" ? null : number(cap);
    if (cap !== "" && !Number.isFinite(body.maxCostUsdPerDay)) return { ok: false, field: "maxCostUsdPerDay", message: "maxCostUsdPerDay: must be a number" };
  } else {
    const rule = ruleOf(values.ruleKind ?? "", values.ruleValue ?? "");
    if (!rule.ok) return rule;
    body.rule = rule.rule;
  }
  return { ok: true, value: body };
}

/** What the form shows for a stored evaluator (the edit form), in the form's own fields. */
export function evaluatorFormValues(e: {
  name: string;
  scoreName: string;
  type: string;
  target: string;
  filter: Record<string, string>;
  sampleRate: number;
  rule: { kind: string; value?: unknown } | null;
  judge: { model: string; prompt: string; labels: string[] | null } | null;
  maxCostUsdPerDay: number | null;
}): Record<(typeof EVALUATOR_FORM_FIELDS)[number], string> {
  const value = e.rule && "value" in e.rule ? e.rule.value : undefined;
  return {
    name: e.name,
    scoreName: e.scoreName,
    type: e.type,
    target: e.target,
    filter: new URLSearchParams(e.filter).toString(),
    sampleRate: String(e.sampleRate),
    ruleKind: e.rule?.kind ?? "contains",
    ruleValue: value === undefined ? "" : typeof value === "string" ? value : JSON.stringify(value),
    judgeModel: e.judge?.model ?? "",
    judgePrompt: e.judge?.prompt ?? "",
    judgeLabels: e.judge?.labels?.join(", ") ?? "",
    maxCostUsdPerDay: e.maxCostUsdPerDay === null ? "" : String(e.maxCostUsdPerDay),
  };
}

/** The form field that shows an API error about `field` (rule.value → ruleValue, judge.prompt → judgePrompt). */
export function formFieldOf(field: string): string {
  const [head, tail] = field.split(".");
  if (head === "rule") return tail === "kind" ? "ruleKind" : "ruleValue";
  if (head === "judge") return tail === "model" ? "judgeModel" : tail === "labels" || tail === "range" ? "judgeLabels" : "judgePrompt";
  return head ?? field;
}

/** What the Evaluators page's buttons (enable, disable, backfill, delete) answer. */
export type EvaluatorActionResult = { ok: true; message: string } | { ok: false; message: string };
